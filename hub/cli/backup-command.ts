import { parseArgs } from 'node:util';
import { backupHubDatabase } from '../operations/backup';
import { databaseOption, printLine, UsageError } from './usage';

/**
 * `hub backup --out FILE`: a SQLite hub through SQLite's backup API (a running hub keeps serving), a
 * PostgreSQL hub through `pg_dump --format=custom`. An existing FILE is never overwritten.
 */
export async function backupCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { out: { type: 'string' }, db: { type: 'string' }, postgres: { type: 'string' } } });
  if (values.out === undefined) throw new UsageError('--out is required');
  const database = databaseOption(values);
  const backup = await backupHubDatabase(database, values.out);
  printLine({ backup: backup.file, engine: backup.engine, bytes: backup.bytes });
  return 0;
}
