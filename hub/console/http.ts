import type { IncomingMessage, ServerResponse } from 'node:http';
import { consoleErrorStatus, type ConsoleCallResult } from '../../shared/console/errors';
import type { ConsoleDispatcher, SessionCookieChange } from './dispatcher';
import { readStaticFile, SECURITY_HEADERS } from '../../electron/web/static-files';

/** The request header every call must carry: a form or a link from another site cannot set it (CSRF). */
export const CONSOLE_REQUEST_HEADER = 'x-relay-console';
/** The session cookie's name. */
export const CONSOLE_SESSION_COOKIE = 'relay_console_session';
/** The largest call body read; beyond, the call is refused unread. */
export const CONSOLE_MAX_BODY_BYTES = 64 * 1024;

/** How the console is served on the hub's HTTP server. */
export interface ConsoleHttpOptions {
  dispatcher: ConsoleDispatcher;
  /** The built console UI (`dist/console/`); while it does not exist, its pages are a plain 404. */
  uiFolder: string;
  /** Adds `Secure` to the session cookie: the hub is behind a TLS proxy. */
  secureCookies?: boolean;
}

/** The console as the hub's server sees it: which paths are its own, and how it answers them. */
export interface ConsoleHttp {
  /** Whether a path below the hub's base path (`/console/…`) belongs to the console. */
  owns(pathBelowBase: string): boolean;
  handle(request: IncomingMessage, response: ServerResponse, pathBelowBase: string, basePath: string): Promise<void>;
}

function send(response: ServerResponse, status: number, body: Buffer | string, headers: Record<string, string | string[]>): void {
  response.writeHead(status, { ...SECURITY_HEADERS, 'cache-control': 'no-store', ...headers });
  response.end(body);
}

function sendResult(response: ServerResponse, result: ConsoleCallResult<unknown>, cookie: string[] = []): void {
  const status = result.ok ? 200 : consoleErrorStatus[result.error.code];
  send(response, status, JSON.stringify(result), { 'content-type': 'application/json; charset=utf-8', ...(cookie.length > 0 ? { 'set-cookie': cookie } : {}) });
}

function badRequest(response: ServerResponse, status = 400): void {
  const result: ConsoleCallResult<never> = { ok: false, error: { code: 'bad_request' } };
  send(response, status, JSON.stringify(result), { 'content-type': 'application/json; charset=utf-8', connection: 'close' });
}

/** The session token the request's cookie carries, if any. */
export function sessionTokenOf(request: IncomingMessage): string | null {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === CONSOLE_SESSION_COOKIE) return value.join('=') || null;
  }
  return null;
}

/** The Set-Cookie line of a session change: HttpOnly, SameSite=Strict, only for the console's paths. */
export function sessionCookieLine(change: Exclude<SessionCookieChange, null>, cookiePath: string, secure: boolean): string {
  const value = 'set' in change ? change.set : '';
  const attributes = [`${CONSOLE_SESSION_COOKIE}=${value}`, `Path=${cookiePath}`, 'HttpOnly', 'SameSite=Strict'];
  if (secure) attributes.push('Secure');
  if ('clear' in change) attributes.push('Max-Age=0');
  return attributes.join('; ');
}

/** The body, or null when it is larger than the cap (declared or read). */
async function readBody(request: IncomingMessage): Promise<Buffer | null> {
  const declared = Number(request.headers['content-length'] ?? '0');
  if (declared > CONSOLE_MAX_BODY_BYTES) return null;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > CONSOLE_MAX_BODY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * The console over HTTP: `POST <base>/console/api/<call>` with a JSON body (empty for a call without input),
 * the console's request header, and the session cookie; the built UI from `uiFolder` at `<base>/console/`.
 */
export function createConsoleHttp(options: ConsoleHttpOptions): ConsoleHttp {
  const secure = options.secureCookies ?? false;

  async function call(request: IncomingMessage, response: ServerResponse, name: string, cookiePath: string): Promise<void> {
    if (request.method !== 'POST') {
      send(response, 405, '', { allow: 'POST' });
      return;
    }
    if (request.headers[CONSOLE_REQUEST_HEADER] !== '1') {
      badRequest(response, 403);
      return;
    }
    const body = await readBody(request);
    if (body === null) {
      badRequest(response, 413);
      return;
    }
    let input: unknown;
    try {
      input = body.length === 0 ? undefined : JSON.parse(body.toString('utf8'));
    } catch {
      badRequest(response);
      return;
    }
    const { result, cookie } = await options.dispatcher.dispatch(name, input, sessionTokenOf(request));
    sendResult(response, result, cookie === null ? [] : [sessionCookieLine(cookie, cookiePath, secure)]);
  }

  async function page(request: IncomingMessage, response: ServerResponse, relativePath: string): Promise<void> {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      send(response, 405, '', { allow: 'GET, HEAD' });
      return;
    }
    // The console is a single page served like the station's, under the same Content-Security-Policy.
    const file = await readStaticFile(options.uiFolder, `/${relativePath}`);
    if (file === null) {
      send(response, 404, 'not found', { 'content-type': 'text/plain; charset=utf-8' });
      return;
    }
    send(response, 200, request.method === 'HEAD' ? '' : file.content, { 'content-type': file.contentType });
  }

  return {
    owns: (path) => path === '/console' || path.startsWith('/console/'),
    async handle(request, response, path, basePath) {
      const cookiePath = `${basePath}/console/`;
      if (path === '/console') {
        send(response, 308, '', { location: cookiePath });
        return;
      }
      const below = path.slice('/console/'.length);
      if (!below.startsWith('api/')) {
        await page(request, response, below);
        return;
      }
      let name: string;
      try {
        name = decodeURIComponent(below.slice('api/'.length));
      } catch {
        badRequest(response);
        return;
      }
      await call(request, response, name, cookiePath);
    },
  };
}
