import { SECURITY_HEADERS, readStaticFile } from '../web/static-files';
import { APP_HOST, APP_SCHEME } from './window-policy';

const HEADERS = { ...SECURITY_HEADERS, 'cache-control': 'no-cache' };

function notFound(status = 404): Response {
  return new Response(null, { status, headers: HEADERS });
}

/**
 * Serves the built renderer on `app://station/`, the same way the station host serves it over HTTP:
 * the same traversal check, the same CSP header, the page itself for unknown routes. Written against the
 * standard Request/Response so it runs (and is tested) without Electron.
 */
export function createAppProtocolHandler(rendererRoot: string): (request: Request) => Promise<Response> {
  return async (request) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return notFound(400);
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return notFound();
    if (request.method !== 'GET' && request.method !== 'HEAD') return notFound(405);

    const file = await readStaticFile(rendererRoot, url.pathname);
    if (file === null) return notFound();
    // A copy on a plain ArrayBuffer, which is what a Response body accepts.
    const body = request.method === 'HEAD' ? null : new Uint8Array(file.content);
    return new Response(body, { status: 200, headers: { ...HEADERS, 'content-type': file.contentType } });
  };
}
