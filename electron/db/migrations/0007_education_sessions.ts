import { sql, type Kysely } from 'kysely';

/**
 * Rows that are history: never deleted, and their facts never changed. Only sealed columns may be
 * rewritten (a key rotation re-encrypts them in place). A copy rather than an import: a landed
 * migration must keep doing exactly what it did, whatever happens to other files.
 */
async function appendOnly(db: Kysely<any>, table: string, factColumns: string[]): Promise<void> {
  await sql`create trigger ${sql.raw(`${table}_no_delete`)} before delete on ${sql.table(table)}
    begin select raise(abort, ${sql.lit(`${table} is append-only`)}); end`.execute(db);
  await sql`create trigger ${sql.raw(`${table}_no_change`)} before update of ${sql.raw(factColumns.join(', '))} on ${sql.table(table)}
    begin select raise(abort, ${sql.lit(`${table} is append-only`)}); end`.execute(db);
}

// Frozen: once landed, never edit this file. Change the schema in a new numbered migration.
export async function up(db: Kysely<any>): Promise<void> {
  // A life-education session. Its day (`session_date`, the Beijing date of its start) is stored so
  // that today's sessions and the figures per period are plain index lookups. The cancel reason is
  // free text that may name people: sealed.
  await db.schema
    .createTable('education_session')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('station_code', 'text', (col) => col.notNull())
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('starts_at', 'text', (col) => col.notNull())
    .addColumn('ends_at', 'text', (col) => col.notNull())
    .addColumn('session_date', 'text', (col) => col.notNull())
    .addColumn('venue', 'text', (col) => col.notNull())
    .addColumn('host', 'text', (col) => col.notNull())
    .addColumn('audience_kind', 'text', (col) => col.notNull())
    .addColumn('expected_head_count', 'integer', (col) => col.notNull())
    .addColumn('state', 'text', (col) => col.notNull())
    .addColumn('cancel_reason', 'text')
    .addColumn('cancelled_at', 'text')
    .addColumn('cancelled_by', 'text')
    .addColumn('version', 'integer', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('education_session_date').on('education_session').columns(['session_date', 'starts_at']).execute();
  await db.schema.createIndex('education_session_ends').on('education_session').column('ends_at').execute();
  await sql`create trigger education_session_no_delete before delete on education_session
    begin select raise(abort, 'sessions are cancelled, never deleted'); end`.execute(db);

  // A group that checked in: organisation, contact adult (name and phone sealed), head count and age
  // band. Never a child's name: attendance is recorded per group.
  await db.schema
    .createTable('education_group')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('session_id', 'text', (col) => col.notNull().references('education_session.id'))
    .addColumn('station_code', 'text', (col) => col.notNull())
    .addColumn('organisation', 'text', (col) => col.notNull())
    .addColumn('contact_name', 'text', (col) => col.notNull())
    .addColumn('contact_phone', 'text', (col) => col.notNull())
    .addColumn('head_count', 'integer', (col) => col.notNull())
    .addColumn('age_band', 'text', (col) => col.notNull())
    .addColumn('checked_in_at', 'text', (col) => col.notNull())
    .addColumn('checked_in_by', 'text')
    .execute();
  await db.schema.createIndex('education_group_session').on('education_group').columns(['session_id', 'checked_in_at']).execute();
  await appendOnly(db, 'education_group', ['id', 'session_id', 'station_code', 'organisation', 'head_count', 'age_band', 'checked_in_at', 'checked_in_by']);

  // Walk-ins counted by staff, one row per entry (a negative count corrects an earlier one).
  await db.schema
    .createTable('education_walk_in')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('session_id', 'text', (col) => col.notNull().references('education_session.id'))
    .addColumn('station_code', 'text', (col) => col.notNull())
    .addColumn('count', 'integer', (col) => col.notNull())
    .addColumn('recorded_at', 'text', (col) => col.notNull())
    .addColumn('recorded_by', 'text')
    .execute();
  await db.schema.createIndex('education_walk_in_session').on('education_walk_in').columns(['session_id', 'recorded_at']).execute();
  await appendOnly(db, 'education_walk_in', ['id', 'session_id', 'station_code', 'count', 'recorded_at', 'recorded_by']);

  // Survey answers: a score 1–5 and an optional comment, sealed because people write names in them.
  await db.schema
    .createTable('education_survey')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('session_id', 'text', (col) => col.notNull().references('education_session.id'))
    .addColumn('station_code', 'text', (col) => col.notNull())
    .addColumn('score', 'integer', (col) => col.notNull().check(sql`score between 1 and 5`))
    .addColumn('comment', 'text')
    .addColumn('answered_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('education_survey_session').on('education_survey').columns(['session_id', 'answered_at']).execute();
  await appendOnly(db, 'education_survey', ['id', 'session_id', 'station_code', 'score', 'answered_at']);
}
