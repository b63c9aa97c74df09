import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { publicKeyFromPem } from '../../electron/sync/keys';
import { stationKinds, type StationKind } from '../../shared/domain/station';
import { openHubDatabase } from '../db/open';
import { addStation, addStationKey, StationKeyTakenError } from '../db/repositories/stations';
import { provinceOfDatabase } from '../operations/province-identity';
import { databaseOption, printLine, provinceOption, UsageError } from './usage';

/**
 * `hub station add`: registers a station and its signing key (the PEM its `export-public-key` prints). Both are
 * taken by constraint: a station registered before keeps its first registration, a key already held by
 * another station is refused (exit code 1).
 */
export async function stationCommand(args: string[]): Promise<number> {
  const [verb, ...rest] = args;
  if (verb !== 'add') throw new UsageError(`unknown station command: ${verb ?? '(none)'}`);
  const { values } = parseArgs({
    args: rest,
    options: {
      code: { type: 'string' },
      kind: { type: 'string' },
      region: { type: 'string' },
      key: { type: 'string' },
      name: { type: 'string' },
      db: { type: 'string' },
      postgres: { type: 'string' },
      province: { type: 'string' },
    },
  });
  const givenProvince = values.province === undefined ? undefined : provinceOption(values.province);
  const code = values.code;
  if (code === undefined || !/^[A-Z0-9]{2,12}$/.test(code)) throw new UsageError('--code wants 2 to 12 capital letters or digits');
  const kind = values.kind;
  if (!stationKinds.includes(kind as StationKind)) throw new UsageError(`--kind wants one of ${stationKinds.join(', ')}`);
  const region = values.region;
  if (region === undefined || !/^\d{6}$/.test(region)) throw new UsageError('--region wants the six digits (GB/T 2260) of a region');
  if (values.key === undefined) throw new UsageError('--key is required');
  let publicKeySpki: Buffer;
  try {
    publicKeySpki = publicKeyFromPem(readFileSync(values.key, 'utf8'), 'ed25519').export({ type: 'spki', format: 'der' });
  } catch {
    throw new UsageError(`${values.key}: not an Ed25519 public key (PEM)`);
  }
  const database = databaseOption(values);

  const hub = await openHubDatabase(database);
  try {
    // The province `hub init` recorded; a --province given as well must match it.
    const provinceCode = await provinceOfDatabase(hub.db, givenProvince);
    if (!region.startsWith(provinceCode)) throw new UsageError(`--region wants the six digits (GB/T 2260) of a region of province ${provinceCode}`);
    const registeredAt = new Date().toISOString();
    // One transaction: a station whose key is refused is not left registered without it.
    const { stationAdded, key } = await hub.db.transaction().execute(async (trx) => ({
      stationAdded: await addStation(trx, { provinceCode, code, kind: kind as StationKind, regionCode: region, name: values.name ?? code, registeredAt }),
      key: await addStationKey(trx, { provinceCode, stationCode: code, publicKeySpki, registeredAt }),
    }));
    printLine({ station: code, stationAdded, keyFingerprint: key.fingerprint, keyAdded: key.added });
    return 0;
  } catch (error) {
    if (!(error instanceof StationKeyTakenError)) throw error;
    printLine({ station: code, refused: 'station_key_taken', keyFingerprint: error.fingerprint, heldBy: error.ownerStationCode });
    return 1;
  } finally {
    await hub.close();
  }
}
