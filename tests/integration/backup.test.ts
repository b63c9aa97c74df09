import BetterSqlite3 from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CallInput } from '../../shared/contract/calls';
import { openStation, type OpenStation } from '../../electron/app/open-station';
import { migrations } from '../../electron/db/migrations/index';
import { useCleanups } from '../fixtures/cleanups';
import { callsOn } from '../fixtures/dispatch';
import { residentId, sampleRegistration } from '../fixtures/registrations';
import { sampleSetup } from '../fixtures/temp-station';

const { tempDir } = useCleanups();
const admin = { sessionKey: 'backup-admin' };
const system = { id: null, role: 'system' };

let station: OpenStation | null = null;
const { ok, refusalCode } = callsOn(() => current(), () => admin);

function current(): OpenStation {
  if (!station) throw new Error('no station open');
  return station;
}

afterEach(async () => {
  await station?.close();
  station = null;
});

/** A clock the test moves by hand, so backups get distinct, ordered times. */
class SteppingClock {
  constructor(private at = Date.parse('2026-11-20T06:00:00.000Z')) {}
  now(): Date {
    return new Date(this.at);
  }
  advance(ms: number): void {
    this.at += ms;
  }
}

async function open(dataDir: string, clock?: SteppingClock): Promise<OpenStation> {
  await station?.close();
  station = await openStation({ dataDir, clock });
  return station;
}

async function setUp(dataDir: string, clock?: SteppingClock): Promise<OpenStation> {
  const opened = await open(dataDir, clock);
  await ok('station:setup', sampleSetup);
  return opened;
}

function registrationOf(i: number): CallInput<'registration:create'> {
  const birth = `19${String(60 + Math.floor(i / 900)).padStart(2, '0')}0307`;
  return sampleRegistration({
    person: { document: { kind: 'resident_id', number: residentId('530102', birth, String(100 + (i % 900)).padStart(3, '0')) }, name: '张明', phone: '13812345678', ethnicGroup: '01' },
    programs: [{ program: 'cornea' }],
  });
}

async function register(from: number, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = from; i < from + count; i++) ids.push(...(await ok('registration:create', registrationOf(i))).registrations.map((r) => r.id));
  return ids;
}

function auditDetails(opened: OpenStation, action: string): Record<string, unknown>[] {
  const rows = opened.connection.sqlite.prepare('select detail from audit_log where action = ? order by seq').all(action) as { detail: string | null }[];
  return rows.map((row) => JSON.parse(row.detail ?? '{}') as Record<string, unknown>);
}

function registrationIds(opened: OpenStation): Set<string> {
  return new Set((opened.connection.sqlite.prepare('select id from registration').all() as { id: string }[]).map((row) => row.id));
}

/** Points the backup settings at `folder` and takes a backup there. */
async function backupInto(folder: string) {
  await ok('backup:settings', { folder, keep: 7, intervalHours: 24 });
  return ok('backup:now', undefined);
}

/** Closes the station and opens it again on the same folder: what a restart does. */
async function restart(dataDir: string, clock?: SteppingClock): Promise<OpenStation> {
  return open(dataDir, clock);
}

describe('an online backup', () => {
  it('taken while registrations are being written restores every registration committed before it began', async () => {
    const dataDir = tempDir();
    const folder = tempDir();
    await setUp(dataDir);
    await register(0, 30);
    // Some 12 MB more, so that the copy takes many steps with registrations written between them.
    const sqlite = current().connection.sqlite;
    sqlite.exec('create table padding (bytes blob)');
    const pad = sqlite.prepare('insert into padding (bytes) values (randomblob(4000))');
    sqlite.transaction(() => {
      for (let i = 0; i < 3000; i++) pad.run();
    })();

    const committed: string[] = [];
    let writing = true;
    // Each registration arrives as its own event, as calls from the screens do (a call runs on microtasks alone).
    const writer = (async () => {
      for (let i = 30; writing && i < 400; i++) {
        await new Promise((resolve) => setImmediate(resolve));
        committed.push(...(await register(i, 1)));
      }
    })();
    while (committed.length < 5) await new Promise((resolve) => setTimeout(resolve, 5));
    const committedBefore = [...registrationIds(current())];
    const countBefore = committed.length;
    const taken = await backupInto(folder);
    const committedDuring = committed.length - countBefore;
    writing = false;
    await writer;
    expect(committed.length).toBeGreaterThan(5);
    expect(taken.backup.name).toMatch(/^KMU01-backup-\d{8}T\d{9}Z\.rsbk$/);
    expect(taken.backup.schemaVersion).toBe(migrations.length);
    // The registrations kept coming while the backup was taken.
    expect(committedDuring).toBeGreaterThan(0);

    const inspection = await ok('backup:inspect', { file: taken.backup.file });
    expect(inspection).toMatchObject({ integrity: 'ok', problems: [], appSchemaVersion: migrations.length });
    await ok('backup:restore', { file: taken.backup.file, confirm: true });
    expect(existsSync(join(dataDir, 'station.sqlite.restore'))).toBe(true);

    const restored = await restart(dataDir);
    expect(restored.restore).toMatchObject({ kind: 'applied' });
    expect(restored.connection.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    const ids = registrationIds(restored);
    for (const id of committedBefore) expect(ids.has(id), id).toBe(true);
    expect(await restored.services.audit.verify()).toMatchObject({ ok: true });
    expect(auditDetails(restored, 'backup_restore').at(-1)).toMatchObject({ step: 'applied' });
    // The previous database is kept aside, not deleted.
    expect(readdirSync(dataDir).some((name) => /^station\.sqlite\.before-restore-\d{8}T\d{9}Z$/.test(name))).toBe(true);
  });

  it('is encrypted: the file holds no SQLite header and no plain personal data', async () => {
    const dataDir = tempDir();
    const folder = tempDir();
    await setUp(dataDir);
    await register(0, 2);
    const taken = await backupInto(folder);
    const bytes = readFileSync(taken.backup.file);
    expect(bytes.subarray(0, 8).toString('ascii')).toBe('RSBACKUP');
    expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false);
    expect(bytes.includes(Buffer.from('KMU01-2026'))).toBe(false);
    expect(auditDetails(current(), 'backup_take')).toHaveLength(1);
  });
});

describe('a damaged or foreign backup', () => {
  async function takeOne(): Promise<{ dataDir: string; file: string }> {
    const dataDir = tempDir();
    const folder = tempDir();
    await setUp(dataDir);
    await register(0, 3);
    const taken = await backupInto(folder);
    return { dataDir, file: taken.backup.file };
  }

  function variant(file: string, change: (bytes: Buffer) => Buffer): string {
    const out = join(tempDir(), 'KMU01-backup-variant.rsbk');
    writeFileSync(out, change(Buffer.from(readFileSync(file))));
    return out;
  }

  function flip(at: (bytes: Buffer) => number): (bytes: Buffer) => Buffer {
    return (bytes) => {
      const index = at(bytes);
      bytes[index] = (bytes[index] as number) ^ 0x01;
      return bytes;
    };
  }

  it('is refused with backup_corrupt and nothing is staged', async () => {
    const { dataDir, file } = await takeOne();
    const headerLength = readFileSync(file).readUInt32BE(8);
    const variants = {
      'byte flipped in the data': variant(file, flip((bytes) => bytes.length - 100)),
      'byte flipped in the header': variant(file, flip(() => 12 + Math.floor(headerLength / 2))),
      'wrong magic': variant(file, flip(() => 0)),
      'truncated': variant(file, (bytes) => bytes.subarray(0, bytes.length - 20)),
      'cut to its header': variant(file, (bytes) => bytes.subarray(0, 12 + headerLength)),
      'bytes appended': variant(file, (bytes) => Buffer.concat([bytes, Buffer.alloc(16)])),
      'not a backup at all': variant(file, () => Buffer.from('SQLite format 3\0 but not really')),
    };
    for (const [what, damaged] of Object.entries(variants)) {
      expect(await refusalCode('backup:inspect', { file: damaged }), what).toBe('backup_corrupt');
      expect(await refusalCode('backup:restore', { file: damaged, confirm: true }), what).toBe('backup_corrupt');
    }
    expect(existsSync(join(dataDir, 'station.sqlite.restore'))).toBe(false);
    // No decrypted leftovers in the data folder.
    expect(readdirSync(dataDir).filter((name) => name.startsWith('.restore-'))).toEqual([]);
    expect(auditDetails(current(), 'backup_restore')).toEqual([]);
  });

  it("made with another station's key is refused with backup_corrupt", async () => {
    const { file } = await takeOne();
    // A second station with the same code but its own key file.
    await setUp(tempDir());
    expect(await refusalCode('backup:inspect', { file })).toBe('backup_corrupt');
    expect(await refusalCode('backup:restore', { file, confirm: true })).toBe('backup_corrupt');
  });

  it('from a newer schema is inspected but not restored', async () => {
    const dataDir = tempDir();
    const folder = tempDir();
    await setUp(dataDir);
    current().connection.sqlite.prepare("insert into schema_migration (name, applied_at) values ('9999_future', '2030-01-01T00:00:00.000Z')").run();
    const taken = await backupInto(folder);
    current().connection.sqlite.prepare("delete from schema_migration where name = '9999_future'").run();
    expect(taken.backup.schemaVersion).toBe(migrations.length + 1);
    const inspection = await ok('backup:inspect', { file: taken.backup.file });
    expect(inspection.problems).toEqual(['backup_schema_too_new']);
    expect(await refusalCode('backup:restore', { file: taken.backup.file, confirm: true })).toBe('backup_schema_too_new');
  });
});

describe('unsynced work', () => {
  it('newer than the backup is refused without confirmation, and restored over with an audited one', async () => {
    const dataDir = tempDir();
    const folder = tempDir();
    await setUp(dataDir);
    await register(0, 2);
    const taken = await backupInto(folder);
    const newer = await register(2, 3);
    // One batch leaves after the backup: its number must never be used again.
    expect(await current().services.sync.batches.writeNext(system)).not.toBeNull();

    const inspection = await ok('backup:inspect', { file: taken.backup.file });
    const unacknowledged = (current().connection.sqlite.prepare(`select count(*) as n from outbox where state in ('pending', 'in_batch', 'resend', 'rejected')`).get() as { n: number }).n;
    const backupRows = (current().connection.sqlite.prepare('select count(*) as n from outbox where seq <= ?').get(inspection.outbox.highestSeq) as { n: number }).n;
    expect(inspection.newerUnsynced.total).toBe(unacknowledged - backupRows);
    expect(inspection.newerUnsynced.total).toBeGreaterThanOrEqual(newer.length);
    expect(inspection.newerUnsynced.byKind.registration).toBe(newer.length);
    expect(inspection.currentUnacknowledged).toBe(unacknowledged);

    expect(await refusalCode('backup:restore', { file: taken.backup.file, confirm: false })).toBe('backup_unsynced_work');
    expect(existsSync(join(dataDir, 'station.sqlite.restore'))).toBe(false);
    const staged = await ok('backup:restore', { file: taken.backup.file, confirm: true });
    expect(staged.confirmedOverwrite).toBe(inspection.newerUnsynced.total);
    const stagedAudit = auditDetails(current(), 'backup_restore');
    expect(stagedAudit).toEqual([expect.objectContaining({ step: 'staged', confirmed: true, confirmedOverwrite: inspection.newerUnsynced.total })]);
    const stagedBy = current().connection.sqlite.prepare("select actor_id, actor_role from audit_log where action = 'backup_restore'").get() as { actor_id: string; actor_role: string };
    expect(stagedBy.actor_role).toBe('admin');
    expect((await ok('backup:status', undefined)).pendingRestore).toMatchObject({ source: taken.backup.file, confirmedOverwrite: inspection.newerUnsynced.total });

    const restored = await restart(dataDir);
    const ids = registrationIds(restored);
    for (const id of newer) expect(ids.has(id)).toBe(false);
    expect(auditDetails(restored, 'backup_restore').at(-1)).toMatchObject({ step: 'applied', confirmedOverwrite: inspection.newerUnsynced.total, batchSeqFloor: 1 });
    const applied = restored.connection.sqlite.prepare("select actor_id, actor_role from audit_log where action = 'backup_restore'").get() as { actor_id: string; actor_role: string };
    expect(applied).toEqual(stagedBy);
    expect(restored.connection.sqlite.prepare("select value from station_setting where key = 'syncBatchSeqFloor'").get()).toEqual({ value: '1' });
    expect((restored.connection.sqlite.prepare('select count(*) as n from sync_batch').get() as { n: number }).n).toBe(0);
    // The next batch takes the number after the one that left, not that number again.
    expect((await restored.services.sync.batches.writeNext(system))?.batch_id).toBe('KMU01-B000002');
  });

  it('written after the restore was staged stops the restore at the next start', async () => {
    const dataDir = tempDir();
    const folder = tempDir();
    await setUp(dataDir);
    await register(0, 1);
    const taken = await backupInto(folder);
    await ok('backup:restore', { file: taken.backup.file, confirm: false });
    const later = await register(1, 1);
    const reopened = await restart(dataDir);
    expect(reopened.restore).toMatchObject({ kind: 'abandoned' });
    expect(registrationIds(reopened).has(later[0] as string)).toBe(true);
    expect(existsSync(join(dataDir, 'station.sqlite.restore'))).toBe(false);
    expect(auditDetails(reopened, 'backup_restore').at(-1)).toMatchObject({ step: 'abandoned', reason: 'backup_unsynced_work' });
  });
});

describe('the backup folder', () => {
  it('keeps the last N backups of this station and leaves other files alone', async () => {
    const clock = new SteppingClock();
    const dataDir = tempDir();
    const folder = tempDir();
    await setUp(dataDir, clock);
    await ok('backup:settings', { folder, keep: 2, intervalHours: 24 });
    writeFileSync(join(folder, 'notes.txt'), 'not a backup');
    writeFileSync(join(folder, 'KMU01-backup-20200101T000000000Z.rsbk'), 'damaged, not ours to delete');
    writeFileSync(join(folder, 'OTHER-backup-20200101T000000000Z.rsbk'), 'another station');
    const names: string[] = [];
    const pruned: string[] = [];
    for (let i = 0; i < 4; i++) {
      clock.advance(60_000);
      const taken = await ok('backup:now', undefined);
      names.push(taken.backup.name);
      pruned.push(...taken.pruned);
    }
    expect(pruned).toEqual(names.slice(0, 2));
    expect(readdirSync(folder).sort()).toEqual(['KMU01-backup-20200101T000000000Z.rsbk', 'OTHER-backup-20200101T000000000Z.rsbk', 'notes.txt', ...names.slice(2)].sort());
    const status = await ok('backup:status', undefined);
    expect(status.backups.map((entry) => entry.name)).toEqual([names[3], names[2]]);
    expect(status.lastRun).toMatchObject({ file: join(folder, names[3] as string), error: null });
  });

  it('is used by the schedule only when a backup is due', async () => {
    const clock = new SteppingClock();
    const dataDir = tempDir();
    const folder = tempDir();
    await setUp(dataDir, clock);
    expect(await current().services.backup.takeIfDue()).toBe(false);
    await ok('backup:settings', { folder, keep: 7, intervalHours: 6 });
    expect(await current().services.backup.takeIfDue()).toBe(true);
    clock.advance(5 * 3_600_000);
    expect(await current().services.backup.takeIfDue()).toBe(false);
    clock.advance(3_600_000);
    expect(await current().services.backup.takeIfDue()).toBe(true);
    expect(readdirSync(folder)).toHaveLength(2);
  });

  it('refuses a backup without a folder, and one to a folder that is not there', async () => {
    await setUp(tempDir());
    expect(await refusalCode('backup:now', undefined)).toBe('backup_folder_missing');
    // The folder is checked when saved; the stick is pulled out afterwards.
    const stick = join(tempDir(), 'usb-stick');
    mkdirSync(stick);
    await ok('backup:settings', { folder: stick, keep: 7, intervalHours: 24 });
    rmSync(stick, { recursive: true });
    expect(await refusalCode('backup:now', undefined)).toBe('backup_folder_unusable');
    expect(await refusalCode('backup:settings', { folder: 'relative/path', keep: 0, intervalHours: 200 })).toBe('validation_failed');
  });
});

describe('a staged restore', () => {
  it('is applied at the next open, and undone when the restored file cannot open', async () => {
    const dataDir = tempDir();
    const folder = tempDir();
    await setUp(dataDir);
    const kept = await register(0, 2);
    const taken = await backupInto(folder);
    await ok('backup:restore', { file: taken.backup.file, confirm: false });
    await current().close();
    station = null;

    // The staged file is changed after the checks so that it no longer opens: a migration this build does not know.
    const staged = new BetterSqlite3(join(dataDir, 'station.sqlite.restore'));
    staged.prepare("insert into schema_migration (name, applied_at) values ('9999_future', '2030-01-01T00:00:00.000Z')").run();
    staged.close();
    await expect(openStation({ dataDir })).rejects.toThrow(/9999_future/);
    // The previous database is back, whole, and nothing is left staged or kept aside.
    expect(readdirSync(dataDir).filter((name) => name.includes('restore'))).toEqual([]);
    const back = await open(dataDir);
    for (const id of kept) expect(registrationIds(back).has(id)).toBe(true);

    // A staged file that is not a database at all is dropped before anything moves.
    writeFileSync(join(dataDir, 'station.sqlite.restore'), 'not a database');
    await back.close();
    station = null;
    await expect(openStation({ dataDir })).rejects.toThrow();
    const again = await open(dataDir);
    for (const id of kept) expect(registrationIds(again).has(id)).toBe(true);
    expect(existsSync(join(dataDir, 'station.sqlite.restore'))).toBe(false);
  });

  it('can be cancelled before the restart', async () => {
    const dataDir = tempDir();
    const folder = tempDir();
    await setUp(dataDir);
    const taken = await backupInto(folder);
    await ok('backup:restore', { file: taken.backup.file, confirm: false });
    const status = await ok('backup:cancelRestore', undefined);
    expect(status.pendingRestore).toBeNull();
    expect(auditDetails(current(), 'backup_restore').map((detail) => detail.step)).toEqual(['staged', 'cancelled']);
    const reopened = await restart(dataDir);
    expect(reopened.restore).toBeNull();
  });
});

describe('plain copies in the data folder', () => {
  it('left by a run cut short are removed at the next start, recent ones of another process are not', async () => {
    const dataDir = tempDir();
    await setUp(dataDir);
    const stale = join(dataDir, '.backup-0123456789ab.sqlite');
    const recent = join(dataDir, '.restore-ba9876543210.sqlite');
    writeFileSync(stale, 'a copy');
    writeFileSync(recent, 'a copy');
    const aDayAgo = new Date(Date.now() - 24 * 3_600_000);
    utimesSync(stale, aDayAgo, aDayAgo);
    await restart(dataDir);
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(recent)).toBe(true);
  });
});

describe('who may', () => {
  it('take backups: supervisors and administrators; restore and settings: administrators only', async () => {
    await setUp(tempDir());
    const supervisor = { sessionKey: 'backup-supervisor' };
    await ok('staff:create', { username: 'chen', displayName: '陈静', role: 'supervisor', password: 'long enough secret', pin: '2468' });
    await ok('session:login', { username: 'chen', password: 'long enough secret' }, supervisor);
    expect(await ok('backup:status', undefined, supervisor)).toMatchObject({ settings: { folder: null, keep: 7, intervalHours: 24 } });
    expect(await refusalCode('backup:settings', { folder: null, keep: 7, intervalHours: 24 }, supervisor)).toBe('forbidden');
    expect(await refusalCode('backup:restore', { file: '/tmp/x.rsbk', confirm: true }, supervisor)).toBe('forbidden');
    expect(await refusalCode('backup:inspect', { file: '/tmp/x.rsbk' }, supervisor)).toBe('forbidden');
  });
});

