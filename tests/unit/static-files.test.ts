import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentTypeFor, resolveStaticPath } from '../../electron/web/static-files';

const root = resolve('/srv/relay/dist/renderer');

describe('resolveStaticPath', () => {
  it('maps / and the empty path to index.html', () => {
    expect(resolveStaticPath(root, '/')).toBe(join(root, 'index.html'));
    expect(resolveStaticPath(root, '')).toBe(join(root, 'index.html'));
  });

  it('maps a nested asset inside the root', () => {
    expect(resolveStaticPath(root, '/assets/index-abc123.js')).toBe(join(root, 'assets', 'index-abc123.js'));
  });

  it('ignores the query string', () => {
    expect(resolveStaticPath(root, '/assets/app.css?v=2')).toBe(join(root, 'assets', 'app.css'));
  });

  it('decodes percent-encoded names that stay inside', () => {
    expect(resolveStaticPath(root, '/fonts/Noto%20Sans.woff2')).toBe(join(root, 'fonts', 'Noto Sans.woff2'));
  });

  it('keeps a ../ that stays inside the root inside it', () => {
    expect(resolveStaticPath(root, '/assets/../index.html')).toBe(join(root, 'index.html'));
  });

  it('refuses ../ climbing out of the root', () => {
    expect(resolveStaticPath(root, '/../../etc/passwd')).toBeNull();
    expect(resolveStaticPath(root, '/assets/../../secret.txt')).toBeNull();
    expect(resolveStaticPath(root, '/..')).toBeNull();
  });

  it('refuses percent-encoded traversal', () => {
    expect(resolveStaticPath(root, '/%2e%2e%2f%2e%2e%2fetc/passwd')).toBeNull();
    expect(resolveStaticPath(root, '/%2E%2E/secret.txt')).toBeNull();
    expect(resolveStaticPath(root, '/assets/%2e%2e%2f%2e%2e%2fsecret.txt')).toBeNull();
  });

  it('refuses a sibling folder sharing the root name as prefix', () => {
    expect(resolveStaticPath(root, '/../renderer-private/key.pem')).toBeNull();
  });

  it('refuses the NUL byte, raw or encoded', () => {
    expect(resolveStaticPath(root, '/index.html\0.png')).toBeNull();
    expect(resolveStaticPath(root, '/index.html%00.png')).toBeNull();
  });

  it('refuses bad percent-encoding', () => {
    expect(resolveStaticPath(root, '/%E0%A4%A')).toBeNull();
    expect(resolveStaticPath(root, '/%zz')).toBeNull();
    expect(resolveStaticPath(root, '/%')).toBeNull();
  });

  it('keeps a path with doubled leading slashes inside the root', () => {
    expect(resolveStaticPath(root, '//etc/passwd')).toBe(join(root, 'etc', 'passwd'));
  });
});

describe('contentTypeFor', () => {
  it('knows the renderer files and falls back to octet-stream', () => {
    expect(contentTypeFor('/x/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('/x/app.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('/x/font.woff2')).toBe('font/woff2');
    expect(contentTypeFor('/x/archive.tar')).toBe('application/octet-stream');
  });
});
