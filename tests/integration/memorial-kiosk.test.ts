import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callsOn, signInStaffDesks } from '../fixtures/dispatch';
import { kioskCaller, openTempStation, sampleSetup } from '../fixtures/temp-station';

type TempStation = Awaited<ReturnType<typeof openTempStation>>;

let station: TempStation;
let now = new Date('2026-04-04T02:00:00.000Z');
const clock = { now: () => now };
const desk = { sessionKey: 'admin-desk' };
const registrarDesk = { sessionKey: 'registrar-desk' };
const supervisorDesk = { sessionKey: 'supervisor-desk' };
const auditorDesk = { sessionKey: 'auditor-desk' };

beforeEach(async () => {
  now = new Date('2026-04-04T02:00:00.000Z');
  station = await openTempStation({ clock });
  await ok('station:setup', sampleSetup);
  await signInStaffDesks(station, desk, [
    { role: 'registrar', desk: registrarDesk },
    { role: 'supervisor', desk: supervisorDesk },
    { role: 'auditor', desk: auditorDesk },
  ]);
});
afterEach(async () => {
  await station.remove();
});

const { ok, refusal } = callsOn(() => station, () => desk);

async function signInAt(iso: string, partySize: number): Promise<void> {
  now = new Date(iso);
  await ok('visitor:signIn', { partySize, purpose: 'qingming' }, kioskCaller);
}

describe("today's count", () => {
  it('adds up people (not sign-ins) of the station day in Beijing time, and nothing else', async () => {
    // 2026-04-04 in Beijing runs from 2026-04-03T16:00Z to 2026-04-04T16:00Z.
    await signInAt('2026-04-03T15:59:59.000Z', 7);
    await signInAt('2026-04-03T16:00:00.000Z', 2);
    await signInAt('2026-04-04T09:00:00.000Z', 3);
    await signInAt('2026-04-04T15:59:59.999Z', 4);
    await signInAt('2026-04-04T16:00:00.000Z', 5);

    now = new Date('2026-04-04T12:00:00.000Z');
    const today = await ok('memorial:todayCount', undefined, kioskCaller);
    expect(today).toEqual({ day: '2026-04-04', people: 9 });
    now = new Date('2026-04-04T16:30:00.000Z');
    expect(await ok('memorial:todayCount', undefined, kioskCaller)).toEqual({ day: '2026-04-05', people: 5 });
    now = new Date('2026-04-07T01:00:00.000Z');
    expect(await ok('memorial:todayCount', undefined, kioskCaller)).toEqual({ day: '2026-04-07', people: 0 });
  });
});

describe('Qingming mode', () => {
  it('is off by default; staff who keep records switch it, audited, and the kiosk reads it', async () => {
    expect(await ok('memorial:kioskOptions', undefined, kioskCaller)).toEqual({ qingmingMode: false });
    expect(await refusal('memorial:setQingmingMode', { enabled: true }, kioskCaller)).toMatchObject({ code: 'not_signed_in' });
    expect(await refusal('memorial:setQingmingMode', { enabled: true }, auditorDesk)).toMatchObject({ code: 'forbidden' });

    expect(await ok('memorial:setQingmingMode', { enabled: true }, registrarDesk)).toEqual({ qingmingMode: true, visitorRetentionDays: 365 });
    expect(await ok('memorial:kioskOptions', undefined, kioskCaller)).toEqual({ qingmingMode: true });
    // Setting the value it already has changes nothing and records nothing.
    await ok('memorial:setQingmingMode', { enabled: true }, registrarDesk);
    await ok('memorial:setQingmingMode', { enabled: false }, supervisorDesk);
    expect(await ok('memorial:kioskOptions', undefined, kioskCaller)).toEqual({ qingmingMode: false });

    const changes = station.connection.sqlite
      .prepare("select actor_role, object_id, detail from audit_log where action = 'settings_change' order by seq")
      .all();
    expect(changes).toEqual([
      { actor_role: 'registrar', object_id: 'memorial', detail: JSON.stringify({ section: 'memorial', changes: { qingmingMode: { from: false, to: true } } }) },
      { actor_role: 'supervisor', object_id: 'memorial', detail: JSON.stringify({ section: 'memorial', changes: { qingmingMode: { from: true, to: false } } }) },
    ]);
  });
});

describe('retention period', () => {
  it('defaults to a year, is changed by supervisors and administrators only, and never below 30 days', async () => {
    expect(await ok('memorial:settings', undefined, registrarDesk)).toEqual({ qingmingMode: false, visitorRetentionDays: 365 });
    expect(await refusal('memorial:setRetentionDays', { days: 180 }, registrarDesk)).toMatchObject({ code: 'forbidden' });
    expect(await refusal('memorial:setRetentionDays', { days: 29 }, supervisorDesk)).toMatchObject({
      code: 'validation_failed',
      issues: [{ path: 'days', reason: 'retention_days_range' }],
    });
    expect(await ok('memorial:setRetentionDays', { days: 180 }, supervisorDesk)).toMatchObject({ visitorRetentionDays: 180 });
    expect(await ok('memorial:settings', undefined, desk)).toMatchObject({ visitorRetentionDays: 180 });
    // A value that is out of bounds in the table (edited by hand) falls back to the default.
    station.connection.sqlite.prepare("update station_setting set value = '3' where key = 'memorial.visitorRetentionDays'").run();
    expect(await ok('memorial:settings', undefined, desk)).toMatchObject({ visitorRetentionDays: 365 });
  });
});

describe('the visitor log', () => {
  it('shows relation, group and the state of the message, names masked', async () => {
    await ok('visitor:signIn', { partySize: 12, purpose: 'tour', groupName: '昆明市第一中学', relation: 'other' }, kioskCaller);
    now = new Date('2026-04-04T02:01:00.000Z');
    const withMessage = await ok('visitor:signIn', { partySize: 1, purpose: 'remembrance', visitorName: '赵六', message: '想念您' }, kioskCaller);
    const [message] = (await ok('messages:list', {})).messages;
    await ok('messages:approve', { id: message?.id ?? '' });

    const log = await ok('visitor:list', {}, registrarDesk);
    expect(log.visitors.map((v) => [v.visitorName, v.relation, v.groupName, v.messageState, v.partySize])).toEqual([
      ['赵*', null, null, 'approved', 1],
      [null, 'other', '昆明市第一中学', null, 12],
    ]);
    expect(log.visitors[0]?.id).toBe(withMessage.id);
  });
});
