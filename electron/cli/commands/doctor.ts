import { createRequire } from 'node:module';
import { openStation } from '../../app/open-station';
import { resolveDataDir } from '../../config/paths';
import type { CliCommand } from '../command';
import { printJson } from '../command-support';

/** `doctor`: versions, the data folder, the database path and the migration level, as JSON. */
export const doctorCommand: CliCommand = {
  name: 'doctor',
  usage: 'cli:commandUsage.doctor',
  direct: 'reports the program, the database file and its migrations, which no call shows; it changes nothing',
  async run() {
    const require = createRequire(import.meta.url);
    const dataDir = resolveDataDir();
    const station = await openStation({ dataDir });
    try {
      const sqliteVersion = station.connection.sqlite.prepare('select sqlite_version() as v').get() as { v: string };
      const ownPackage = require('../../../package.json') as { version: string; devDependencies: Record<string, string> };
      printJson({
        version: ownPackage.version,
        node: process.versions.node,
        electron: process.versions.electron ?? `not running (built for ${ownPackage.devDependencies.electron})`,
        betterSqlite3: (require('better-sqlite3/package.json') as { version: string }).version,
        sqlite: sqliteVersion.v,
        dataDir,
        databasePath: station.databasePath,
        migrations: {
          applied: station.migrationLevel.applied,
          latest: station.migrationLevel.latest,
          upToDate: station.migrationLevel.applied.at(-1) === station.migrationLevel.latest,
        },
        station: await station.services.station.get(),
      });
      return 0;
    } finally {
      await station.close();
    }
  },
};
