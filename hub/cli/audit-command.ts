import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { consoleAuditKey } from '../console/audit-trail';
import { verifyAuditAsOperator } from '../console/operator';
import { openHubDatabase } from '../db/open';
import { loadHubDataKeys } from '../keys/data-keys';
import { provinceOfDatabase } from '../operations/province-identity';
import { passphraseFrom, PASSPHRASE_OPTION } from './passphrase';
import { databaseOption, printLine, provinceOption, UsageError } from './usage';

/**
 * `hub audit-verify`: walks the console's audit chain from its first entry. Prints `{"auditChain":"intact",
 * "entries":N}` and exits 0, or names the first entry that does not follow from the one before and exits 1.
 * The chain's key comes from the hub's data key ring, hence --keys and the passphrase.
 */
export async function auditVerifyCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { keys: { type: 'string' }, db: { type: 'string' }, postgres: { type: 'string' }, province: { type: 'string' }, ...PASSPHRASE_OPTION },
  });
  if (values.keys === undefined) throw new UsageError('--keys is required');
  const database = databaseOption(values);
  const givenProvince = values.province === undefined ? undefined : provinceOption(values.province);
  const ring = loadHubDataKeys(resolve(values.keys), { passphrase: passphraseFrom(values, process.env) });
  const hub = await openHubDatabase(database);
  try {
    const provinceCode = await provinceOfDatabase(hub.db, givenProvince);
    const check = await verifyAuditAsOperator(hub, provinceCode, consoleAuditKey(ring));
    if (check.ok) {
      printLine({ province: provinceCode, auditChain: 'intact', entries: check.count });
      return 0;
    }
    printLine({ province: provinceCode, auditChain: 'broken', brokenSeq: check.brokenSeq, reason: check.reason, entriesVerified: check.count });
    return 1;
  } finally {
    await hub.close();
  }
}
