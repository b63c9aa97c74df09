import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createConsoleHttp, CONSOLE_MAX_BODY_BYTES } from '../../hub/console/http';
import { startHubServer, type RunningHubServer } from '../../hub/http/server';
import { loadOrCreateProvinceKeys } from '../../hub/keys/province-keys';
import { makeTempDir } from '../fixtures/temp-station';
import { PROVINCE } from './support/batches';
import { describeOnBothEngines } from './support/both-engines';
import { consoleFixture, FIXTURE_PASSWORD, type ConsoleFixture } from './support/console';

describeOnBothEngines('the console over HTTP', (open) => {
  let folder: ReturnType<typeof makeTempDir>;
  let server: RunningHubServer | null = null;
  let fixture: ConsoleFixture;

  async function serve(options: { secureCookies?: boolean; basePath?: string; ui?: 'built' | 'missing' } = {}): Promise<string> {
    const hub = await open();
    fixture = await consoleFixture(hub);
    const uiFolder = join(folder.dir, 'console-ui');
    if (options.ui === 'built') {
      mkdirSync(join(uiFolder, 'assets'), { recursive: true });
      writeFileSync(join(uiFolder, 'index.html'), '<!doctype html><title>console</title>');
      writeFileSync(join(uiFolder, 'assets', 'app.js'), 'console.log(1)');
    }
    const consoleHttp = createConsoleHttp({ dispatcher: fixture.dispatcher, uiFolder, secureCookies: options.secureCookies });
    const { keys } = loadOrCreateProvinceKeys(join(folder.dir, 'keys'));
    server = await startHubServer({ hub, provinceCode: PROVINCE, keys, basePath: options.basePath, console: consoleHttp });
    return server.url;
  }

  function post(url: string, call: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
    return fetch(`${url}/console/api/${call}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-relay-console': '1', ...headers },
      body: body === undefined ? '' : JSON.stringify(body),
    });
  }

  beforeEach(() => {
    folder = makeTempDir('relay-hub-console-http-');
  });
  afterEach(async () => {
    await server?.close();
    server = null;
    folder.remove();
  });

  it('signs in with an HttpOnly, SameSite=Strict cookie for the console path, calls with it, and clears it at sign-out', async () => {
    const url = await serve({ basePath: '/relay' });
    const signIn = await post(url, 'session:signIn', { username: 'auditor-one', password: FIXTURE_PASSWORD });
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^relay_console_session=[A-Za-z0-9_-]{43}; Path=\/relay\/console\/; HttpOnly; SameSite=Strict$/);
    expect(signIn.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(signIn.headers.get('cache-control')).toBe('no-store');
    const session = cookie.split(';')[0] as string;

    const verified = await post(url, 'audit:verify', undefined, { cookie: session });
    expect(await verified.json()).toEqual({ ok: true, data: { ok: true, count: 1, brokenSeq: null, reason: null } });
    const forbidden = await post(url, 'accounts:list', undefined, { cookie: session });
    expect(forbidden.status).toBe(403);
    expect(await forbidden.json()).toEqual({ ok: false, error: { code: 'forbidden' } });

    const signOut = await post(url, 'session:signOut', undefined, { cookie: session });
    expect(signOut.headers.get('set-cookie')).toMatch(/^relay_console_session=; Path=\/relay\/console\/; HttpOnly; SameSite=Strict; Max-Age=0$/);
    const after = await post(url, 'session:current', undefined, { cookie: session });
    expect(after.status).toBe(401);
    expect(await after.json()).toEqual({ ok: false, error: { code: 'not_signed_in' } });
    // The protocol still answers below the same base path.
    expect((await fetch(`${url}/v1/info`)).status).toBe(200);
  });

  it('marks the cookie Secure behind TLS', async () => {
    const url = await serve({ secureCookies: true });
    const signIn = await post(url, 'session:signIn', { username: 'auditor-one', password: FIXTURE_PASSWORD });
    expect(signIn.headers.get('set-cookie')).toMatch(/; HttpOnly; SameSite=Strict; Secure$/);
  });

  it('refuses a call without the console header (CSRF), a GET, a body over the cap, and a body that is not JSON', async () => {
    const url = await serve();
    const withoutHeader = await fetch(`${url}/console/api/session:signIn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'auditor-one', password: FIXTURE_PASSWORD }),
    });
    expect(withoutHeader.status).toBe(403);
    expect(withoutHeader.headers.get('set-cookie')).toBeNull();
    expect(await withoutHeader.json()).toEqual({ ok: false, error: { code: 'bad_request' } });
    expect((await fetch(`${url}/console/api/session:current`)).status).toBe(405);
    const large = await post(url, 'session:signIn', { username: 'auditor-one', password: 'x'.repeat(CONSOLE_MAX_BODY_BYTES) });
    expect(large.status).toBe(413);
    const notJson = await fetch(`${url}/console/api/session:signIn`, { method: 'POST', headers: { 'x-relay-console': '1' }, body: '{"username":' });
    expect(notJson.status).toBe(400);
    // Nothing of these reached the sign-in: no entry, no failure counted.
    expect(await fixture.hub.db.selectFrom('console_audit').selectAll().execute()).toEqual([]);
  });

  it('answers a plain 404 while the console is not built', async () => {
    const url = await serve({ ui: 'missing' });
    const page = await fetch(`${url}/console/`);
    expect(page.status).toBe(404);
    expect(await page.text()).toBe('not found');
  });

  it('serves the built console with the strict CSP: its files, the page for a screen route, never a file outside', async () => {
    const url = await serve({ ui: 'built' });
    const redirect = await fetch(`${url}/console`, { redirect: 'manual' });
    expect(redirect.status).toBe(308);
    const page = await fetch(`${url}/console/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await (await fetch(`${url}/console/review/list`)).text()).toContain('<title>console</title>');
    expect((await fetch(`${url}/console/assets/app.js`)).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await fetch(`${url}/console/assets/missing.js`)).status).toBe(404);
    expect((await fetch(`${url}/console/..%2fkeys%2fprovince-signing.key.pem`)).status).toBe(404);
  });
});
