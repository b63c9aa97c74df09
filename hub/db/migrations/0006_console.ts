import { sql, type Kysely } from 'kysely';
import type { HubEngine } from '../engine';

// Frozen: once landed, never edit this file. Change the schema in a new numbered migration.

/** The column types that differ between the engines, written out here so that this file never changes. */
const COLUMN_TYPES = {
  postgres: { moment: 'timestamptz' },
  sqlite: { moment: 'text' },
} as const;

/**
 * The provincial console: its staff accounts (role, scrypt password hash, the sign-in throttle), their
 * sessions (a hash of the token only: the database never holds what a browser sends), and the console's
 * audit trail, a keyed hash chain per province (`hub/console/audit-trail.ts`).
 */
export async function up(db: Kysely<any>, engine: HubEngine): Promise<void> {
  const { moment } = COLUMN_TYPES[engine];

  // A person of the provincial office who signs in to the console; flags are 0 or 1 on both engines.
  await db.schema
    .createTable('console_account')
    .addColumn('province_code', 'text', (col) => col.notNull())
    .addColumn('id', 'text', (col) => col.notNull())
    .addColumn('username', 'text', (col) => col.notNull())
    .addColumn('display_name', 'text', (col) => col.notNull())
    .addColumn('role', 'text', (col) => col.notNull())
    .addColumn('password_hash', 'text', (col) => col.notNull())
    .addColumn('disabled', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('failed_attempts', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('locked_until', moment)
    .addColumn('created_at', moment, (col) => col.notNull())
    .addColumn('password_changed_at', moment, (col) => col.notNull())
    .addColumn('must_change_password', 'integer', (col) => col.notNull())
    .addPrimaryKeyConstraint('console_account_pk', ['province_code', 'id'])
    .addUniqueConstraint('console_account_username', ['province_code', 'username'])
    .addCheckConstraint('console_account_role', sql`role in ('administrator', 'analyst', 'reviewer', 'auditor')`)
    .execute();

  // A signed-in browser: found by the SHA-256 of its token; ended by sign-out, expiry, or a change to its account.
  await db.schema
    .createTable('console_session')
    .addColumn('province_code', 'text', (col) => col.notNull())
    .addColumn('token_sha256', 'text', (col) => col.notNull())
    .addColumn('account_id', 'text', (col) => col.notNull())
    .addColumn('created_at', moment, (col) => col.notNull())
    .addColumn('last_seen_at', moment, (col) => col.notNull())
    .addColumn('ended_at', moment)
    .addPrimaryKeyConstraint('console_session_pk', ['province_code', 'token_sha256'])
    .addForeignKeyConstraint('console_session_account', ['province_code', 'account_id'], 'console_account', ['province_code', 'id'])
    .execute();
  await db.schema.createIndex('console_session_by_account').on('console_session').columns(['province_code', 'account_id']).execute();

  // The console's audit trail: each entry's hash covers the one before (seq 1, 2, 3 … per province). Its moment
  // is text on both engines: the hash covers the exact text written, which timestamptz would not give back.
  await db.schema
    .createTable('console_audit')
    .addColumn('province_code', 'text', (col) => col.notNull())
    .addColumn('seq', 'integer', (col) => col.notNull())
    .addColumn('at', 'text', (col) => col.notNull())
    .addColumn('account_id', 'text')
    .addColumn('actor_role', 'text', (col) => col.notNull())
    .addColumn('action', 'text', (col) => col.notNull())
    .addColumn('subject', 'text')
    .addColumn('detail', 'text')
    .addColumn('prev_hash', 'text', (col) => col.notNull())
    .addColumn('hash', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('console_audit_pk', ['province_code', 'seq'])
    .execute();
}
