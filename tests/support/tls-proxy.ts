import { request as httpRequest, type IncomingMessage } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';

/**
 * A TLS-terminating proxy on 127.0.0.1 in front of a receiver, as a TLS-inspecting middlebox would sit:
 * it passes every request on and keeps the bodies of the uploads it saw. Its certificate is self-signed
 * for 127.0.0.1; a station trusts it through the transport's `ca`.
 */

/** Test-only certificate and key (anyone can read them here): never trust them outside tests. */
export const TEST_TLS_CERT = `-----BEGIN CERTIFICATE-----
MIIBkTCCATagAwIBAgIUNQljiZX/AXm3NZFoSZuCbvEJCA8wCgYIKoZIzj0EAwIw
FDESMBAGA1UEAwwJMTI3LjAuMC4xMCAXDTI2MTIwNjAyNDY0MloYDzIxMjYxMTEy
MDI0NjQyWjAUMRIwEAYDVQQDDAkxMjcuMC4wLjEwWTATBgcqhkjOPQIBBggqhkjO
PQMBBwNCAAQSlLcIiiHZdK13Dc/MafcOXKqjQrsOyqFnw1TwPTDffO2YJV/1xVHd
X6go2WdJ1BH2qOiHdWTQ3P+1UqXkc8sko2QwYjAdBgNVHQ4EFgQUewzoV4sZQAfC
n0cfWWs/FAz0rJswHwYDVR0jBBgwFoAUewzoV4sZQAfCn0cfWWs/FAz0rJswDwYD
VR0TAQH/BAUwAwEB/zAPBgNVHREECDAGhwR/AAABMAoGCCqGSM49BAMCA0kAMEYC
IQC3nQYEZ7oI0jOCH0GT64ZPLg2X0W6XCiJ9G82HKlaaeQIhAMbcDGhdNfmAs1kM
dbLD2IsJ0uULKzNjPgs62hDE/0WP
-----END CERTIFICATE-----
`;
const TEST_TLS_KEY = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg3keKf39QcseUzgHz
TKfbDKVBIGLniZCeZfyD7o5BQbahRANCAAQSlLcIiiHZdK13Dc/MafcOXKqjQrsO
yqFnw1TwPTDffO2YJV/1xVHdX6go2WdJ1BH2qOiHdWTQ3P+1UqXkc8sk
-----END PRIVATE KEY-----
`;

export interface TlsProxy {
  url: string;
  /** The bodies of the PUTs passed on, in order. */
  uploads: Buffer[];
  close(): Promise<void>;
}

function bodyOf(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/** Starts the proxy in front of `target` (an http base URL such as a test receiver's, with its base path). */
export async function startTlsProxy(target: string): Promise<TlsProxy> {
  const base = new URL(target);
  const uploads: Buffer[] = [];
  const server = createServer({ cert: TEST_TLS_CERT, key: TEST_TLS_KEY }, (incoming, outgoing) => {
    void bodyOf(incoming).then((body) => {
      if (incoming.method === 'PUT') uploads.push(body);
      const path = `${base.pathname.replace(/\/+$/, '')}${incoming.url ?? '/'}`;
      const forwarded = httpRequest({ host: base.hostname, port: base.port, method: incoming.method, path, headers: incoming.headers, agent: false }, (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      });
      forwarded.on('error', () => outgoing.destroy());
      forwarded.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}`,
    uploads,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
