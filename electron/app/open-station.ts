import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabaseFile, type DatabaseConnection } from '../db/connection';
import { migrateToLatest, type MigrationLevel } from '../db/migrate';
import { DATABASE_FILE_NAME } from '../config/paths';
import { createHandlers } from '../ipc/handlers';
import { createDispatcher, type Dispatch, type ErrorLogger } from '../ipc/dispatch';
import { createServices, type StationServices } from '../services/index';
import type { Clock } from '../services/clock';

export interface OpenStation {
  dataDir: string;
  databasePath: string;
  connection: DatabaseConnection;
  migrationLevel: MigrationLevel;
  services: StationServices;
  dispatch: Dispatch;
  close(): Promise<void>;
}

export interface OpenStationOptions {
  dataDir: string;
  clock?: Clock;
  logError?: ErrorLogger;
}

/**
 * The composition root shared by the desktop app, the station host, the CLI and the tests: opens the
 * database in the data folder, migrates it (refusing one from a newer version) and wires the services.
 */
export async function openStation(options: OpenStationOptions): Promise<OpenStation> {
  mkdirSync(options.dataDir, { recursive: true });
  const databasePath = join(options.dataDir, DATABASE_FILE_NAME);
  const connection = openDatabaseFile(databasePath);
  try {
    const migrationLevel = await migrateToLatest(connection.db);
    const services = createServices(connection.db, options.clock);
    const dispatch = createDispatcher(createHandlers(services), options.logError);
    return {
      dataDir: options.dataDir,
      databasePath,
      connection,
      migrationLevel,
      services,
      dispatch,
      close: () => connection.close(),
    };
  } catch (error) {
    await connection.close();
    throw error;
  }
}
