import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { TFunction } from 'i18next';
import type { ErrorCode } from '../../../shared/contract/errors';
import { recoveredRingOf } from '../../services/backup/backup';
import { AppError } from '../../services/kernel/errors';
import { UsageError, type CliCommand } from '../command';
import { callStation, printJson, reportRefusal, SYSTEM_ACTOR, withStation } from '../command-support';

/**
 * `backup [--out DIR]` and `restore FILE [--confirm]`, for a station that is not running. With the recovery
 * code in `RELAY_RECOVERY_CODE` (never on the command line, which `ps` shows), `restore FILE` rebuilds a
 * station that is not set up (a fresh install, an empty data folder) from the backup alone. Each exits 0
 * when done and 1 when refused: `{ ok: false, error }` on stdout and the sentence on stderr.
 */

function refusal(t: TFunction, code: ErrorCode, extra: Record<string, unknown> = {}): number {
  return reportRefusal(t, { code, message: code }, { extra });
}

/** `backup [--out DIR]`: an encrypted backup into DIR (created if need be), or into the configured folder, which is then pruned. */
export const backupCommand: CliCommand = {
  name: 'backup',
  usage: 'cli:commandUsage.backup',
  direct: 'may write into a folder named with --out, which backup:now does not take',
  async run(args, { t }) {
    const { values } = parseArgs({ args, options: { out: { type: 'string' } }, strict: true });
    if (values.out !== undefined && values.out.trim() === '') throw new UsageError(t('cli:backupNeedsFolder'));
    const folder = values.out === undefined ? null : resolve(values.out);
    return withStation(async (station) => {
      try {
        const taken = await station.services.backup.take(SYSTEM_ACTOR, folder);
        printJson({ ok: true, ...taken.backup, pruned: taken.pruned });
        process.stderr.write(t('cli:backupWritten', { file: taken.backup.file }) + '\n');
        return 0;
      } catch (error) {
        if (error instanceof AppError) return refusal(t, error.code);
        throw error;
      }
    });
  },
};

/**
 * `restore FILE [--confirm]`: checks a backup, stages it and applies it at once by opening the station again:
 * the current database is kept aside as `station.sqlite.before-restore-<time>`. Newer work the province has
 * not acknowledged is only given up with `--confirm`, which the audit trail records with its count.
 */
export const restoreCommand: CliCommand = {
  name: 'restore',
  usage: 'cli:commandUsage.restore',
  calls: ['backup:inspect', 'backup:restore', 'backup:restoreWithRecoveryCode'],
  async run(args, { t }) {
    const { values, positionals } = parseArgs({ args, options: { confirm: { type: 'boolean' } }, allowPositionals: true, strict: true });
    if (positionals.length !== 1 || positionals[0]?.trim() === '') throw new UsageError(t('cli:restoreNeedsFile'));
    const file = resolve(positionals[0] as string);
    if (!existsSync(file)) throw new UsageError(t('cli:fileMissing', { file }));
    const confirm = values.confirm === true;
    const recoveryCode = process.env.RELAY_RECOVERY_CODE?.trim();
    if (recoveryCode) return restoreWithRecoveryCode(file, recoveryCode, t);

    const staged = await withStation(async (station) => {
      const inspected = await callStation(station, 'backup:inspect', { file });
      if (!inspected.ok) return reportRefusal(t, inspected.error);
      const problem = inspected.data.problems[0];
      if (problem) return refusal(t, problem);
      const lost = inspected.data.newerUnsynced;
      if (lost.total > 0 && !confirm) {
        const code = refusal(t, 'backup_unsynced_work', { newerUnsynced: lost });
        process.stderr.write(t('cli:restoreWouldLose', { count: lost.total }) + '\n');
        return code;
      }
      const restore = await callStation(station, 'backup:restore', { file, confirm });
      return restore.ok ? 0 : reportRefusal(t, restore.error);
    });
    if (staged !== 0) return staged;

    // Opening the station applies what was staged; a restored file that does not open is undone there.
    const outcome = await withStation(async (station) => station.restore ?? null);
    if (outcome?.kind === 'applied') {
      printJson({ ok: true, restored: file, keptAside: outcome.keptAside, confirmedOverwrite: outcome.note.confirmedOverwrite, batchSeqFloor: outcome.batchSeqFloor });
      process.stderr.write(t('cli:restoreApplied', { file, keptAside: outcome.keptAside ?? '-' }) + '\n');
      return 0;
    }
    return refusal(t, 'backup_unsynced_work', { newerUnsynced: { total: outcome?.kind === 'abandoned' ? outcome.unsynced : 0 } });
  },
};

/**
 * A fresh install rebuilt from a backup and the recovery code: the code is checked against the file before
 * any station is opened, so a wrong one leaves the data folder exactly as it was (or absent). Then the key
 * ring and the database are staged, and opening the station again puts them in place.
 */
async function restoreWithRecoveryCode(file: string, recoveryCode: string, t: TFunction): Promise<number> {
  try {
    await recoveredRingOf(file, recoveryCode);
  } catch (error) {
    if (error instanceof AppError) return refusal(t, error.code);
    throw error;
  }
  const staged = await withStation(async (station) => {
    const result = await callStation(station, 'backup:restoreWithRecoveryCode', { file, recoveryCode });
    return result.ok ? result.data : reportRefusal(t, result.error);
  });
  if (typeof staged === 'number') return staged;
  const outcome = await withStation(async (station) => ({ restore: station.restore ?? null, station: await station.services.station.get() }));
  if (outcome.restore?.kind !== 'applied' || !outcome.station) return refusal(t, 'backup_corrupt');
  printJson({ ok: true, restored: file, stationCode: outcome.station.code, backupCreatedAt: staged.createdAt, batchSeqFloor: outcome.restore.batchSeqFloor });
  process.stderr.write(t('cli:restoreRecovered', { file, station: outcome.station.code }) + '\n');
  return 0;
}
