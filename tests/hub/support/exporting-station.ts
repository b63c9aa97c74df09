import { createPublicKey } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import type { HubStore } from '../../../hub/db/open';
import { addStationKey } from '../../../hub/db/repositories/stations';
import { loadOrCreateProvinceKeys, provincePublicPems, type ProvinceKeys } from '../../../hub/keys/province-keys';
import { callsOn } from '../../fixtures/dispatch';
import { makeTempDir, openTempStation, sampleSetup } from '../../fixtures/temp-station';
import { PROVINCE, registerStation } from './batches';

type TempStation = Awaited<ReturnType<typeof openTempStation>>;

/** The station a test file exports from, the folder its files go to and the province's keys, fresh for each test. */
export interface ExportingStation {
  readonly station: TempStation;
  readonly folders: ReturnType<typeof makeTempDir>;
  readonly keys: ProvinceKeys;
  /** Calls the station as its administrator; a refusal fails the test. */
  readonly ok: ReturnType<typeof callsOn>['ok'];
  /** Registers the station at the hub (KMU01, Kunming) with the signing key the station publishes. */
  registerAtHub(hub: HubStore): Promise<void>;
}

/**
 * For each test of the file: a real station, set up, holding the province's public keys (made fresh in a
 * temporary folder) and exporting batches of `batchSize` records for USB; removed after the test.
 */
export function useExportingStation(options: { batchSize: number; folderPrefix: string }): ExportingStation {
  const admin = { sessionKey: 'admin-desk' };
  let station: TempStation | undefined;
  let folders: ReturnType<typeof makeTempDir> | undefined;
  let keys: ProvinceKeys | undefined;
  const { ok } = callsOn(() => required(station), () => admin);

  beforeEach(async () => {
    station = await openTempStation();
    await station.dispatch('station:setup', sampleSetup, admin);
    folders = makeTempDir(options.folderPrefix);
    keys = loadOrCreateProvinceKeys(join(folders.dir, 'keys')).keys;
    const pems = provincePublicPems(keys);
    await ok('sync:importProvinceKey', { use: 'signing', pem: pems.signing });
    await ok('sync:importProvinceKey', { use: 'encryption', pem: pems.encryption });
    await ok('sync:settings', { endpoint: null, batchSize: options.batchSize, twoPersonApproval: false });
  });
  afterEach(async () => {
    await station?.remove();
    folders?.remove();
  });

  return {
    get station() {
      return required(station);
    },
    get folders() {
      return required(folders);
    },
    get keys() {
      return required(keys);
    },
    ok,
    async registerAtHub(hub) {
      await registerStation(hub.db, 'KMU01');
      const published = await ok('documents:publicKey', undefined);
      const publicKeySpki = createPublicKey(published.publicKey).export({ type: 'spki', format: 'der' });
      await addStationKey(hub.db, { provinceCode: PROVINCE, stationCode: 'KMU01', publicKeySpki, registeredAt: '2026-11-01T00:00:00.000Z' });
    },
  };
}

function required<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('the exporting station is made for each test, in beforeEach');
  return value;
}
