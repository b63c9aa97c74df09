import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStation } from '../../electron/app/open-station';
import { openDatabaseFile } from '../../electron/db/connection';
import { kioskCaller, makeTempDir, sampleSetup } from '../fixtures/temp-station';
import { runCli } from '../fixtures/cli';

const staff = { sessionKey: 'staff' };
let dir: string;
let remove: () => void;

beforeEach(async () => {
  ({ dir, remove } = makeTempDir());
  const station = await openStation({ dataDir: dir });
  await station.dispatch('station:setup', sampleSetup, staff);
  for (const partySize of [1, 2, 3, 4]) {
    await station.dispatch('visitor:signIn', { partySize, purpose: 'tour', visitorName: '张三' }, kioskCaller);
  }
  await station.close();
});
afterEach(() => remove());

function auditVerify(lang = 'zh_CN.UTF-8') {
  const result = runCli(dir, ['audit-verify'], { lang, timeoutMs: 20_000 });
  return { code: result.code, report: result.stdout ? JSON.parse(result.stdout) : null, stderr: result.stderr };
}

/** A raw connection that goes around the append-only triggers, as someone with the file could. */
function tamper(sqlText: string): void {
  const raw = openDatabaseFile(join(dir, 'station.sqlite'));
  raw.sqlite.exec(`drop trigger audit_log_no_update; drop trigger audit_log_no_delete; ${sqlText}`);
  void raw.close();
}

describe('audit trail', () => {
  it('records setup, account creation and every sign-in in an intact chain', () => {
    const raw = openDatabaseFile(join(dir, 'station.sqlite'));
    const actions = raw.sqlite.prepare('select action from audit_log order by seq').all().map((row) => (row as { action: string }).action);
    void raw.close();
    expect(actions).toEqual(['station_setup', 'account_create', 'create', 'create', 'create', 'create']);
    expect(auditVerify()).toMatchObject({ code: 0, report: { ok: true, count: 6, brokenSeq: null } });
  });

  it('cannot be changed or shortened through the database: triggers refuse both', () => {
    const raw = openDatabaseFile(join(dir, 'station.sqlite'));
    expect(() => raw.sqlite.exec("update audit_log set action = 'login' where seq = 3")).toThrow('append-only');
    expect(() => raw.sqlite.exec('delete from audit_log where seq = 3')).toThrow('append-only');
    void raw.close();
  });

  it('names the edited entry', () => {
    tamper("update audit_log set actor_role = 'admin' where seq = 4");
    const result = auditVerify();
    expect(result).toMatchObject({ code: 1, report: { ok: false, brokenSeq: 4, reason: 'hash_mismatch' } });
    expect(result.stderr).toContain('审计链在第 4 条记录处断开：记录内容被改动。');
  });

  it('names the entry after a deleted one', () => {
    tamper('delete from audit_log where seq = 3');
    const result = auditVerify('en_US.UTF-8');
    expect(result.report).toMatchObject({ ok: false, brokenSeq: 4 });
    expect(result.stderr).toContain('The audit chain is broken at entry 4');
  });

  it('names the first of two swapped entries', () => {
    tamper(`
      update audit_log set seq = 100 where seq = 3;
      update audit_log set seq = 3 where seq = 5;
      update audit_log set seq = 5 where seq = 100;`);
    expect(auditVerify().report).toMatchObject({ ok: false, brokenSeq: 3 });
  });

  it('names an entry whose hashes were recomputed without the station key', async () => {
    // Someone rewrites an entry and recomputes a plain SHA-256 chain: without the key the HMAC fails.
    const { createHash } = await import('node:crypto');
    const fakeHash = createHash('sha256').update('forged').digest('hex');
    tamper(`update audit_log set object_id = 'forged', hash = '${fakeHash}' where seq = 6`);
    expect(auditVerify().report).toMatchObject({ ok: false, brokenSeq: 6, reason: 'hash_mismatch' });
  });

  it('lists entries newest first with filters, for the auditor role', async () => {
    const station = await openStation({ dataDir: dir });
    try {
      const admin = await station.dispatch('session:login', { username: 'admin', password: sampleSetup.admin.password }, staff);
      expect(admin.ok).toBe(true);
      const all = await station.dispatch('audit:list', {}, staff);
      const entries = (all as { data: { entries: Array<{ seq: number; action: string; actorName: string | null }> } }).data.entries;
      expect(entries.map((entry) => entry.seq)).toEqual([7, 6, 5, 4, 3, 2, 1]);
      expect(entries[0]).toMatchObject({ action: 'login', actorName: '管理员' });
      const creates = await station.dispatch('audit:list', { action: 'create', limit: 2 }, staff);
      expect((creates as { data: { entries: Array<{ seq: number }> } }).data.entries.map((e) => e.seq)).toEqual([6, 5]);
      const page = await station.dispatch('audit:list', { action: 'create', beforeSeq: 5 }, staff);
      expect((page as { data: { entries: Array<{ seq: number }> } }).data.entries.map((e) => e.seq)).toEqual([4, 3]);
      const future = await station.dispatch('audit:list', { from: '2999-01-01T00:00:00+08:00' }, staff);
      expect((future as { data: { entries: unknown[] } }).data.entries).toEqual([]);
      expect(await station.dispatch('audit:verify', undefined, staff)).toEqual({ ok: true, data: { ok: true, count: 7, brokenSeq: null, reason: null } });
    } finally {
      await station.close();
    }
  });
});
