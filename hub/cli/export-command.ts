import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openHubDatabase } from '../db/open';
import { exportPlatforms, type ExportPlatform } from '../exports/maps/column-map';
import { verifyExportFolder } from '../exports/manifest';
import { runExport } from '../exports/run-export';
import { loadProvinceKeys, SIGNING_PUBLIC_FILE } from '../keys/province-keys';
import { provinceOfDatabase } from '../operations/province-identity';
import { passphraseFrom, PASSPHRASE_OPTION } from './passphrase';
import { databaseOption, printLine, provinceOption, UsageError } from './usage';

function platformOption(value: string | undefined): ExportPlatform {
  if (value === undefined) throw new UsageError('--platform is required');
  if (!(exportPlatforms as readonly string[]).includes(value)) throw new UsageError(`--platform wants one of ${exportPlatforms.join(', ')}, not ${value}`);
  return value as ExportPlatform;
}

function seqOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,15}$/.test(value)) throw new UsageError(`--from wants a record_version seq (a whole number), not ${value}`);
  return Number(value);
}

/**
 * `hub export verify DIR`: the run folder's manifest signature (the province's signing public key, from
 * --keys or --public-key) and each file's hash. One JSON line; exit code 1 when anything does not hold.
 */
async function verifyCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { keys: { type: 'string' }, 'public-key': { type: 'string' } } });
  if (positionals.length !== 1 || positionals[0] === undefined) throw new UsageError('name one export folder');
  if ((values.keys === undefined) === (values['public-key'] === undefined)) throw new UsageError('name either --keys KEYDIR or --public-key PEM');
  const pemFile = values['public-key'] ?? join(values.keys!, SIGNING_PUBLIC_FILE);
  const checked = verifyExportFolder(resolve(positionals[0]), readFileSync(pemFile, 'utf8'));
  printLine({
    folder: resolve(positionals[0]),
    valid: checked.valid,
    signature: checked.signature,
    files: checked.files,
    unexpected: checked.unexpected,
    ...(checked.manifest === null ? {} : { platform: checked.manifest.platform, mapVersion: checked.manifest.mapVersion, cursor: checked.manifest.cursor, counts: checked.manifest.counts }),
  });
  return checked.valid ? 0 : 1;
}

/**
 * `hub export --platform P --out DIR`: the platform's events since its last run, into a new signed folder of
 * DIR. One JSON line with the manifest's figures. `hub export verify DIR` checks a folder.
 */
export async function exportCommand(args: string[]): Promise<number> {
  if (args[0] === 'verify') return verifyCommand(args.slice(1));
  const { values } = parseArgs({
    args,
    allowPositionals: false,
    options: {
      platform: { type: 'string' },
      out: { type: 'string' },
      from: { type: 'string' },
      db: { type: 'string' },
      postgres: { type: 'string' },
      province: { type: 'string' },
      keys: { type: 'string' },
      ...PASSPHRASE_OPTION,
    },
  });
  const platform = platformOption(values.platform);
  if (values.out === undefined) throw new UsageError('--out is required');
  if (values.keys === undefined) throw new UsageError('--keys is required');
  const fromSeq = seqOption(values.from);
  const database = databaseOption(values);
  const givenProvince = values.province === undefined ? undefined : provinceOption(values.province);
  const passphrase = passphraseFrom(values, process.env);
  const keys = loadProvinceKeys(resolve(values.keys), { passphrase });
  const hub = await openHubDatabase(database);
  try {
    const provinceCode = await provinceOfDatabase(hub.db, givenProvince);
    const run = await runExport(hub, provinceCode, { platform, outDir: resolve(values.out), createdBy: `cli:${userInfo().username}`, ...(fromSeq === undefined ? {} : { fromSeq }) }, keys);
    printLine({ runId: run.runId, platform: run.platform, mapVersion: run.mapVersion, cursor: run.cursor, counts: run.counts, folder: run.folder, manifestSha256: run.manifestSha256, files: run.files });
    return 0;
  } finally {
    await hub.close();
  }
}
