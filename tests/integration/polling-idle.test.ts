import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallName } from '../../shared/contract/calls';
import { openTempStation, sampleSetup } from '../fixtures/temp-station';

type TempStation = Awaited<ReturnType<typeof openTempStation>>;

let station: TempStation;
let now: Date;
const admin = { sessionKey: 'admin-window' };

beforeEach(async () => {
  now = new Date('2026-04-04T09:00:00.000Z');
  station = await openTempStation({ clock: { now: () => now } });
  await station.dispatch('station:setup', sampleSetup, admin);
});
afterEach(async () => {
  await station.remove();
});

function advanceMinutes(minutes: number): void {
  now = new Date(now.getTime() + minutes * 60_000);
}

/** The calls the public screens repeat by themselves (VisitorSignIn, QingmingKiosk, SessionKiosk, MessageWall), with an input each. */
const publicScreenPolls: Array<[CallName, unknown]> = [
  ['memorial:kioskOptions', undefined],
  ['memorial:todayCount', undefined],
  ['education:today', undefined],
  ['messages:wall', { page: 0, pageSize: 6 }],
];

describe('a public screen left open on a staff session', () => {
  it.each(publicScreenPolls)('does not keep the session awake by repeating %s', async (name, input) => {
    // Idle time is 5 minutes: calls every 1.5 minutes would keep the session open if they counted as work.
    for (let i = 0; i < 3; i += 1) {
      advanceMinutes(1.5);
      expect(await station.dispatch(name, input, admin)).toMatchObject({ ok: true });
    }
    advanceMinutes(1);
    expect(await station.dispatch('staff:list', undefined, admin)).toMatchObject({ ok: false, error: { code: 'session_locked' } });
  });
});
