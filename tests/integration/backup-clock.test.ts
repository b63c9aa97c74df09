import { copyFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStation, type OpenStation } from '../../electron/app/open-station';
import { useCleanups } from '../fixtures/cleanups';
import { callOk } from '../fixtures/dispatch';
import { sampleSetup } from '../fixtures/temp-station';

/**
 * Scheduled backups and pruning trust only dates authenticated by the station's keys, and survive a clock
 * that jumps back or forward: backups go on being taken, and real backups are not pruned for wrong dates.
 */

const { tempDir } = useCleanups();
const admin = { sessionKey: 'backup-clock-admin' };
const system = { id: null, role: 'system' };
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const opened: OpenStation[] = [];

afterEach(async () => {
  for (const station of opened.splice(0)) await station.close();
});

/** A clock the test sets by hand, as a dead clock battery or someone at the settings would. */
class SettableClock {
  constructor(public at = Date.parse('2026-11-20T06:00:00.000Z')) {}
  now(): Date {
    return new Date(this.at);
  }
}

async function stationWithFolder(clock: SettableClock, keep: number): Promise<{ station: OpenStation; folder: string; dataDir: string }> {
  const dataDir = tempDir();
  const folder = tempDir();
  const station = await openStation({ dataDir, clock });
  opened.push(station);
  await callOk(station, 'station:setup', sampleSetup, admin);
  await callOk(station, 'backup:settings', { folder, keep, intervalHours: 24 }, admin);
  return { station, folder, dataDir };
}

describe('a planted backup dated in the future', () => {
  it('neither stops the schedule nor pushes real backups out, and is never deleted', async () => {
    const clock = new SettableClock();
    const { station, folder } = await stationWithFolder(clock, 2);
    // A genuine backup of another station under the same code (another key), renamed to a date far ahead.
    const impostorClock = new SettableClock(Date.parse('2099-01-01T00:00:00.000Z'));
    const impostor = await openStation({ dataDir: tempDir(), clock: impostorClock });
    opened.push(impostor);
    await callOk(impostor, 'station:setup', sampleSetup, { sessionKey: 'impostor' });
    const planted = (await impostor.services.backup.take(system, tempDir())).backup;
    copyFileSync(planted.file, join(folder, planted.name));

    const taken: string[] = [];
    for (let run = 0; run < 3; run++) {
      expect(await station.services.backup.takeIfDue(), `run ${run}`).toBe(true);
      taken.push((await station.services.backup.status()).lastRun?.file as string);
      clock.at += DAY;
    }
    expect(readdirSync(folder).sort()).toEqual([planted.name, ...taken.slice(1).map((file) => file.split('/').pop())].sort());
    // The staff session idle-locks as the clock moves on; the schedule itself runs without one.
    const status = await station.services.backup.status();
    expect(status.backups.map((entry) => entry.file)).toEqual([taken[2], taken[1]]);
    expect(status.backupInFuture).toBe(false);
  });
});

describe('a clock that jumps', () => {
  it('back: backups go on (once per interval, not on every look) and the station warns', async () => {
    const clock = new SettableClock();
    const { station, folder } = await stationWithFolder(clock, 7);
    expect(await station.services.backup.takeIfDue()).toBe(true);
    clock.at -= 3 * DAY;
    expect(await station.services.backup.takeIfDue()).toBe(true);
    expect(await station.services.backup.takeIfDue()).toBe(false);
    clock.at += DAY;
    expect(await station.services.backup.takeIfDue()).toBe(true);
    expect(readdirSync(folder)).toHaveLength(3);
    expect((await station.services.backup.status()).backupInFuture).toBe(true);
  });

  it('forward and back: the backup taken while ahead stops nothing, and neither it nor the one just taken is pruned', async () => {
    const clock = new SettableClock();
    const start = clock.at;
    const { station, folder } = await stationWithFolder(clock, 2);
    expect(await station.services.backup.takeIfDue()).toBe(true);
    clock.at = start + 365 * DAY;
    expect(await station.services.backup.takeIfDue()).toBe(true);
    const ahead = (await station.services.backup.status()).backups[0]?.file as string;
    clock.at = start + HOUR;
    expect(await station.services.backup.takeIfDue()).toBe(false);
    clock.at = start + 25 * HOUR;
    expect(await station.services.backup.takeIfDue()).toBe(true);
    const justTaken = (await station.services.backup.status()).lastRun?.file as string;
    expect(existsSync(ahead)).toBe(true);
    expect(existsSync(justTaken)).toBe(true);
    expect(readdirSync(folder)).toHaveLength(2);
  });
});

describe('the last run', () => {
  it('is remembered across a restart', async () => {
    const clock = new SettableClock();
    const { station, dataDir } = await stationWithFolder(clock, 7);
    expect(await station.services.backup.takeIfDue()).toBe(true);
    const before = (await station.services.backup.status()).lastRun;
    expect(before?.file).toBeTruthy();
    await station.close();
    opened.splice(opened.indexOf(station), 1);
    const reopened = await openStation({ dataDir, clock });
    opened.push(reopened);
    await callOk(reopened, 'session:login', { username: sampleSetup.admin.username, password: sampleSetup.admin.password }, admin);
    expect((await callOk(reopened, 'backup:status', undefined, admin)).lastRun).toEqual(before);
  });
});
