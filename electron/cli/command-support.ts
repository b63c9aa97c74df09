import { openStation, type OpenStation } from '../app/open-station';
import { resolveDataDir } from '../config/paths';

/** What the station commands share: their JSON answer on stdout, and the station opened for one command. */

export function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2) + '\n');
}

/** Opens the station of the configured data folder for `work` and closes it afterwards, whatever happens. */
export async function withStation<T>(work: (station: OpenStation) => Promise<T>): Promise<T> {
  const station = await openStation({ dataDir: resolveDataDir() });
  try {
    return await work(station);
  } finally {
    await station.close();
  }
}
