import { createPublicKey } from 'node:crypto';
import { verifyBatchSignature, type OpenedBatch } from '../../electron/sync/batch-file';
import { SyncProtocolError } from '../../electron/sync/protocol-error';
import type { Executor } from '../db/repositories/executor';
import { stationByCode, stationKey } from '../db/repositories/stations';

/**
 * docs/sync-protocol.md §6.4 step 4: a registered station, a key registered for that station, and a valid
 * signature by it. The key is always the one the hub holds, never one learnt from the batch (§11).
 */
export async function authenticateBatch(db: Executor, provinceCode: string, batch: OpenedBatch): Promise<void> {
  const { stationCode, stationKeyId } = batch.manifest;
  const key = await stationKey(db, provinceCode, stationKeyId);
  if (!key || key.stationCode !== stationCode) {
    const station = await stationByCode(db, provinceCode, stationCode);
    if (!station) throw new SyncProtocolError('station_unknown', `station ${stationCode} is not registered`);
    throw new SyncProtocolError('station_key_unknown', `key ${stationKeyId} is not registered for ${stationCode}`);
  }
  const publicKey = createPublicKey({ key: key.publicKeySpki, format: 'der', type: 'spki' });
  if (!verifyBatchSignature(batch, publicKey)) throw new SyncProtocolError('signature_invalid', 'the manifest signature does not verify');
}
