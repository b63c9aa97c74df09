import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DAY_MS, scheduleDaily } from '../../electron/services/kernel/retention-schedule';
import { openStation } from '../../electron/app/open-station';
import { callsOn } from '../fixtures/dispatch';
import { kioskCaller, makeTempDir, sampleSetup } from '../fixtures/temp-station';

type Station = Awaited<ReturnType<typeof openStation>>;

let temp = makeTempDir('relay-retention-');
let station: Station;
let now = new Date('2025-01-01T02:00:00.000Z');
const clock = { now: () => now };
let desk = { sessionKey: 'admin-desk' };

const { ok } = callsOn(() => station, () => desk);

function rows<T>(sql: string): T[] {
  return station.connection.sqlite.prepare(sql).all() as T[];
}

function count(table: string): number {
  return (station.connection.sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
}

/** A kiosk sign-in at a moment, with its message when given; returns the sign-in and message ids. */
async function visitAt(iso: string, message?: string): Promise<{ visit: string; message: string | null }> {
  now = new Date(iso);
  const visit = await ok('visitor:signIn', { partySize: 2, purpose: 'remembrance', visitorName: '孙七', message }, kioskCaller);
  const [row] = rows<{ id: string; sign_in_id: string }>('select id, sign_in_id from visitor_message').filter((m) => m.sign_in_id === visit.id);
  return { visit: visit.id, message: row?.id ?? null };
}

/** Staff sign in anew at the current moment (sessions lock after idle minutes of the injected clock). */
async function signInDesk(): Promise<void> {
  desk = { sessionKey: `admin-desk-${now.toISOString()}` };
  await ok('session:login', { username: sampleSetup.admin.username, password: sampleSetup.admin.password });
}

async function decide(id: string, decision: 'approve' | 'reject'): Promise<void> {
  await signInDesk();
  if (decision === 'approve') await ok('messages:approve', { id });
  else await ok('messages:reject', { id, reason: '不当内容' });
}

describe('the retention purge', () => {
  beforeEach(async () => {
    now = new Date('2025-01-01T02:00:00.000Z');
    temp = makeTempDir('relay-retention-');
    desk = { sessionKey: 'admin-desk' };
    station = await openStation({ dataDir: temp.dir, clock });
    await ok('station:setup', sampleSetup);
  });
  afterEach(async () => {
    await station.close();
    temp.remove();
  });

  it('removes sign-ins older than the period with their unpublished messages, keeps the rest, and audits the count once', async () => {
    const approvedOld = await visitAt('2025-01-01T02:00:00.000Z', '永远怀念');
    await decide(approvedOld.message ?? '', 'approve');
    const rejectedOld = await visitAt('2025-01-02T02:00:00.000Z', '广告');
    await decide(rejectedOld.message ?? '', 'reject');
    const pendingOld = await visitAt('2025-01-03T02:00:00.000Z', '未审核');
    const plainOld = await visitAt('2025-06-01T02:00:00.000Z');
    // Exactly 365 days before the purge below: just inside the period.
    const edge = await visitAt('2025-06-02T02:00:00.000Z', '刚好一年');
    const recent = await visitAt('2026-05-30T02:00:00.000Z', '最近的留言');
    now = new Date('2026-06-02T02:00:00.000Z');
    const auditBefore = count('audit_log');

    const purge = await station.services.visitorRetention.purge();
    expect(purge).toEqual({ retentionDays: 365, cutoff: '2025-06-02T02:00:00.000Z', signIns: 4, messages: 2 });

    const kept = rows<{ id: string }>('select id from visitor_sign_in order by visited_at').map((row) => row.id);
    expect(kept).toEqual([edge.visit, recent.visit]);
    expect(kept).not.toContain(plainOld.visit);
    // The approved message stays on the wall, unlinked from its removed sign-in; the others went with theirs.
    expect(rows('select id, sign_in_id, state from visitor_message order by written_at')).toEqual([
      { id: approvedOld.message, sign_in_id: null, state: 'approved' },
      { id: edge.message, sign_in_id: edge.visit, state: 'pending' },
      { id: recent.message, sign_in_id: recent.visit, state: 'pending' },
    ]);
    expect(rows('select id from visitor_message').map((row) => (row as { id: string }).id)).not.toContain(pendingOld.message);
    expect(rows('select id from visitor_message').map((row) => (row as { id: string }).id)).not.toContain(rejectedOld.message);
    expect((await ok('messages:wall', {}, kioskCaller)).messages.map((m) => m.message)).toEqual(['永远怀念']);

    expect(count('audit_log')).toBe(auditBefore + 1);
    const [entry] = rows<{ actor_id: string | null; actor_role: string; object_type: string; detail: string }>(
      "select actor_id, actor_role, object_type, detail from audit_log where action = 'retention_purge'",
    );
    expect(entry).toMatchObject({ actor_id: null, actor_role: 'system', object_type: 'visitor_sign_in' });
    expect(JSON.parse(entry?.detail ?? '{}')).toEqual({ count: 4, messages: 2, retentionDays: 365, cutoff: '2025-06-02T02:00:00.000Z' });

    // A second run the same day finds nothing and records nothing.
    expect(await station.services.visitorRetention.purge()).toMatchObject({ signIns: 0, messages: 0 });
    expect(count('audit_log')).toBe(auditBefore + 1);
    await signInDesk();
    expect((await ok('audit:verify', undefined)).ok).toBe(true);
  });

  it('follows the configured period', async () => {
    await visitAt('2025-01-01T02:00:00.000Z');
    await visitAt('2025-01-20T02:00:00.000Z');
    now = new Date('2025-02-10T02:00:00.000Z');
    expect(await station.services.visitorRetention.purge()).toMatchObject({ signIns: 0 });
    await signInDesk();
    await ok('memorial:setRetentionDays', { days: 30 });
    expect(await station.services.visitorRetention.purge()).toMatchObject({ retentionDays: 30, signIns: 1 });
    expect(count('visitor_sign_in')).toBe(1);
  });

  it('changes nothing when any part of it fails', async () => {
    await visitAt('2025-01-01T02:00:00.000Z', '旧留言');
    station.connection.sqlite.exec("create trigger refuse_purge_audit before insert on audit_log when new.action = 'retention_purge' begin select raise(abort, 'audit refused'); end");
    now = new Date('2026-06-01T02:00:00.000Z');
    await expect(station.services.visitorRetention.purge()).rejects.toThrow(/audit refused/);
    expect(count('visitor_sign_in')).toBe(1);
    expect(count('visitor_message')).toBe(1);
  });

  it('runs when the station opens, before anyone signs in', async () => {
    await visitAt('2025-01-01T02:00:00.000Z');
    await visitAt('2025-12-01T02:00:00.000Z');
    await station.close();
    now = new Date('2026-06-01T02:00:00.000Z');
    station = await openStation({ dataDir: temp.dir, clock });
    await vi.waitFor(() => expect(count('visitor_sign_in')).toBe(1));
    await vi.waitFor(() => expect(rows("select action from audit_log where action = 'retention_purge'")).toHaveLength(1));
  });
});

describe('the daily schedule', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs at once and then every 24 hours, never two runs at a time, and stops waiting for a run under way', async () => {
    let runs = 0;
    let finish: (() => void) | null = null;
    const job = scheduleDaily(
      () =>
        new Promise<void>((resolve) => {
          runs += 1;
          finish = resolve;
        }),
      () => undefined,
    );
    expect(runs).toBe(1);
    // Still running a day later: the next run waits for the following day.
    await vi.advanceTimersByTimeAsync(DAY_MS);
    expect(runs).toBe(1);
    (finish as (() => void) | null)?.();
    await vi.advanceTimersByTimeAsync(DAY_MS - 1);
    expect(runs).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(runs).toBe(2);

    let stopped = false;
    const stopping = job.stop().then(() => {
      stopped = true;
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    (finish as (() => void) | null)?.();
    await stopping;
    expect(stopped).toBe(true);
    await vi.advanceTimersByTimeAsync(3 * DAY_MS);
    expect(runs).toBe(2);
  });

  it('reports a failed run and still runs the next day', async () => {
    const errors: unknown[] = [];
    let runs = 0;
    const job = scheduleDaily(async () => {
      runs += 1;
      if (runs === 1) throw new Error('disk full');
    }, (error) => errors.push(error));
    await vi.advanceTimersByTimeAsync(0);
    expect(errors).toEqual([new Error('disk full')]);
    await vi.advanceTimersByTimeAsync(DAY_MS);
    expect(runs).toBe(2);
    expect(errors).toHaveLength(1);
    await job.stop();
  });
});
