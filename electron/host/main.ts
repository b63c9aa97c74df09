import { join } from 'node:path';
import { describeStartupFailure } from '../app/startup-errors';
import { resolveDataDir } from '../config/paths';
import { runStationHost, stopOnSignals } from './run';

/** `npm run host`: the station on 127.0.0.1 for a browser, with the same database as the desktop app. */
async function main(): Promise<void> {
  const running = await runStationHost({ staticRoot: join(import.meta.dirname, '..', '..', 'dist', 'renderer') });
  // The address opens the station once (in one tab); the token itself is never printed.
  console.log(`Relay Station host (this address opens once): ${running.host.issueLaunchUrl()}`);
  console.log(`data folder: ${running.station.dataDir}`);
  stopOnSignals(running.stop);
}

main().catch((error: unknown) => {
  console.error(describeStartupFailure(error, resolveDataDir()).content);
  process.exit(1);
});
