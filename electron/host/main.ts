import { join } from 'node:path';
import { openStation } from '../app/open-station';
import { resolveDataDir } from '../config/paths';
import { startStationHost } from './server';

/** `npm run host`: the station on 127.0.0.1 for a browser, with the same database as the desktop app. */
async function main(): Promise<void> {
  const projectRoot = join(import.meta.dirname, '..', '..');
  const station = await openStation({ dataDir: resolveDataDir() });
  const port = process.env.RELAY_HOST_PORT ? Number(process.env.RELAY_HOST_PORT) : 0;
  const host = await startStationHost({
    dispatch: station.dispatch,
    staticRoot: join(projectRoot, 'dist', 'renderer'),
    port,
  });
  console.log(`Relay Station host: ${host.url}`);
  console.log(`data folder: ${station.dataDir}`);

  const stop = async (): Promise<void> => {
    await host.close();
    await station.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
