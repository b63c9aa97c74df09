import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStationHost, type StationHost } from '../../electron/host/server';
import { makeTempDir, openTempStation } from '../fixtures/temp-station';

const hostEntry = fileURLToPath(new URL('../../electron/host/main.ts', import.meta.url));
const clientId = 'tab-0123456789abcdef';

interface Answer {
  status: number;
  body: { ok: boolean; data?: unknown; error?: { code: string } };
}

function post(port: number, path: string, headers: Record<string, string>): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: 'POST', path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** What a page opened at `launchUrl` does first: trade the code in its fragment for the token. */
function tradeLaunchCode(launchUrl: string, extraHeaders: Record<string, string> = {}): Promise<Answer> {
  const url = new URL(launchUrl);
  const code = /^#launch=(.+)$/.exec(url.hash)?.[1] ?? '';
  return post(Number(url.port), '/launch', { 'x-station-launch-code': code, ...extraHeaders });
}

function callWithToken(port: number, token: string): Promise<Answer> {
  return post(port, '/api/station:get', { 'x-station-token': token, 'x-station-client': clientId });
}

describe('station host launch addresses', () => {
  let station: Awaited<ReturnType<typeof openTempStation>>;
  let host: StationHost;
  const staticRoot = makeTempDir('relay-static-');

  beforeAll(async () => {
    station = await openTempStation();
    host = await startStationHost({ dispatch: station.dispatch, staticRoot: staticRoot.dir });
  });
  afterAll(async () => {
    await host.close();
    await station.remove();
    staticRoot.remove();
  });

  it('carry a code that is traded once for a working token; a replay of the same address is refused', async () => {
    const launchUrl = host.issueLaunchUrl();
    expect(launchUrl).not.toContain(host.token);

    const traded = await tradeLaunchCode(launchUrl);
    expect(traded).toEqual({ status: 200, body: { ok: true, data: { token: host.token } } });
    expect(await callWithToken(host.port, (traded.body.data as { token: string }).token)).toMatchObject({ status: 200, body: { ok: true } });

    expect(await tradeLaunchCode(launchUrl)).toEqual({ status: 401, body: { ok: false, error: { code: 'unauthorized', message: 'unauthorized' } } });
  });

  it('refuse an unknown code, a missing one, and a trade from another origin (which does not spend the code)', async () => {
    expect((await tradeLaunchCode(`${host.origin}/#launch=guessed-code`)).status).toBe(401);
    expect((await post(host.port, '/launch', {})).status).toBe(401);

    const launchUrl = host.issueLaunchUrl();
    expect((await tradeLaunchCode(launchUrl, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await tradeLaunchCode(launchUrl)).status).toBe(200);
  });

  it('are each good for one tab: two addresses, two trades', async () => {
    const first = host.issueLaunchUrl();
    const second = host.issueLaunchUrl();
    expect(first).not.toBe(second);
    expect((await tradeLaunchCode(second)).status).toBe(200);
    expect((await tradeLaunchCode(first)).status).toBe(200);
  });
});

describe('the station host process (`npm run host`)', () => {
  const dataDir = makeTempDir('relay-host-data-');
  let child: ChildProcess | undefined;

  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child?.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    dataDir.remove();
  });

  it('prints a one-time launch address and never the token', async () => {
    const hostProcess = spawn(process.execPath, ['--import', 'tsx', hostEntry], {
      env: { ...process.env, RELAY_DATA_DIR: dataDir.dir, RELAY_KEY_FILE: '', RELAY_HOST_PORT: '0' },
    });
    child = hostProcess;
    let stdout = '';
    let stderr = '';
    hostProcess.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    // The host prints its address, then its data folder last.
    await new Promise<void>((resolve, reject) => {
      hostProcess.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString('utf8');
        if (stdout.includes('data folder:')) resolve();
      });
      hostProcess.once('exit', (code) => reject(new Error(`host exited with ${code}: ${stderr}`)));
    });
    const launchUrl = /http:\/\/127\.0\.0\.1:\d+\/#launch=\S+/.exec(stdout)?.[0] ?? '';
    expect(launchUrl, stdout).not.toBe('');

    const traded = await tradeLaunchCode(launchUrl);
    expect(traded.status).toBe(200);
    const token = (traded.body.data as { token: string }).token;
    expect(token.length).toBeGreaterThanOrEqual(32);
    expect(stdout).not.toContain(token);
    expect(stderr).not.toContain(token);
    expect((await tradeLaunchCode(launchUrl)).status).toBe(401);
    expect((await callWithToken(Number(new URL(launchUrl).port), token)).status).toBe(200);
  });
});
