import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  HOST_API_PREFIX,
  HOST_CLIENT_HEADER,
  HOST_LAUNCH_CODE_HEADER,
  HOST_LAUNCH_PATH,
  HOST_TOKEN_HEADER,
} from '../../shared/contract/transport';
import type { CallResult } from '../../shared/contract/errors';
import type { Dispatch } from '../ipc/dispatch';
import { SECURITY_HEADERS, readStaticFile } from '../web/static-files';

const LOOPBACK = '127.0.0.1';
const MAX_BODY_BYTES = 1024 * 1024;

export interface StationHostOptions {
  dispatch: Dispatch;
  /** Folder of the built renderer. */
  staticRoot: string;
  /** 0 (the default) picks a free port. */
  port?: number;
}

export interface StationHost {
  /**
   * A new address to open the station in one browser tab. It carries a one-time code in the fragment
   * (never sent over the wire), which the page trades for the token once; the token itself is never in an
   * address, so it cannot be read from a command line (`/proc`) or a log.
   */
  issueLaunchUrl(): string;
  origin: string;
  port: number;
  /** The per-run token every call carries; in this process only. */
  token: string;
  close(): Promise<void>;
}

function sendJson(res: ServerResponse, status: number, body: CallResult<unknown>): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

function refuse(res: ServerResponse, status: number, code: 'unauthorized' | 'bad_request' | 'unknown_call'): void {
  sendJson(res, status, { ok: false, error: { code, message: code } });
}

function tokenMatches(expected: Buffer, given: string | string[] | undefined): boolean {
  if (typeof given !== 'string') return false;
  const buffer = Buffer.from(given);
  return buffer.length === expected.length && timingSafeEqual(buffer, expected);
}

/** The request body as text, or null when it is larger than the limit (the rest is read and dropped). */
async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    // Keep reading past the limit so the client gets its 413 instead of a reset connection.
    if (size <= MAX_BODY_BYTES) chunks.push(chunk as Buffer);
  }
  return size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString('utf8');
}

function parseJsonBody(body: string): { ok: true; value: unknown } | { ok: false } {
  if (body.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch {
    return { ok: false };
  }
}

/**
 * The loopback station host: serves the built renderer and the contract over HTTP so the real
 * renderer runs in a browser. Bound to 127.0.0.1 only; every call needs the per-run token, which a page
 * gets by trading the one-time code of its launch address (`issueLaunchUrl`); a request
 * for another Host (DNS rebinding) or from another Origin is refused, and no CORS header is ever sent.
 */
export async function startStationHost(options: StationHostOptions): Promise<StationHost> {
  const token = randomBytes(24).toString('base64url');
  const expectedToken = Buffer.from(token);
  /** Launch codes issued and not yet traded; a code leaves the set when it is used. */
  const launchCodes = new Set<string>();
  let origin = '';

  const server = createServer((req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) refuse(res, 500, 'bad_request');
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.headers.host !== origin.replace('http://', '')) return refuse(res, 403, 'unauthorized');
    const path = (req.url ?? '/').split('?')[0] ?? '/';

    if (path === HOST_LAUNCH_PATH && req.method === 'POST') {
      if (req.headers.origin !== undefined && req.headers.origin !== origin) return refuse(res, 403, 'unauthorized');
      const code = req.headers[HOST_LAUNCH_CODE_HEADER];
      if (typeof code !== 'string' || !launchCodes.delete(code)) return refuse(res, 401, 'unauthorized');
      return sendJson(res, 200, { ok: true, data: { token } });
    }

    if (path.startsWith(HOST_API_PREFIX)) {
      if (req.method !== 'POST') return refuse(res, 405, 'bad_request');
      if (req.headers.origin !== undefined && req.headers.origin !== origin) return refuse(res, 403, 'unauthorized');
      if (!tokenMatches(expectedToken, req.headers[HOST_TOKEN_HEADER])) return refuse(res, 401, 'unauthorized');
      // Each browser tab names itself; its sign-in belongs to it alone, as a window's does in the app.
      const clientId = req.headers[HOST_CLIENT_HEADER];
      if (typeof clientId !== 'string' || !/^[A-Za-z0-9_-]{16,64}$/.test(clientId)) return refuse(res, 400, 'bad_request');
      const body = await readBody(req);
      if (body === null) return refuse(res, 413, 'bad_request');
      const parsed = parseJsonBody(body);
      if (!parsed.ok) return refuse(res, 400, 'bad_request');
      const name = decodeURIComponent(path.slice(HOST_API_PREFIX.length));
      return sendJson(res, 200, await options.dispatch(name, parsed.value, { sessionKey: `host:${clientId}` }));
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'bad_request');
    const file = await readStaticFile(options.staticRoot, path);
    if (file === null) return refuse(res, 404, 'bad_request');
    res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': file.contentType, 'cache-control': 'no-cache' });
    res.end(req.method === 'HEAD' ? undefined : file.content);
  }

  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(options.port ?? 0, LOOPBACK, () => resolveListen());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://${LOOPBACK}:${port}`;

  return {
    issueLaunchUrl: () => {
      const code = randomBytes(24).toString('base64url');
      launchCodes.add(code);
      return `${origin}/#launch=${code}`;
    },
    origin,
    port,
    token,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}
