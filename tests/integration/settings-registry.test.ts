import { afterAll, describe, expect, it } from 'vitest';
import type { CallInput, CallName } from '../../shared/contract/calls';
import { stationPerTest } from '../fixtures/station-per-test';
import { makeTempDir } from '../fixtures/temp-station';

const admin = { sessionKey: 'admin-desk' };
const { station, ok } = stationPerTest(admin);

const backupFolder = makeTempDir('relay-settings-backup-');
afterAll(() => {
  backupFolder.remove();
});

/** Every `settings_change` entry, oldest first, with its detail. */
function settingsAudit(): Array<{ object_type: string; object_id: string; detail: unknown }> {
  const rows = station()
    .connection.sqlite.prepare("select object_type, object_id, detail from audit_log where action = 'settings_change' order by seq")
    .all() as Array<{ object_type: string; object_id: string; detail: string }>;
  return rows.map((row) => ({ ...row, detail: JSON.parse(row.detail) as unknown }));
}

/** One section's change as the screens make it, what it should audit, and how it reads back. */
interface SectionCase {
  section: string;
  change: () => Promise<unknown>;
  changes: Record<string, { from: unknown; to: unknown }>;
  readBack: () => Promise<unknown>;
  expected: unknown;
}

/** A call as the administrator, which must succeed. */
function call<N extends CallName>(name: N, input: CallInput<N>) {
  return ok(name, input);
}

const cases: SectionCase[] = [
  {
    section: 'registration',
    change: () => call('settings:change', { section: 'registration', stemCellMinAge: 20, stemCellMaxAge: 45, coolingOffDays: 7, kioskIdleSeconds: 300, bodyChangeNeedsNotarisation: true }),
    changes: { stemCellMinAge: { from: 18, to: 20 }, bodyChangeNeedsNotarisation: { from: false, to: true } },
    readBack: async () => (await call('settings:get', undefined)).registration.values,
    expected: { stemCellMinAge: 20, stemCellMaxAge: 45, coolingOffDays: 7, kioskIdleSeconds: 300, bodyChangeNeedsNotarisation: true },
  },
  {
    section: 'staff',
    change: () => call('settings:change', { section: 'staff', idleLockMinutes: 15 }),
    changes: { idleLockMinutes: { from: 5, to: 15 } },
    readBack: async () => (await call('settings:get', undefined)).staff.values,
    expected: { idleLockMinutes: 15 },
  },
  {
    section: 'printing',
    change: () => call('settings:change', { section: 'printing', receiptPrinter: 'EPSON TM-T82III', receiptPaper: 'a4' }),
    changes: { receiptPrinter: { from: null, to: 'EPSON TM-T82III' } },
    readBack: async () => (await call('settings:get', undefined)).printing.values,
    expected: { receiptPrinter: 'EPSON TM-T82III', receiptPaper: 'a4' },
  },
  {
    section: 'kiosk',
    change: () => call('settings:change', { section: 'kiosk', elderModeDefault: true }),
    changes: { elderModeDefault: { from: false, to: true } },
    readBack: () => call('settings:kioskOptions', undefined),
    expected: { elderModeDefault: true, formIdleSeconds: 300, browseIdleSeconds: 180, countdownSeconds: 30 },
  },
  {
    section: 'sync',
    change: () => call('sync:settings', { endpoint: 'https://province.example/relay', batchSize: 200, twoPersonApproval: false }),
    changes: { endpoint: { from: null, to: 'https://province.example/relay' }, batchSize: { from: 1000, to: 200 } },
    readBack: async () => (await call('sync:status', undefined)).settings,
    expected: { endpoint: 'https://province.example/relay', batchSize: 200, twoPersonApproval: false },
  },
  {
    section: 'backup',
    change: () => call('backup:settings', { folder: backupFolder.dir, keep: 3, intervalHours: 24 }),
    changes: { folder: { from: null, to: backupFolder.dir }, keep: { from: 7, to: 3 } },
    readBack: async () => (await call('backup:status', undefined)).settings,
    expected: { folder: backupFolder.dir, keep: 3, intervalHours: 24 },
  },
  {
    section: 'memorial',
    change: () => call('memorial:setRetentionDays', { days: 180 }),
    changes: { visitorRetentionDays: { from: 365, to: 180 } },
    readBack: () => call('memorial:settings', undefined),
    expected: { qingmingMode: false, visitorRetentionDays: 180 },
  },
  {
    section: 'figures',
    change: () => call('figures:setTargets', { localPopulation: 20_000, reachTargetPercent: 2 }),
    changes: { localPopulation: { from: null, to: 20_000 }, reachTargetPercent: { from: 1.5, to: 2 } },
    readBack: () => call('figures:targets', undefined),
    expected: { localPopulation: 20_000, reachTargetPercent: 2, satisfactionTargetShare: 0.95 },
  },
  {
    section: 'idCardReader',
    change: () => call('idCard:configure', { kind: 'sdtapi', libraryPath: '/opt/reader/lib/libsdtapi.so', port: 1001, simulatorAddress: null }),
    changes: { kind: { from: 'none', to: 'sdtapi' }, libraryPath: { from: null, to: '/opt/reader/lib/libsdtapi.so' }, port: { from: null, to: 1001 } },
    readBack: () => call('idCard:settings', undefined),
    expected: { kind: 'sdtapi', libraryPath: '/opt/reader/lib/libsdtapi.so', port: 1001, simulatorAddress: null },
  },
];

describe('a change of any settings section', () => {
  it.each(cases.map((c) => [c.section, c] as const))('%s: writes one audit entry with every changed item, old and new, and reads back; the same values again change nothing', async (section, c) => {
    await c.change();
    expect(settingsAudit()).toEqual([{ object_type: 'station_setting', object_id: section, detail: { section, changes: c.changes } }]);
    expect(await c.readBack()).toEqual(c.expected);

    await c.change();
    expect(settingsAudit()).toHaveLength(1);
  });
});

describe('a stored value out of bounds', () => {
  it('reads as its default in every section it belongs to', async () => {
    const store = station().connection.sqlite.prepare("insert into station_setting (key, value, updated_at) values (?, ?, '2026-04-04T00:00:00.000Z')");
    for (const [key, value] of [
      ['coolingOffDays', '91'],
      ['staffIdleLockMinutes', '0'],
      ['receiptPaper', 'letter'],
      ['syncBatchSize', '5'],
      ['backupKeep', '366'],
      ['memorial.visitorRetentionDays', '3'],
      ['figures.localPopulation', '-1'],
      ['figures.reachTargetPercent', '250'],
    ]) {
      store.run(key, value);
    }
    const screen = await call('settings:get', undefined);
    expect(screen.registration.values.coolingOffDays).toBe(7);
    expect(screen.staff.values.idleLockMinutes).toBe(5);
    expect(screen.printing.values.receiptPaper).toBe('a4');
    expect((await call('sync:status', undefined)).settings.batchSize).toBe(1000);
    expect((await call('backup:status', undefined)).settings.keep).toBe(7);
    expect((await call('memorial:settings', undefined)).visitorRetentionDays).toBe(365);
    expect(await call('figures:targets', undefined)).toMatchObject({ localPopulation: null, reachTargetPercent: 1.5 });
  });
});
