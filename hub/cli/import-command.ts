import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openHubDatabase } from '../db/open';
import { importBatchFolder } from '../ingest/import-folder';
import { provinceOfDatabase } from '../operations/province-identity';
import { PASSPHRASE_OPTION } from './passphrase';
import { provinceKeysOf } from './province-keys-option';
import { databaseOption, printLine, provinceOption, UsageError } from './usage';

/**
 * `hub import DIR`: every batch file in DIR taken in order, each acknowledgement written beside it (or into
 * --out). One JSON line per file; exit code 1 when any file was refused.
 */
export async function importCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { db: { type: 'string' }, postgres: { type: 'string' }, province: { type: 'string' }, keys: { type: 'string' }, out: { type: 'string' }, ...PASSPHRASE_OPTION },
  });
  if (positionals.length !== 1 || positionals[0] === undefined) throw new UsageError('name one folder of batch files');
  if (values.keys === undefined) throw new UsageError('--keys is required');
  const database = databaseOption(values);
  const givenProvince = values.province === undefined ? undefined : provinceOption(values.province);
  const keys = provinceKeysOf(values.keys, values, process.env);
  const hub = await openHubDatabase(database);
  try {
    // The province `hub init` recorded; a --province given as well must match it.
    const provinceCode = await provinceOfDatabase(hub.db, givenProvince);
    const dir = resolve(positionals[0]);
    const imported = await importBatchFolder(dir, { hub, provinceCode, keys }, values.out === undefined ? dir : resolve(values.out));
    for (const { file, result, ackFile } of imported) {
      const detail =
        result.outcome === 'applied' ? { counts: result.counts, ...(result.auditHeadRegressed ? { alert: 'audit_head_regressed' } : {}) } : result.outcome === 'refused' ? { code: result.code, message: result.message } : {};
      printLine({ file, batchId: result.batchId, outcome: result.outcome, ...detail, ack: ackFile });
    }
    return imported.some(({ result }) => result.outcome === 'refused') ? 1 : 0;
  } finally {
    await hub.close();
  }
}
