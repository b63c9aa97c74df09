/**
 * The calls of the protocol's HTTP API (docs/sync-protocol.md §10.2) as a server reads them from a request's
 * path, below an optional base path (`/relay` for `https://host/relay/v1/info`). Shared by every server of
 * the protocol.
 */

/** One call of the API, with what its path names. */
export type Route = { call: 'info' } | { call: 'upload'; batchId: string } | { call: 'ack'; batchId: string } | { call: 'last-batch'; stationCode: string };

/** `relay/`, `/relay` and `/relay/` as `/relay`; nothing as the empty string. */
export function normaliseBasePath(basePath: string | undefined): string {
  const trimmed = (basePath ?? '').replace(/\/+$/, '');
  return trimmed === '' || trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

/** The call a path names below `basePath` (normalised), or null when it names none. */
export function routeOf(pathname: string, basePath: string): Route | null {
  if (!pathname.startsWith(`${basePath}/`)) return null;
  const parts = pathname.slice(basePath.length + 1).split('/');
  if (parts.length === 2 && parts[0] === 'v1' && parts[1] === 'info') return { call: 'info' };
  if (parts.length === 4 && parts[0] === 'v1' && parts[1] === 'stations' && parts[2] && parts[3] === 'last-batch') return { call: 'last-batch', stationCode: parts[2] };
  if (parts[0] !== 'v1' || parts[1] !== 'batches' || !parts[2]) return null;
  let batchId: string;
  try {
    batchId = decodeURIComponent(parts[2]);
  } catch {
    return null;
  }
  if (parts.length === 3) return { call: 'upload', batchId };
  if (parts.length === 4 && parts[3] === 'ack') return { call: 'ack', batchId };
  return null;
}

/** The one method each call answers: uploads are PUT, everything else GET. */
export function methodOf(route: Route): 'PUT' | 'GET' {
  return route.call === 'upload' ? 'PUT' : 'GET';
}
