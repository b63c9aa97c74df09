import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { consoleAuditKey, verifyConsoleAudit } from '../../hub/console/audit-trail';
import { createConsoleDispatcher } from '../../hub/console/dispatcher';
import { loadHubDataKeys } from '../../hub/keys/data-keys';
import { makeTempDir } from '../fixtures/temp-station';
import { PROVINCE } from './support/batches';
import { describeOnBothEngines } from './support/both-engines';
import { consoleFixture } from './support/console';
import { databaseArgs, hubEnvironment, TEST_HUB_PASSPHRASE } from './support/hub-process';

const hubEntry = fileURLToPath(new URL('../../hub/cli/main.ts', import.meta.url));

/** `npm run hub -- …` as a process, with the test passphrase and the variables given. */
function runHub(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return promisify(execFile)(process.execPath, ['--import', 'tsx', hubEntry, ...args], { encoding: 'utf8', env: { ...hubEnvironment(), ...env } }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );
}

describeOnBothEngines('the console audit trail', (open) => {
  let folder: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    folder = makeTempDir('relay-hub-console-audit-');
  });
  afterEach(() => folder.remove());

  it('is a chain the auditor reads a page at a time, newest first; an edited, a deleted or a reordered entry is found', async () => {
    const fixture = await consoleFixture(await open());
    const admin = await fixture.sessionOf('administrator');
    for (let index = 0; index < 5; index += 1) {
      await fixture.call('accounts:create', { username: `colleague-${index}`, displayName: `Colleague ${index}`, role: 'reviewer', password: 'a temporary password' }, admin);
    }
    const auditor = await fixture.sessionOf('auditor');
    const first = await fixture.call('audit:list', { limit: 3 }, auditor);
    expect(first.result).toMatchObject({ ok: true, data: { nextBeforeSeq: 3 } });
    const page = (first.result as { data: { entries: Array<{ seq: number; action: string; username: string | null; detail: unknown }> } }).data.entries;
    expect(page.map((entry) => entry.seq)).toEqual([5, 4, 3]);
    expect(page[0]).toMatchObject({ action: 'accounts:create', username: 'administrator-one', actorRole: 'administrator', detail: { role: 'reviewer' } });
    const second = await fixture.call('audit:list', { limit: 3, beforeSeq: 3 }, auditor);
    expect(second.result).toMatchObject({ ok: true, data: { nextBeforeSeq: null } });
    // No personal value in the trail: names and passwords never, accounts by id.
    const stored = JSON.stringify(await fixture.hub.db.selectFrom('console_audit').selectAll().execute());
    expect(stored).not.toMatch(/Colleague|temporary/);

    expect((await fixture.call('audit:verify', undefined, auditor)).result).toEqual({ ok: true, data: { ok: true, count: 5, brokenSeq: null, reason: null } });
    // Another key (another hub's ring) does not verify it.
    expect(await verifyConsoleAudit(fixture.hub.db, Buffer.alloc(32, 7), PROVINCE)).toMatchObject({ ok: false, brokenSeq: 1, reason: 'hash_mismatch' });

    await fixture.hub.db.updateTable('console_audit').set({ detail: '{"role":"administrator"}' }).where('seq', '=', 3).execute();
    expect((await fixture.call('audit:verify', undefined, auditor)).result).toEqual({ ok: true, data: { ok: false, count: 2, brokenSeq: 3, reason: 'hash_mismatch' } });
    await fixture.hub.db.deleteFrom('console_audit').where('seq', '=', 3).execute();
    expect((await fixture.call('audit:verify', undefined, auditor)).result).toMatchObject({ ok: true, data: { ok: false, brokenSeq: 4, reason: 'sequence_gap' } });
  });

  it('an entry appended at once by many calls keeps one seq after another', async () => {
    const fixture = await consoleFixture(await open());
    const admin = await fixture.sessionOf('administrator');
    await Promise.all(
      Array.from({ length: 8 }, (_, index) =>
        fixture.call('accounts:create', { username: `parallel-${index}`, displayName: 'P', role: 'analyst', password: 'a temporary password' }, admin),
      ),
    );
    expect(await verifyConsoleAudit(fixture.hub.db, fixture.auditKey, PROVINCE)).toEqual({ ok: true, count: 8 });
  });

  it('hub init --admin makes the first administrator (password to change), account add another, audit-verify checks the chain and names a tampered entry', async () => {
    const hub = await open();
    await hub.close();
    const keysDir = join(folder.dir, 'keys');
    const database = databaseArgs(hub.options);
    const passwordFile = join(folder.dir, 'admin-password');
    writeFileSync(passwordFile, 'first administrator password\n');

    const init = await runHub(['init', '--province', PROVINCE, '--keys', keysDir, ...database]);
    expect(init.code).toBe(0);
    expect(JSON.parse(init.stdout)).toMatchObject({ province: PROVINCE, consoleAccounts: 0, console: expect.stringMatching(/no console account exists yet/) });

    const short = await runHub(['init', '--province', PROVINCE, '--keys', keysDir, ...database, '--admin', 'chief'], { RELAY_HUB_ADMIN_PASSWORD: 'short' });
    expect(short.code).toBe(2);
    const withAdmin = await runHub(['init', '--province', PROVINCE, '--keys', keysDir, ...database, '--admin', 'Chief', '--admin-password-file', passwordFile]);
    expect(withAdmin.code).toBe(0);
    const line = JSON.parse(withAdmin.stdout) as Record<string, unknown>;
    expect(line).toMatchObject({ consoleAdministrator: 'chief', consoleAdministratorCreated: true, consoleAccounts: 1 });
    expect(line.console).toBeUndefined();

    const add = await runHub(['account', 'add', '--username', 'ana', '--role', 'analyst', '--keys', keysDir, ...database], { RELAY_HUB_ACCOUNT_PASSWORD: 'the analyst password' });
    expect(add.code).toBe(0);
    expect(JSON.parse(add.stdout)).toMatchObject({ accountAdded: 'ana', role: 'analyst', mustChangePassword: true });
    const again = await runHub(['account', 'add', '--username', 'ana', '--role', 'auditor', '--keys', keysDir, ...database], { RELAY_HUB_ACCOUNT_PASSWORD: 'the analyst password' });
    expect(again.code).toBe(1);
    expect(JSON.parse(again.stdout)).toEqual({ refused: 'username_taken', username: 'ana' });

    // The administrator signs in with the operator's password and must replace it first.
    const reopened = await open(hub.options);
    const auditKey = consoleAuditKey(loadHubDataKeys(keysDir, { passphrase: TEST_HUB_PASSPHRASE }));
    const dispatcher = createConsoleDispatcher({ store: reopened, provinceCode: PROVINCE, auditKey });
    const signIn = await dispatcher.dispatch('session:signIn', { username: 'chief', password: 'first administrator password' }, null);
    expect(signIn.result).toMatchObject({ ok: true, data: { role: 'administrator', mustChangePassword: true } });
    const actions = await reopened.db.selectFrom('console_audit').select(['seq', 'action', 'actor_role']).orderBy('seq').execute();
    expect(actions).toEqual([
      { seq: 1, action: 'accounts:create', actor_role: 'operator' },
      { seq: 2, action: 'accounts:create', actor_role: 'operator' },
      { seq: 3, action: 'session:signIn', actor_role: 'administrator' },
    ]);
    // One hub per SQLite file: the command below opens the database itself.
    await reopened.close();

    const verify = await runHub(['audit-verify', '--keys', keysDir, ...database]);
    expect(verify.code).toBe(0);
    expect(JSON.parse(verify.stdout)).toEqual({ province: PROVINCE, auditChain: 'intact', entries: 3 });

    const tampering = await open(hub.options);
    await tampering.db.updateTable('console_audit').set({ actor_role: 'administrator' }).where('seq', '=', 2).execute();
    await tampering.close();
    const broken = await runHub(['audit-verify', '--keys', keysDir, ...database]);
    expect(broken.code).toBe(1);
    expect(JSON.parse(broken.stdout)).toEqual({ province: PROVINCE, auditChain: 'broken', brokenSeq: 2, reason: 'hash_mismatch', entriesVerified: 1 });
  }, 120_000);
});
