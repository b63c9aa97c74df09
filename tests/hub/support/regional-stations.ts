import { join } from 'node:path';
import type { IngestContext } from '../../../hub/ingest/ingest-batch';
import { loadOrCreateProvinceKeys, type ProvinceKeys } from '../../../hub/keys/province-keys';
import { makeTempDir } from '../../fixtures/temp-station';
import { PROVINCE } from './batches';
import type { OpenedHub } from './both-engines';
import { ProtocolStation } from './protocol-stations';

/** A hub with fresh province keys and stations registered in the regions named (station code → GB/T 2260 region). */
export interface RegionalStationsHub {
  folders: ReturnType<typeof makeTempDir>;
  keys: ProvinceKeys;
  hub: OpenedHub;
  context: IngestContext;
  stations: Map<string, ProtocolStation>;
}

/** Opens the hub and registers one station per entry of `regions`; the caller removes `folders` after the test. */
export async function regionalStationsHub(open: () => Promise<OpenedHub>, folderPrefix: string, regions: Record<string, string>): Promise<RegionalStationsHub> {
  const folders = makeTempDir(folderPrefix);
  const keys = loadOrCreateProvinceKeys(join(folders.dir, 'keys')).keys;
  const hub = await open();
  const stations = new Map<string, ProtocolStation>();
  for (const [code, regionCode] of Object.entries(regions)) {
    const station = new ProtocolStation(code);
    await station.registerAt(hub.db);
    await hub.db.updateTable('station').set({ region_code: regionCode }).where('province_code', '=', PROVINCE).where('code', '=', code).execute();
    stations.set(code, station);
  }
  return { folders, keys, hub, context: { hub, provinceCode: PROVINCE, keys }, stations };
}
