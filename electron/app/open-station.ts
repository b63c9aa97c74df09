import { join } from 'node:path';
import { openDatabaseFile, type DatabaseConnection } from '../db/connection';
import { applyStagedRestore, type RestoreOutcome } from '../services/backup/backup-restore';
import { scheduleBackups } from '../services/backup/backup-schedule';
import { migrateToLatest, type MigrationLevel } from '../db/migrate';
import { DATABASE_FILE_NAME } from '../config/paths';
import { createHandlers } from '../ipc/handlers';
import { createDispatcher, type Dispatch, type ErrorLogger } from '../ipc/dispatch';
import { FileKeyStore, resolveKeyFile, type KeyStore } from '../security/key-store';
import { createServices, type StationServices } from '../services/index';
import { reindexPeople } from '../services/registration/person-registry';
import { rebuildNameKeysIfRequested } from '../services/name-list/memorial-name-rekey';
import type { FontProvider } from '../services/documents/document-printing';
import { DEBIAN_NOTO_CJK, FontSet, primaryFontPaths, sourceFontsDir } from '../pdf/index';
import { systemClock, type Clock } from '../services/kernel/clock';
import { DataProtection } from '../services/kernel/data-protection';
import { scheduleDaily } from '../services/kernel/retention-schedule';
import { lockDataFolder } from './data-folder-lock';
import { prepareDataFolder } from './data-folder';

export interface OpenStation {
  dataDir: string;
  databasePath: string;
  connection: DatabaseConnection;
  migrationLevel: MigrationLevel;
  services: StationServices;
  dispatch: Dispatch;
  /** A staged restore this open put in place (or dropped: newer unsynced work), if there was one. */
  restore?: RestoreOutcome | null;
  close(): Promise<void>;
}

export interface OpenStationOptions {
  dataDir: string;
  clock?: Clock;
  logError?: ErrorLogger;
  /**
   * Where the data key lives. The desktop app passes one sealed by the operating system's key store;
   * the station host, the CLI and the tests use an owner-only key file (`RELAY_KEY_FILE`, or
   * `station.key` in the data folder).
   */
  keyStore?: KeyStore;
  /**
   * Where the Noto Sans SC fonts of the documents are (`npm run fonts` puts them in `resources/fonts`);
   * the desktop app passes its packaged resources folder. Defaults to `resources/fonts` of the source
   * tree, where the station host, the CLI and the tests run.
   */
  fontsDir?: string;
  /** How the holder of the data folder's lock is named to a second opener; by default the command line. */
  program?: string;
}

/** The fonts are read on the first document printed, not at start-up: most sessions print nothing. */
function lazyFonts(fontsDir: string): FontProvider {
  let fonts: Promise<FontSet> | undefined;
  return () => {
    fonts ??= FontSet.load({ primary: primaryFontPaths(fontsDir), fallback: DEBIAN_NOTO_CJK });
    return fonts;
  };
}

const logScheduledError: ErrorLogger = (name, error) => {
  console.error(`[station] ${name} failed:`, error);
};

/**
 * The composition root shared by the desktop app, the station host, the CLI and the tests: opens the
 * database in the data folder, migrates it (refusing one from a newer version), loads the data key
 * (refusing a missing or foreign one), finishes any work a previous run left, and wires the services.
 */
export async function openStation(options: OpenStationOptions): Promise<OpenStation> {
  prepareDataFolder(options.dataDir);
  // Held until close: no other process (or second open here) works on this folder meanwhile.
  const lock = lockDataFolder(options.dataDir, options.program);
  const databasePath = join(options.dataDir, DATABASE_FILE_NAME);
  let restore: ReturnType<typeof applyStagedRestore>;
  let connection: DatabaseConnection;
  try {
    // A restore staged by the running station (or the CLI) takes the database's place before it opens.
    restore = applyStagedRestore(databasePath);
    try {
      connection = openDatabaseFile(databasePath);
    } catch (error) {
      restore?.rollBack();
      throw error;
    }
  } catch (error) {
    lock.release();
    throw error;
  }
  try {
    const clock = options.clock ?? systemClock;
    const migrationLevel = await migrateToLatest(connection.db);
    const keyStore = options.keyStore ?? new FileKeyStore(resolveKeyFile(process.env, options.dataDir));
    const protection = await DataProtection.open(connection.db, keyStore, clock, [reindexPeople]);
    await protection.finishPendingWork();
    await rebuildNameKeysIfRequested(connection.db);
    const services = createServices(connection.db, protection, clock, lazyFonts(options.fontsDir ?? sourceFontsDir()));
    const dispatch = createDispatcher(createHandlers(services), services.sessions, options.logError);
    services.backup.useDatabaseFile(connection.sqlite, databasePath);
    if (restore) await restore.record(services.audit, (await services.station.get())?.code ?? '');
    // Visitor logs older than the retention period go at start-up and then once a day.
    const retentionPurge = scheduleDaily(
      () => services.visitorRetention.purge(),
      (error) => (options.logError ?? logScheduledError)('visitor retention purge', error),
    );
    let closing: Promise<void> | undefined;
    const scheduledBackups = scheduleBackups(services.backup, (error) => (options.logError ?? logScheduledError)('scheduled backup', error));
    return {
      dataDir: options.dataDir,
      databasePath,
      connection,
      migrationLevel,
      services,
      dispatch,
      restore: restore?.outcome ?? null,
      // Once: a second call waits for the first (the data folder's lock must not be released twice).
      close: () =>
        (closing ??= (async () => {
          await retentionPurge.stop();
          await scheduledBackups.stop();
          // A transfer under way stops waiting for the network and finishes its transaction first.
          await services.sync.transfer.close();
          // The reader's port is released for the next program that opens it.
          await services.idCard.close();
          await connection.close();
          lock.release();
        })()),
    };
  } catch (error) {
    await connection.close();
    restore?.rollBack();
    lock.release();
    throw error;
  }
}
