import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callsOn, signInStaffDesks } from '../fixtures/dispatch';
import { residentId, samplePerson, sampleRegistration, stemCellChoice } from '../fixtures/registrations';
import { openTempStation, sampleSetup } from '../fixtures/temp-station';
import type { CallInput } from '../../shared/contract/calls';

type TempStation = Awaited<ReturnType<typeof openTempStation>>;
type Change = CallInput<'settings:change'>;

let station: TempStation;
/** 2026-04-04 17:00 in Beijing; moved by the tests that wait. */
let now = new Date('2026-04-04T09:00:00.000Z');
const admin = { sessionKey: 'admin-desk' };
const supervisor = { sessionKey: 'supervisor-desk' };
const registrar = { sessionKey: 'registrar-desk' };

beforeEach(async () => {
  now = new Date('2026-04-04T09:00:00.000Z');
  station = await openTempStation({ clock: { now: () => now } });
  const setup = await station.dispatch('station:setup', sampleSetup, admin);
  if (!setup.ok) throw new Error(`setup refused: ${JSON.stringify(setup.error)}`);
  await signInStaffDesks(station, admin, [
    { role: 'supervisor', desk: supervisor },
    { role: 'registrar', desk: registrar },
  ]);
});
afterEach(async () => {
  await station.remove();
});

const { ok, refusal } = callsOn(() => station, () => admin);

function advanceMinutes(minutes: number): void {
  now = new Date(now.getTime() + minutes * 60_000);
}

/** The `settings_change` entries the settings screen wrote, oldest first, with their detail. */
function settingsAudit(): Array<{ actor_role: string; object_id: string; detail: unknown }> {
  const rows = station.connection.sqlite
    .prepare("select actor_role, object_id, detail from audit_log where action = 'settings_change' and object_type = 'station_setting' order by seq")
    .all() as Array<{ actor_role: string; object_id: string; detail: string }>;
  return rows.map((row) => ({ ...row, detail: JSON.parse(row.detail) as unknown }));
}

const registration = { section: 'registration', stemCellMinAge: 18, stemCellMaxAge: 45, coolingOffDays: 7, kioskIdleSeconds: 300, bodyChangeNeedsNotarisation: false } as const;

/** A stem-cell volunteer born on the given date (YYYYMMDD). */
function volunteerBorn(birth: string, sequence: string) {
  return sampleRegistration({
    person: { ...samplePerson, document: { kind: 'resident_id', number: residentId('110105', birth, sequence) } },
    programs: [stemCellChoice],
  });
}

describe('station settings', () => {
  it('shows every section with its values, defaults and bounds', async () => {
    expect(await ok('settings:get', undefined)).toEqual({
      registration: {
        values: { stemCellMinAge: 18, stemCellMaxAge: 45, coolingOffDays: 7, kioskIdleSeconds: 300, bodyChangeNeedsNotarisation: false },
        defaults: { stemCellMinAge: 18, stemCellMaxAge: 45, coolingOffDays: 7, kioskIdleSeconds: 300, bodyChangeNeedsNotarisation: false },
      },
      staff: { values: { idleLockMinutes: 5 }, defaults: { idleLockMinutes: 5 } },
      printing: { values: { receiptPrinter: null, receiptPaper: 'a4' }, defaults: { receiptPrinter: null, receiptPaper: 'a4' } },
      kiosk: { values: { elderModeDefault: false }, defaults: { elderModeDefault: false } },
      familyCare: { values: { followUpOffsetsDays: [14, 91, 365], qingmingLeadDays: 7 }, defaults: { followUpOffsetsDays: [14, 91, 365], qingmingLeadDays: 7 } },
      aid: { values: { minNoticeDays: 7 }, defaults: { minNoticeDays: 7 } },
      bounds: {
        stemCellMinAge: { min: 18, max: 60 },
        stemCellMaxAge: { min: 18, max: 65 },
        coolingOffDays: { min: 0, max: 90 },
        kioskIdleSeconds: { min: 20, max: 3600 },
        idleLockMinutes: { min: 1, max: 60 },
        followUpOffsetDays: { min: 1, max: 1830 },
        followUpOffsetCount: { min: 1, max: 8 },
        qingmingLeadDays: { min: 0, max: 60 },
        minNoticeDays: { min: 1, max: 60 },
      },
    });
  });

  it('round-trips each section, and audits each change once with every changed item, old and new', async () => {
    const changedRegistration = { ...registration, stemCellMinAge: 20, stemCellMaxAge: 55, coolingOffDays: 14, kioskIdleSeconds: 120, bodyChangeNeedsNotarisation: true };
    const afterRegistration = await ok('settings:change', changedRegistration);
    expect(afterRegistration.registration.values).toEqual({ stemCellMinAge: 20, stemCellMaxAge: 55, coolingOffDays: 14, kioskIdleSeconds: 120, bodyChangeNeedsNotarisation: true });
    expect(afterRegistration.registration.defaults).toMatchObject({ stemCellMinAge: 18, stemCellMaxAge: 45 });

    expect((await ok('settings:change', { section: 'staff', idleLockMinutes: 15 })).staff.values).toEqual({ idleLockMinutes: 15 });
    // Spaces around the name are not part of it.
    const printing = await ok('settings:change', { section: 'printing', receiptPrinter: '  EPSON TM-T82III ', receiptPaper: 'thermal' });
    expect(printing.printing.values).toEqual({ receiptPrinter: 'EPSON TM-T82III', receiptPaper: 'thermal' });

    // Read back from the database, not from the answer of the change.
    const stored = await ok('settings:get', undefined, supervisor);
    expect(stored.registration.values).toEqual(afterRegistration.registration.values);
    expect(stored.staff.values).toEqual({ idleLockMinutes: 15 });
    expect(stored.printing.values).toEqual({ receiptPrinter: 'EPSON TM-T82III', receiptPaper: 'thermal' });

    // A blank printer name clears it; the paper stays as it was and is not audited again.
    expect((await ok('settings:change', { section: 'printing', receiptPrinter: '   ', receiptPaper: 'thermal' })).printing.values).toEqual({
      receiptPrinter: null,
      receiptPaper: 'thermal',
    });
    // Saving unchanged values writes nothing and audits nothing.
    await ok('settings:change', { section: 'staff', idleLockMinutes: 15 });

    expect(settingsAudit()).toEqual([
      {
        actor_role: 'admin',
        object_id: 'registration',
        detail: {
          section: 'registration',
          changes: {
            stemCellMinAge: { from: 18, to: 20 },
            stemCellMaxAge: { from: 45, to: 55 },
            coolingOffDays: { from: 7, to: 14 },
            kioskIdleSeconds: { from: 300, to: 120 },
            bodyChangeNeedsNotarisation: { from: false, to: true },
          },
        },
      },
      { actor_role: 'admin', object_id: 'staff', detail: { section: 'staff', changes: { idleLockMinutes: { from: 5, to: 15 } } } },
      {
        actor_role: 'admin',
        object_id: 'printing',
        detail: { section: 'printing', changes: { receiptPrinter: { from: null, to: 'EPSON TM-T82III' }, receiptPaper: { from: 'a4', to: 'thermal' } } },
      },
      { actor_role: 'admin', object_id: 'printing', detail: { section: 'printing', changes: { receiptPrinter: { from: 'EPSON TM-T82III', to: null } } } },
    ]);
    const audit = await ok('audit:verify', undefined);
    expect(audit).toMatchObject({ ok: true });
  });

  it('refuses values out of bounds and a range whose oldest age is below its youngest, naming the field and the reason', async () => {
    const reasons = async (change: unknown) => {
      const refused = await refusal('settings:change', change);
      expect(refused.code).toBe('validation_failed');
      return refused.issues;
    };
    expect(await reasons({ ...registration, stemCellMinAge: 17, stemCellMaxAge: 66 })).toEqual([
      { path: 'stemCellMinAge', reason: 'stem_cell_min_age_range' },
      { path: 'stemCellMaxAge', reason: 'stem_cell_max_age_range' },
    ]);
    expect(await reasons({ ...registration, stemCellMinAge: 40, stemCellMaxAge: 30 })).toEqual([{ path: 'stemCellMaxAge', reason: 'stem_cell_age_order' }]);
    expect(await reasons({ ...registration, coolingOffDays: -1, kioskIdleSeconds: 19 })).toEqual([
      { path: 'coolingOffDays', reason: 'cooling_off_days_range' },
      { path: 'kioskIdleSeconds', reason: 'kiosk_idle_seconds_range' },
    ]);
    expect(await reasons({ ...registration, coolingOffDays: 91, kioskIdleSeconds: 3601 })).toEqual([
      { path: 'coolingOffDays', reason: 'cooling_off_days_range' },
      { path: 'kioskIdleSeconds', reason: 'kiosk_idle_seconds_range' },
    ]);
    // A fraction, a blank field sent as NaN, text: each is the field's own reason.
    expect(await reasons({ ...registration, stemCellMinAge: 18.5, stemCellMaxAge: Number.NaN, coolingOffDays: '7' })).toEqual([
      { path: 'stemCellMinAge', reason: 'stem_cell_min_age_range' },
      { path: 'stemCellMaxAge', reason: 'stem_cell_max_age_range' },
      { path: 'coolingOffDays', reason: 'cooling_off_days_range' },
    ]);
    expect(await reasons({ section: 'staff', idleLockMinutes: 0 })).toEqual([{ path: 'idleLockMinutes', reason: 'idle_lock_minutes_range' }]);
    expect(await reasons({ section: 'staff', idleLockMinutes: 61 })).toEqual([{ path: 'idleLockMinutes', reason: 'idle_lock_minutes_range' }]);
    expect(await reasons({ section: 'printing', receiptPrinter: 'P'.repeat(201), receiptPaper: 'letter' })).toEqual([
      { path: 'receiptPrinter', reason: 'text_too_long' },
      { path: 'receiptPaper', reason: 'receipt_paper' },
    ]);
    expect(await reasons({ section: 'printing', receiptPrinter: 'EPSON\u0007', receiptPaper: 'a4' })).toEqual([{ path: 'receiptPrinter', reason: 'text_characters' }]);
    expect(await reasons({ section: 'backup', folder: '/tmp' })).toEqual([{ path: 'section', reason: 'invalid' }]);

    // The bounds themselves are accepted.
    await ok('settings:change', { ...registration, stemCellMinAge: 60, stemCellMaxAge: 60, coolingOffDays: 0, kioskIdleSeconds: 3600 });
    await ok('settings:change', { section: 'staff', idleLockMinutes: 60 });
    // Nothing refused was stored or audited.
    expect(settingsAudit().map((entry) => entry.object_id)).toEqual(['registration', 'staff']);
    expect((await ok('settings:get', undefined)).registration.values).toMatchObject({ stemCellMinAge: 60, stemCellMaxAge: 60, coolingOffDays: 0 });
  });

  it('lets administrators change the settings and supervisors only read them', async () => {
    const change: Change = { section: 'staff', idleLockMinutes: 10 };
    expect((await refusal('settings:change', change, supervisor)).code).toBe('forbidden');
    expect((await refusal('settings:change', change, registrar)).code).toBe('forbidden');
    expect((await refusal('settings:get', undefined, registrar)).code).toBe('forbidden');
    expect((await refusal('settings:change', change, { sessionKey: 'kiosk' })).code).toBe('not_signed_in');
    expect((await ok('settings:get', undefined, supervisor)).staff.values).toEqual({ idleLockMinutes: 5 });
    expect(settingsAudit()).toEqual([]);
  });

  it('applies a new stem-cell age range to the next registration', async () => {
    // Born 1976-01-10: 50 years old on 2026-04-04.
    const fifty = volunteerBorn('19760110', '105');
    const refused = await refusal('registration:create', fifty, registrar);
    expect(refused.issues).toEqual([{ path: 'programs.0', reason: 'stem_cell_age_range', params: { min: 18, max: 45 } }]);
    expect((await ok('registration:options', undefined, registrar)).stemCellMaxAge).toBe(45);

    await ok('settings:change', { ...registration, stemCellMaxAge: 55 });
    expect((await ok('registration:options', undefined, registrar)).stemCellMaxAge).toBe(55);
    const created = await ok('registration:create', fifty, registrar);
    expect(created.registrations.map((row) => row.program)).toEqual(['stem_cell']);

    // Raising the youngest age refuses a 20-year-old that the default range takes.
    await ok('settings:change', { ...registration, stemCellMinAge: 21, stemCellMaxAge: 55 });
    const twenty = await refusal('registration:create', volunteerBorn('20060101', '107'), registrar);
    expect(twenty.issues).toEqual([{ path: 'programs.0', reason: 'stem_cell_age_range', params: { min: 21, max: 55 } }]);
  });

  it('gives the kiosk the new idle time and the receipt printer on its next call', async () => {
    const kiosk = { sessionKey: 'kiosk' };
    expect(await ok('registration:options', undefined, kiosk)).toMatchObject({ kioskIdleSeconds: 300, silentReceipts: false });
    await ok('settings:change', { ...registration, kioskIdleSeconds: 45 });
    await ok('settings:change', { section: 'printing', receiptPrinter: 'EPSON TM-T82III', receiptPaper: 'thermal' });
    expect(await ok('registration:options', undefined, kiosk)).toMatchObject({ kioskIdleSeconds: 45, silentReceipts: true });
    // The shell and the receipt layout read the same stored values the command line sets.
    expect(await station.services.printerSettings.view()).toEqual({ receiptPrinter: 'EPSON TM-T82III', receiptPaper: 'thermal' });
  });

  it('gives every public screen the elder-friendly default and the idle times, changed by an administrator only', async () => {
    const kiosk = { sessionKey: 'kiosk' };
    // Forms 300 s, browsing 180 s, a 30 s warning: the times elderly visitors need.
    expect(await ok('settings:kioskOptions', undefined, kiosk)).toEqual({ elderModeDefault: false, formIdleSeconds: 300, browseIdleSeconds: 180, countdownSeconds: 30 });
    expect((await refusal('settings:change', { section: 'kiosk', elderModeDefault: true }, supervisor)).code).toBe('forbidden');
    expect((await refusal('settings:change', { section: 'kiosk', elderModeDefault: 'yes' })).issues).toEqual([{ path: 'elderModeDefault', reason: 'required' }]);
    expect((await ok('settings:change', { section: 'kiosk', elderModeDefault: true })).kiosk.values).toEqual({ elderModeDefault: true });
    await ok('settings:change', { ...registration, kioskIdleSeconds: 600 });
    expect(await ok('settings:kioskOptions', undefined, kiosk)).toEqual({ elderModeDefault: true, formIdleSeconds: 600, browseIdleSeconds: 180, countdownSeconds: 30 });
    expect(settingsAudit().filter((entry) => entry.object_id === 'kiosk')).toEqual([
      { actor_role: 'admin', object_id: 'kiosk', detail: { section: 'kiosk', changes: { elderModeDefault: { from: false, to: true } } } },
    ]);
  });

  it('applies a new staff idle lock on the next call, although the lock time is cached', async () => {
    expect(await ok('session:get', undefined, registrar)).toMatchObject({ idleLockMinutes: 5, locked: false });
    await ok('settings:change', { section: 'staff', idleLockMinutes: 2 });
    expect(await ok('session:get', undefined, registrar)).toMatchObject({ idleLockMinutes: 2 });

    // Two idle minutes now lock a registrar's screen; before the change it took five.
    advanceMinutes(1);
    await ok('settings:get', undefined);
    advanceMinutes(1);
    expect((await refusal('registration:search', { query: '李𠮷祥' }, registrar)).code).toBe('session_locked');

    // Longer again: three idle minutes no longer lock the administrator's screen.
    await ok('settings:change', { section: 'staff', idleLockMinutes: 30 });
    advanceMinutes(3);
    expect(await ok('staff:list', undefined)).toMatchObject({ accounts: expect.any(Array) });
  });
});
