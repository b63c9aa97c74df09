import { openStation, type OpenStation } from '../app/open-station';
import { resolveDataDir } from '../config/paths';
import { startStationHost, type StationHost } from './server';

export interface RunStationHostOptions {
  /** Folder of the built renderer (`dist/renderer`). */
  staticRoot: string;
  /** Defaults to `resolveDataDir()`: the desktop app's own data folder unless `RELAY_DATA_DIR` is set. */
  dataDir?: string;
  /** Defaults to `RELAY_HOST_PORT`, else a free port. */
  port?: number;
}

export interface RunningStationHost {
  station: OpenStation;
  host: StationHost;
  /** Closes the host, then the database; safe to call more than once. */
  stop(): Promise<void>;
}

/** `RELAY_HOST_PORT` as a port number; 0 (any free port) when unset, an error when it is not a port. */
export function hostPortFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.RELAY_HOST_PORT?.trim();
  if (!raw) return 0;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`RELAY_HOST_PORT is not a port: ${raw}`);
  return port;
}

/**
 * Opens the station's database and serves it with the built renderer on 127.0.0.1: what `npm run host`
 * and `npm start` without Electron both run.
 */
export async function runStationHost(options: RunStationHostOptions): Promise<RunningStationHost> {
  const station = await openStation({ dataDir: options.dataDir ?? resolveDataDir(), program: 'station host' });
  let host: StationHost;
  try {
    host = await startStationHost({
      dispatch: station.dispatch,
      staticRoot: options.staticRoot,
      port: options.port ?? hostPortFromEnv(),
    });
  } catch (error) {
    await station.close();
    throw error;
  }

  let stopping: Promise<void> | null = null;
  const stop = (): Promise<void> => {
    // Host first, so no call arrives at a database that is already closed.
    stopping ??= host.close().finally(() => station.close());
    return stopping;
  };
  return { station, host, stop };
}

/**
 * Stops cleanly on Ctrl-C or a service manager's SIGTERM: the database is closed (and its WAL
 * checkpointed) before the process exits.
 */
export function stopOnSignals(stop: () => Promise<void>): void {
  const onSignal = (): void => {
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error instanceof Error ? error.message : error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
}
