import { createPublicKey } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { requestKeyId, verifyRequest } from '../../electron/sync/request-signature';
import type { Executor } from '../db/repositories/executor';
import { stationKey } from '../db/repositories/stations';

/**
 * The station whose registered key signed this request for the protocol's `path` (docs/sync-protocol.md
 * §10.2), or null. The key is looked up by the id the request names and must be held by the hub; a key
 * belongs to one station, so it names that station.
 */
export async function signingStation(db: Executor, provinceCode: string, headers: IncomingHttpHeaders, method: string, path: string, now: Date): Promise<string | null> {
  const id = requestKeyId(headers);
  if (id === null) return null;
  const key = await stationKey(db, provinceCode, id);
  if (!key) return null;
  const publicKey = createPublicKey({ key: key.publicKeySpki, format: 'der', type: 'spki' });
  return verifyRequest(headers, method, path, publicKey, now) ? key.stationCode : null;
}

/** The stored acknowledgement of the highest batch the hub took from a station, or null when it took none. */
export async function lastBatchAck(db: Executor, provinceCode: string, stationCode: string): Promise<Buffer | null> {
  const row = await db
    .selectFrom('batch')
    .select('ack')
    .where('province_code', '=', provinceCode)
    .where('station_code', '=', stationCode)
    .orderBy('batch_seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.ack ?? null;
}
