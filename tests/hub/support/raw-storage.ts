import { existsSync, readFileSync } from 'node:fs';
import { sql } from 'kysely';
import type { OpenedHub } from './both-engines';

/**
 * Every byte the engine keeps of the hub's tables, as text to search: the SQLite file and its WAL read as
 * latin1, or every row of the hub's PostgreSQL schema as JSON (bytea shows as hex there).
 */
export async function rawStorage(hub: OpenedHub): Promise<string> {
  if (hub.options.engine === 'sqlite') {
    const file = hub.options.file;
    return Buffer.concat([file, `${file}-wal`].filter((path) => existsSync(path)).map((path) => readFileSync(path))).toString('latin1');
  }
  const tables = await sql<{ table_name: string }>`select table_name from information_schema.tables where table_schema = current_schema()`.execute(hub.db);
  const texts: string[] = [];
  for (const { table_name } of tables.rows) {
    const rows = await sql<{ row: string }>`select row_to_json(t)::text as row from ${sql.table(table_name)} t`.execute(hub.db);
    texts.push(...rows.rows.map((row) => row.row));
  }
  return texts.join('\n');
}

/** Whether the raw storage holds the text in clear: as it is, as its UTF-8 bytes, or as their hex. */
export function holdsInClear(raw: string, text: string): boolean {
  const bytes = Buffer.from(text, 'utf8');
  return [text, bytes.toString('latin1'), bytes.toString('hex')].some((form) => raw.includes(form));
}
