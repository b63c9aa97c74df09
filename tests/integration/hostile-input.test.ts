import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callNames } from '../../shared/contract/calls';
import { kioskCaller, openTempStation, sampleSetup } from '../fixtures/temp-station';

type TempStation = Awaited<ReturnType<typeof openTempStation>>;

let station: TempStation;
const admin = { sessionKey: 'admin' };

beforeAll(async () => {
  station = await openTempStation();
  await station.dispatch('station:setup', sampleSetup, admin);
});
afterAll(async () => {
  await station.remove();
});

/** Input a hostile or careless hand might type or paste into any field. */
const hostileStrings = [
  '',
  '   ',
  '\t\n',
  'x'.repeat(10_000),
  '\u0000\u0007\u001b[2J',
  '😀👨‍👩‍👧',
  "'; DROP TABLE visitor_sign_in; --",
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '１２３４５６',
  '张·',
  '·张',
  '\ud800',
  '110105491231002',
  '２０２６-０２-３０',
];

function rowCounts(): Record<string, number> {
  const tables = ['visitor_sign_in', 'outbox', 'staff', 'station'];
  return Object.fromEntries(
    tables.map((table) => [table, (station.connection.sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n]),
  );
}

describe('hostile input', () => {
  it('is refused with a reason, or accepted, by every call: never an internal error, never a crash', async () => {
    for (const name of callNames) {
      for (const value of hostileStrings) {
        const inputs = [
          value,
          { partySize: value, purpose: value, visitorName: value },
          { username: value, password: value, displayName: value, role: value, pin: value },
          { ...sampleSetup, name: value, admin: { ...sampleSetup.admin, username: value } },
          { id: value, limit: value, action: value, from: value },
        ];
        for (const input of inputs) {
          const result = await station.dispatch(name, input, admin);
          if (!result.ok) expect(result.error.code, `${name} ${JSON.stringify(input).slice(0, 80)}`).not.toBe('internal');
        }
        // Signing out or locking would end this admin's session for the next calls.
        if (name === 'session:logout' || name === 'session:lock' || name === 'session:login') {
          await station.dispatch('session:login', { username: sampleSetup.admin.username, password: sampleSetup.admin.password }, admin);
        }
      }
    }
  });

  it('stores nothing when a visitor name is refused, whatever the string', async () => {
    const before = rowCounts();
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 80 }), async (visitorName) => {
        const result = await station.dispatch('visitor:signIn', { partySize: 1, purpose: 'tour', visitorName }, kioskCaller);
        if (!result.ok) {
          expect(result.error.code).toBe('validation_failed');
          expect(result.error.issues?.[0]?.path).toBe('visitorName');
        }
      }),
      { numRuns: 200 },
    );
    const after = rowCounts();
    const accepted = after.visitor_sign_in! - before.visitor_sign_in!;
    // Each accepted sign-in wrote its visit and its outbox entry; a refused one wrote nothing.
    expect(after.outbox! - before.outbox!).toBe(accepted);
    expect(after.staff).toBe(before.staff);
  });
});
