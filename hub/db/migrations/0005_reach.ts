import type { Kysely } from 'kysely';
import type { HubEngine } from '../engine';

// Frozen: once landed, never edit this file. Change the schema in a new numbered migration.

/** The column types that differ between the engines, written out here so that this file never changes. */
const COLUMN_TYPES = {
  postgres: { moment: 'timestamptz' },
  sqlite: { moment: 'text' },
} as const;

/**
 * Visitors and life education: a projection of the figure-only record kinds (memorial visits, education
 * sessions, their attendance and survey answers), one row per record holding its latest version, so the
 * figures are grouped SQL and never open a sealed payload; and the prefectures' populations the yearly reach
 * target is judged against.
 */
export async function up(db: Kysely<any>, engine: HubEngine): Promise<void> {
  const { moment } = COLUMN_TYPES[engine];

  // A memorial park visit (`visitor_sign_in`): when, how many people, why.
  await db.schema
    .createTable('activity_visit')
    .addColumn('province_code', 'text', (col) => col.notNull())
    .addColumn('station_code', 'text', (col) => col.notNull())
    .addColumn('visit_id', 'text', (col) => col.notNull())
    .addColumn('visited_at', moment, (col) => col.notNull())
    .addColumn('party_size', 'integer', (col) => col.notNull())
    .addColumn('purpose', 'text', (col) => col.notNull())
    .addColumn('version', 'integer', (col) => col.notNull())
    .addPrimaryKeyConstraint('activity_visit_pk', ['province_code', 'station_code', 'visit_id'])
    .addForeignKeyConstraint('activity_visit_station', ['province_code', 'station_code'], 'station', ['province_code', 'code'])
    .execute();
  await db.schema.createIndex('activity_visit_by_moment').on('activity_visit').columns(['province_code', 'visited_at']).execute();

  // A life-education session as its latest version stands: its day (China Standard Time), start, state and audience.
  await db.schema
    .createTable('activity_session')
    .addColumn('province_code', 'text', (col) => col.notNull())
    .addColumn('station_code', 'text', (col) => col.notNull())
    .addColumn('session_id', 'text', (col) => col.notNull())
    .addColumn('session_date', 'text', (col) => col.notNull())
    .addColumn('starts_at', moment, (col) => col.notNull())
    .addColumn('state', 'text', (col) => col.notNull())
    .addColumn('audience_kind', 'text', (col) => col.notNull())
    .addColumn('version', 'integer', (col) => col.notNull())
    .addColumn('changed_at', moment, (col) => col.notNull())
    .addPrimaryKeyConstraint('activity_session_pk', ['province_code', 'station_code', 'session_id'])
    .addForeignKeyConstraint('activity_session_station', ['province_code', 'station_code'], 'station', ['province_code', 'code'])
    .execute();
  await db.schema.createIndex('activity_session_by_date').on('activity_session').columns(['province_code', 'session_date']).execute();

  // People at a session: a group's head count (`education_group`) or a walk-in count (`education_walk_in`, may be negative).
  await db.schema
    .createTable('activity_attendance')
    .addColumn('province_code', 'text', (col) => col.notNull())
    .addColumn('station_code', 'text', (col) => col.notNull())
    .addColumn('entry_kind', 'text', (col) => col.notNull())
    .addColumn('entry_id', 'text', (col) => col.notNull())
    .addColumn('session_id', 'text', (col) => col.notNull())
    .addColumn('people', 'integer', (col) => col.notNull())
    .addColumn('recorded_at', moment, (col) => col.notNull())
    .addColumn('version', 'integer', (col) => col.notNull())
    .addPrimaryKeyConstraint('activity_attendance_pk', ['province_code', 'station_code', 'entry_kind', 'entry_id'])
    .addForeignKeyConstraint('activity_attendance_station', ['province_code', 'station_code'], 'station', ['province_code', 'code'])
    .execute();
  await db.schema.createIndex('activity_attendance_by_session').on('activity_attendance').columns(['province_code', 'station_code', 'session_id']).execute();

  // One five-point survey answer given at a session.
  await db.schema
    .createTable('activity_survey_answer')
    .addColumn('province_code', 'text', (col) => col.notNull())
    .addColumn('station_code', 'text', (col) => col.notNull())
    .addColumn('answer_id', 'text', (col) => col.notNull())
    .addColumn('session_id', 'text', (col) => col.notNull())
    .addColumn('score', 'integer', (col) => col.notNull())
    .addColumn('answered_at', moment, (col) => col.notNull())
    .addColumn('version', 'integer', (col) => col.notNull())
    .addPrimaryKeyConstraint('activity_survey_answer_pk', ['province_code', 'station_code', 'answer_id'])
    .addForeignKeyConstraint('activity_survey_answer_station', ['province_code', 'station_code'], 'station', ['province_code', 'code'])
    .execute();
  await db.schema.createIndex('activity_survey_answer_by_session').on('activity_survey_answer').columns(['province_code', 'station_code', 'session_id']).execute();

  // A prefecture's population for a year, as the province set it: what the reach target is a share of.
  await db.schema
    .createTable('prefecture_population')
    .addColumn('province_code', 'text', (col) => col.notNull())
    .addColumn('prefecture_code', 'text', (col) => col.notNull())
    .addColumn('year', 'integer', (col) => col.notNull())
    .addColumn('population', 'integer', (col) => col.notNull())
    .addColumn('set_at', moment, (col) => col.notNull())
    .addPrimaryKeyConstraint('prefecture_population_pk', ['province_code', 'prefecture_code', 'year'])
    .execute();
}
