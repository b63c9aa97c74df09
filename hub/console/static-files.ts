import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

/**
 * The built console (`dist/console/`) as files: the same Content-Security-Policy and security headers as the
 * station's pages (`electron/host/static-files.ts`): only its own scripts, styles and calls, no plugins,
 * frames or foreign origins.
 */
export const CONSOLE_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers on every answer under `<base>/console/`, the calls' included. */
export const CONSOLE_SECURITY_HEADERS = {
  'content-security-policy': CONSOLE_CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
} as const;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
};

/** A file inside `root` for a path below `/console/`, or null when it would leave it (decoded first: `%2e%2e/` too). */
function fileInside(root: string, relativePath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(relativePath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = decoded.replace(/^\/+/, '') || 'index.html';
  const absoluteRoot = resolve(root);
  const file = resolve(absoluteRoot, relative);
  return file.startsWith(absoluteRoot + sep) ? file : null;
}

async function readOrNull(file: string): Promise<Buffer | null> {
  try {
    return await readFile(file);
  } catch {
    return null;
  }
}

/**
 * The console file a path below `/console/` names, or null (a 404). The console is a single page: an unknown
 * route gets `index.html`, a missing asset (a name with an extension) does not. A folder that does not exist
 * (the console not built yet) gives null for everything.
 */
export async function readConsoleFile(root: string, relativePath: string): Promise<{ content: Buffer; contentType: string } | null> {
  const file = fileInside(root, relativePath);
  if (file === null) return null;
  const content = await readOrNull(file);
  if (content !== null) return { content, contentType: CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream' };
  if (/\.[a-z0-9]+$/i.test(relativePath)) return null;
  const page = await readOrNull(resolve(root, 'index.html'));
  return page === null ? null : { content: page, contentType: CONTENT_TYPES['.html'] as string };
}
