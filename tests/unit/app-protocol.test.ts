import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/web/static-files';
import { createAppProtocolHandler } from '../../electron/shell/app-protocol';

let base: string;
let serve: (request: Request) => Promise<Response>;

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'relay-app-protocol-'));
  const root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>station</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1);');
  writeFileSync(join(base, 'secret.txt'), 'do not serve');
  serve = createAppProtocolHandler(root);
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('createAppProtocolHandler', () => {
  it('serves the page with the CSP and nosniff headers', async () => {
    const response = await serve(new Request('app://station/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>station</title>');
  });

  it('serves assets with their content type', async () => {
    const response = await serve(new Request('app://station/assets/app.js'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await response.text()).toBe('console.log(1);');
  });

  it('answers an unknown route with the page and a missing asset with 404', async () => {
    const route = await serve(new Request('app://station/visitors/log'));
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<title>station</title>');
    expect((await serve(new Request('app://station/assets/missing.js'))).status).toBe(404);
  });

  it('does not serve files outside the renderer folder', async () => {
    const encoded = await serve(new Request('app://station/%2e%2e/secret.txt'));
    expect(encoded.status).toBe(404);
    const doubleEncoded = await serve(new Request('app://station/assets/..%2f..%2fsecret.txt'));
    expect(doubleEncoded.status).toBe(404);
    expect(await doubleEncoded.text()).not.toContain('do not serve');
  });

  it('refuses another host on the scheme', async () => {
    expect((await serve(new Request('app://evil/index.html'))).status).toBe(404);
  });

  it('refuses methods other than GET and HEAD', async () => {
    const response = await serve(new Request('app://station/index.html', { method: 'POST', body: 'x' }));
    expect(response.status).toBe(405);
    const head = await serve(new Request('app://station/index.html', { method: 'HEAD' }));
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});
