import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStation, type OpenStation } from '../../electron/app/open-station';
import { MAX_CUTOFF_STEP_DAYS } from '../../electron/services/memorial/visitor-retention';
import { callsOn } from '../fixtures/dispatch';
import { kioskCaller, makeTempDir, sampleSetup } from '../fixtures/temp-station';

/**
 * The visitor purge runs on the wall clock. A clock that jumps forward must not delete the visitor log for
 * good, and one that jumps back must not upset the next purge.
 */

let temp = makeTempDir('relay-purge-clock-');
let station: OpenStation;
let now = new Date('2026-01-10T02:00:00.000Z');
const clock = { now: () => now };
let desk = { sessionKey: 'purge-clock-admin' };
const { ok } = callsOn(() => station, () => desk);

function count(table: string): number {
  return (station.connection.sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
}

function purgeAudits(): Record<string, unknown>[] {
  const rows = station.connection.sqlite.prepare("select detail from audit_log where action = 'retention_purge' order by seq").all() as { detail: string }[];
  return rows.map((row) => JSON.parse(row.detail) as Record<string, unknown>);
}

async function visitAt(iso: string, message?: string): Promise<string> {
  now = new Date(iso);
  return (await ok('visitor:signIn', { partySize: 1, purpose: 'remembrance', visitorName: '孙七', message }, kioskCaller)).id;
}

/** Staff as they would look at the visitor log at the current moment. */
async function listedVisits(): Promise<number> {
  desk = { sessionKey: `purge-clock-admin-${now.toISOString()}` };
  await ok('session:login', { username: sampleSetup.admin.username, password: sampleSetup.admin.password });
  return (await ok('visitor:list', { limit: 200 })).total;
}

async function openAt(iso: string): Promise<void> {
  now = new Date(iso);
  station = await openStation({ dataDir: temp.dir, clock });
}

beforeEach(async () => {
  temp = makeTempDir('relay-purge-clock-');
  await openAt('2025-03-01T02:00:00.000Z');
  await ok('station:setup', sampleSetup);
});
afterEach(async () => {
  await station.close();
  temp.remove();
});

describe('the visitor purge and the clock', () => {
  it('purges nothing when the clock jumps years forward, and says so in the audit trail', async () => {
    await visitAt('2025-03-02T02:00:00.000Z', '怀念');
    await visitAt('2025-09-01T02:00:00.000Z');
    await visitAt('2026-01-09T02:00:00.000Z', '想念');
    now = new Date('2026-01-10T02:00:00.000Z');
    expect(await station.services.visitorRetention.purge()).toMatchObject({ signIns: 0, messages: 0 });

    // The clock battery died, or someone typed 2036: ten years on in one night.
    now = new Date('2036-01-11T02:00:00.000Z');
    const purge = await station.services.visitorRetention.purge();
    expect(purge).toMatchObject({ signIns: 0, messages: 0, refused: 'clock_jumped' });
    expect(count('visitor_sign_in')).toBe(3);
    expect(count('visitor_message')).toBe(2);
    expect(await listedVisits()).toBe(3);
    expect(purgeAudits().at(-1)).toMatchObject({ count: 0, refused: 'clock_jumped', now: '2036-01-11T02:00:00.000Z', newestVisitAt: '2026-01-09T02:00:00.000Z' });

    // Restarting on the wrong clock purges nothing either.
    await station.close();
    await openAt('2036-01-12T02:00:00.000Z');
    await station.services.visitorRetention.purge();
    expect(count('visitor_sign_in')).toBe(3);
  });

  it('purges nothing when the clock jumps just over a year forward, which would empty the whole log', async () => {
    await visitAt('2025-07-01T02:00:00.000Z');
    await visitAt('2026-01-09T02:00:00.000Z');
    // The station runs on without visitors (the park is closed for the winter): purges that find nothing due.
    now = new Date('2026-06-01T02:00:00.000Z');
    expect(await station.services.visitorRetention.purge()).toMatchObject({ signIns: 0 });
    // A year typed wrong: every visit would be older than the period.
    now = new Date('2027-01-15T02:00:00.000Z');
    expect(await station.services.visitorRetention.purge()).toMatchObject({ signIns: 0, refused: 'would_empty_log' });
    expect(await listedVisits()).toBe(2);
  });

  it('survives a clock that jumps back, and purges what is due once it is right again', async () => {
    await visitAt('2025-03-02T02:00:00.000Z');
    await visitAt('2025-12-20T02:00:00.000Z');
    now = new Date('2026-01-10T02:00:00.000Z');
    await station.services.visitorRetention.purge();
    // Three years back: nothing is old enough, and the purge does not forget how far it had come.
    now = new Date('2023-01-10T02:00:00.000Z');
    expect(await station.services.visitorRetention.purge()).toMatchObject({ signIns: 0 });
    expect(count('visitor_sign_in')).toBe(2);
    // Put right two months later: the March visit is over a year old and goes; the December one stays.
    now = new Date('2026-03-10T02:00:00.000Z');
    expect(await station.services.visitorRetention.purge()).toMatchObject({ signIns: 1 });
    expect(await listedVisits()).toBe(1);
  });

  it('moves the cutoff by at most half a year per run', async () => {
    // Two years of visits, a month apart (2025-03-05 to 2027-02-05), with no purge in between (the station stayed open).
    for (let month = 3; month <= 26; month++) {
      const year = 2025 + Math.floor((month - 1) / 12);
      await visitAt(`${year}-${String(((month - 1) % 12) + 1).padStart(2, '0')}-05T02:00:00.000Z`);
    }
    const oldest = '2025-03-05T02:00:00.000Z';
    now = new Date('2027-02-10T02:00:00.000Z');
    const first = await station.services.visitorRetention.purge();
    expect(first?.cutoff).toBe(new Date(Date.parse(oldest) + MAX_CUTOFF_STEP_DAYS * 86_400_000).toISOString());
    // March to August 2025.
    expect(first?.signIns).toBe(6);
    // The next run takes the rest that is over a year old: September 2025 to February 2026.
    const second = await station.services.visitorRetention.purge();
    expect(second).toMatchObject({ cutoff: '2026-02-10T02:00:00.000Z', signIns: 6 });
    expect(count('visitor_sign_in')).toBe(12);
  });
});
