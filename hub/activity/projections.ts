import type { Insertable, Kysely } from 'kysely';
import type { Executor } from '../db/repositories/executor';
import type { HubDatabase } from '../db/schema';

/** The tables that hold one row per record of a figure-only kind, as its latest version stands (donor-family care's too, `hub/care/`). */
export type ProjectionTable =
  | 'activity_visit'
  | 'activity_session'
  | 'activity_attendance'
  | 'activity_survey_answer'
  | 'care_family'
  | 'care_family_year'
  | 'care_aid_case';

/** Each table's key, every one starting with the province code. */
const KEY_COLUMNS: Record<ProjectionTable, readonly string[]> = {
  activity_visit: ['province_code', 'station_code', 'visit_id'],
  activity_session: ['province_code', 'station_code', 'session_id'],
  activity_attendance: ['province_code', 'station_code', 'entry_kind', 'entry_id'],
  activity_survey_answer: ['province_code', 'station_code', 'answer_id'],
  care_family: ['province_code', 'station_code', 'family_id'],
  care_family_year: ['province_code', 'station_code', 'record_id'],
  care_aid_case: ['province_code', 'station_code', 'case_id'],
};

/** Rows per multi-row statement: far below the bind limits (SQLite 32 766, PostgreSQL 65 535). */
const ROWS_PER_STATEMENT = 500;

type ProjectionRow<T extends ProjectionTable> = Insertable<HubDatabase[T]> & { version: number };

/**
 * Writes the rows of one projection in multi-row statements. A row replaces the one held under its key only
 * when its version is higher, so a version that arrives late (batches may cross) never undoes a later one.
 * Within the rows given, the highest version of each key is written: one statement may not touch a row twice.
 */
export async function writeLatest<T extends ProjectionTable>(trx: Executor, table: T, rows: ReadonlyArray<ProjectionRow<T>>): Promise<void> {
  const keyColumns = KEY_COLUMNS[table];
  const latest = new Map<string, ProjectionRow<T>>();
  for (const row of rows) {
    const key = keyColumns.map((column) => String((row as Record<string, unknown>)[column])).join('\u0000');
    const held = latest.get(key);
    if (!held || held.version < row.version) latest.set(key, row);
  }
  const written = [...latest.values()];
  if (written.length === 0) return;
  const updatedColumns = Object.keys(written[0] as object).filter((column) => !keyColumns.includes(column));
  // The table is named at run time, so the statement is built on an untyped view of the same transaction.
  const db = trx as unknown as Kysely<any>;
  const tableName: string = table;
  for (let start = 0; start < written.length; start += ROWS_PER_STATEMENT) {
    await db
      .insertInto(tableName)
      .values(written.slice(start, start + ROWS_PER_STATEMENT))
      .onConflict((oc) =>
        oc
          .columns(keyColumns as string[])
          .doUpdateSet((eb) => Object.fromEntries(updatedColumns.map((column) => [column, eb.ref(`excluded.${column}`)])))
          .whereRef(`${tableName}.version`, '<', 'excluded.version'),
      )
      .execute();
  }
}
