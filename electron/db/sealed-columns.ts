import { sql } from 'kysely';
import type { Executor } from './repositories/executor';

/**
 * Every column that holds sealed (encrypted) personal data or secrets, with the key that names its
 * row. Key rotation and the sealing of older plain-text values walk this list, so a new sealed column
 * is protected by both the day it is added here.
 */
export const sealedColumns = [
  { table: 'visitor_sign_in', key: 'id', column: 'visitor_name' },
  { table: 'visitor_sign_in', key: 'id', column: 'group_name' },
  { table: 'visitor_message', key: 'id', column: 'body' },
  { table: 'visitor_message', key: 'id', column: 'author_masked' },
  { table: 'visitor_message', key: 'id', column: 'reject_reason' },
  // Sealed as 'outbox.payload' since before the payload had a table of its own (migration 0013).
  { table: 'outbox_payload', key: 'seq', column: 'payload', context: 'outbox.payload' },
  { table: 'sync_batch', key: 'batch_seq', column: 'file' },
  { table: 'person', key: 'id', column: 'personal' },
  { table: 'person_version', key: 'rowid', column: 'personal' },
  { table: 'person_version', key: 'rowid', column: 'reason' },
  { table: 'kiosk_held_change', key: 'id', column: 'phone' },
  { table: 'registration', key: 'id', column: 'details' },
  { table: 'registration_version', key: 'rowid', column: 'details' },
  { table: 'registration_version', key: 'rowid', column: 'note' },
  { table: 'signature', key: 'id', column: 'image' },
  { table: 'refusal', key: 'id', column: 'statement' },
  { table: 'refusal', key: 'id', column: 'revoke_reason' },
  { table: 'follow_up', key: 'id', column: 'note' },
  { table: 'signing_key', key: 'id', column: 'private_key' },
  { table: 'document', key: 'id', column: 'void_reason' },
  { table: 'document', key: 'id', column: 'recipient' },
  { table: 'document', key: 'id', column: 'recipient_signature' },
  { table: 'memorial_consent', key: 'id', column: 'relative' },
  { table: 'memorial_consent', key: 'id', column: 'signature' },
  { table: 'memorial_consent', key: 'id', column: 'withdraw_reason' },
  { table: 'memorial_entry', key: 'id', column: 'withdrawn_name' },
  { table: 'education_session', key: 'id', column: 'cancel_reason' },
  { table: 'education_group', key: 'id', column: 'contact_name' },
  { table: 'education_group', key: 'id', column: 'contact_phone' },
  { table: 'education_survey', key: 'id', column: 'comment' },
  { table: 'donor_family', key: 'id', column: 'do_not_contact_reason' },
  { table: 'family_member', key: 'id', column: 'details' },
  { table: 'family_member_version', key: 'rowid', column: 'details' },
  { table: 'family_contact', key: 'id', column: 'needs' },
  { table: 'family_contact', key: 'id', column: 'next_step' },
  { table: 'aid_case', key: 'id', column: 'reason' },
  { table: 'aid_case', key: 'id', column: 'recipient_signature' },
  { table: 'aid_step', key: 'id', column: 'note' },
] as const;

export type SealedColumn = (typeof sealedColumns)[number];

/** A column's sealing context: its explicit `context` where it has one, else `table.column`. */
type SealingContextOf<Column extends SealedColumn> = Column extends { context: infer Explicit extends string }
  ? Explicit
  : `${Column['table']}.${Column['column']}`;

/**
 * The context a value may be sealed under: one per sealed column, so the compiler refuses a context
 * that key rotation would never visit.
 */
export type SealedContext = SealingContextOf<SealedColumn>;

/** The authenticated context a value of this column is sealed under: it cannot be moved to another column. */
export function sealingContext<Column extends SealedColumn>(column: Column): SealingContextOf<Column> {
  return ('context' in column ? column.context : `${column.table}.${column.column}`) as SealingContextOf<Column>;
}

/** Every sealing context, in the order key rotation walks the columns. */
export const sealedContexts: readonly SealedContext[] = sealedColumns.map((column) => sealingContext(column));

export interface SealedCell {
  rowKey: string | number;
  value: string;
}

/** Up to `limit` values of the column not sealed under the current key (older keys, or plain text). */
export async function findStaleSealedCells(
  db: Executor,
  column: SealedColumn,
  currentPrefix: string,
  limit: number,
): Promise<SealedCell[]> {
  const result = await sql<SealedCell>`
    select ${sql.ref(column.key)} as "rowKey", ${sql.ref(column.column)} as "value"
    from ${sql.table(column.table)}
    where ${sql.ref(column.column)} is not null
      and substr(${sql.ref(column.column)}, 1, ${currentPrefix.length}) != ${currentPrefix}
    limit ${limit}`.execute(db);
  return result.rows;
}

export async function updateSealedCell(db: Executor, column: SealedColumn, cell: SealedCell): Promise<void> {
  await sql`update ${sql.table(column.table)} set ${sql.ref(column.column)} = ${cell.value}
    where ${sql.ref(column.key)} = ${cell.rowKey}`.execute(db);
}
