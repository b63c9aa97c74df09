import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStationHost, type StationHost } from '../../electron/host/server';
import { makeTempDir, openTempStation } from '../fixtures/temp-station';

let station: Awaited<ReturnType<typeof openTempStation>>;
let host: StationHost;
const staticRoot = makeTempDir('relay-static-');

beforeAll(async () => {
  mkdirSync(join(staticRoot.dir, 'assets'));
  writeFileSync(join(staticRoot.dir, 'index.html'), '<!doctype html><title>station</title>');
  writeFileSync(join(staticRoot.dir, 'assets', 'app.js'), 'console.log(1)');
  station = await openTempStation();
  host = await startStationHost({ dispatch: station.dispatch, staticRoot: staticRoot.dir });
});

afterAll(async () => {
  await host.close();
  await station.remove();
  staticRoot.remove();
});

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw request, so tests can send the headers a browser would not let a page forge. */
function send(method: string, path: string, headers: Record<string, string> = {}, body = ''): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const clientId = 'tab-0123456789abcdef';
const withToken = () => ({ 'x-station-token': host.token, 'x-station-client': clientId, 'content-type': 'application/json' });

describe('station host', () => {
  it('listens on the loopback address only and never puts the token in a launch address', () => {
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(host.issueLaunchUrl()).toMatch(new RegExp(`^${host.origin}/#launch=[A-Za-z0-9_-]{32}$`));
    expect(host.issueLaunchUrl()).not.toContain(host.token);
    expect(host.token.length).toBeGreaterThanOrEqual(32);
  });

  it('serves the contract to a caller with the token', async () => {
    const res = await send('POST', '/api/station:get', withToken());
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ ok: true, data: null });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('refuses calls without the token or with a wrong one', async () => {
    const attempts: Array<Record<string, string>> = [{}, { 'x-station-token': 'guess' }, { 'x-station-token': host.token.slice(1) + 'x' }];
    for (const headers of attempts) {
      const res = await send('POST', '/api/station:get', headers);
      expect(res.status).toBe(401);
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    }
  });

  it('refuses another origin and another Host (DNS rebinding), and sends no CORS header', async () => {
    const foreign = await send('POST', '/api/station:get', { ...withToken(), origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
    expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
    const rebound = await send('GET', '/', { host: `evil.example:${host.port}` });
    expect(rebound.status).toBe(403);
    const preflight = await send('OPTIONS', '/api/station:get', { origin: 'http://evil.example' });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers bad requests with an error envelope, never a crash', async () => {
    expect((await send('GET', '/api/station:get', withToken())).status).toBe(405);
    const badJson = await send('POST', '/api/station:get', withToken(), '{not json');
    expect(badJson.status).toBe(400);
    expect(JSON.parse(badJson.body)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    const huge = await send('POST', '/api/visitor:signIn', withToken(), JSON.stringify({ visitorName: 'x'.repeat(2 * 1024 * 1024) }));
    expect(huge.status).toBe(413);
    const { 'x-station-client': _omitted, ...noClient } = withToken();
    const anonymous = await send('POST', '/api/station:get', noClient);
    expect(anonymous.status).toBe(400);
    const unknown = await send('POST', '/api/registration:delete', withToken(), '{}');
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'unknown_call' } });
    // The host is still serving after all of that.
    expect((await send('POST', '/api/station:get', withToken())).status).toBe(200);
  });

  it('serves the renderer with a strict Content-Security-Policy and never a file outside it', async () => {
    const page = await send('GET', '/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>station</title>');
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    expect(page.headers['content-security-policy']).toContain("object-src 'none'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');

    const asset = await send('GET', '/assets/app.js');
    expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await send('GET', '/some/screen')).body).toContain('<title>station</title>');
    expect((await send('GET', '/assets/missing.js')).status).toBe(404);
    for (const path of ['/../../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/assets/..%2f..%2f..%2fetc%2fpasswd']) {
      const res = await send('GET', path);
      expect(res.status, path).toBe(404);
      expect(res.body, path).not.toContain('root:');
    }
  });
});
