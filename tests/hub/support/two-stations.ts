import { join } from 'node:path';
import { expect } from 'vitest';
import { ingestBatchFile, type IngestContext } from '../../../hub/ingest/ingest-batch';
import { loadOrCreateProvinceKeys, type ProvinceKeys } from '../../../hub/keys/province-keys';
import { HubSealer } from '../../../hub/people/sealing';
import { residentId } from '../../fixtures/registrations';
import { makeTempDir } from '../../fixtures/temp-station';
import { PROVINCE } from './batches';
import type { OpenedHub } from './both-engines';
import { registrationPayload, ProtocolStation, type OutboxLine, type PersonShape } from './protocol-stations';

/** A person as two stations send them. */
export const ZHANG: PersonShape = { name: '张晓明', documentKind: 'resident_id', documentNumber: residentId('530102', '19900307', '101'), birthDate: '1990-03-07', phone: '13812345678' };

/** One registration line of a person at a moment. */
export function registrationLine(registrationId: string, personId: string, person: PersonShape, version: number, changedAt: string): OutboxLine {
  return { kind: 'registration', entityId: registrationId, version, changedAt, payload: registrationPayload(registrationId, personId, person, { version }) };
}

/** A hub with fresh province keys and two registered stations, Kunming (KMU01) and Dali (DLM01). */
export interface TwoStationHub {
  folders: ReturnType<typeof makeTempDir>;
  keys: ProvinceKeys;
  sealer: HubSealer;
  hub: OpenedHub;
  context: IngestContext;
  kunming: ProtocolStation;
  dali: ProtocolStation;
}

/** Opens the hub and registers both stations; the caller removes `folders` after the test. */
export async function twoStationHub(open: () => Promise<OpenedHub>, folderPrefix: string): Promise<TwoStationHub> {
  const folders = makeTempDir(folderPrefix);
  const keys = loadOrCreateProvinceKeys(join(folders.dir, 'keys')).keys;
  const hub = await open();
  const kunming = new ProtocolStation('KMU01');
  const dali = new ProtocolStation('DLM01');
  await kunming.registerAt(hub.db);
  await dali.registerAt(hub.db);
  return { folders, keys, sealer: new HubSealer(keys.data), hub, context: { hub, provinceCode: PROVINCE, keys }, kunming, dali };
}

/** Sends these lines as one batch of the station and expects every line taken. */
export async function sendLines(context: IngestContext, station: ProtocolStation, ...lines: OutboxLine[]): Promise<void> {
  const result = await ingestBatchFile(station.batchFile(station.queue(...lines)), context);
  expect(result).toMatchObject({ outcome: 'applied', counts: { rejected: 0 } });
}
