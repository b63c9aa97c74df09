import type { DocumentState } from '../../../shared/domain/documents';
import type { SerialDocument } from '../../../shared/domain/registration-number';
import type { DocumentEventRow, DocumentRow, DocumentRowUpdate, NewDocumentEventRow, NewDocumentRow } from '../rows';
import type { Executor } from './executor';

/** The columns that move a document through the closed loop; everything else is fixed at issue. */
export type DocumentStateChange = Pick<
  DocumentRowUpdate,
  'state' | 'replaced_by_id' | 'voided_at' | 'voided_by' | 'void_reason' | 'handed_over_at' | 'handed_over_by' | 'recipient' | 'recipient_signature'
>;

export interface DocumentFilter {
  state?: DocumentState;
  kind?: SerialDocument;
  limit: number;
}

export async function insertDocument(db: Executor, row: NewDocumentRow): Promise<void> {
  await db.insertInto('document').values(row).execute();
}

export async function findDocument(db: Executor, id: string): Promise<DocumentRow | undefined> {
  return db.selectFrom('document').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findDocumentBySerial(db: Executor, serial: string): Promise<DocumentRow | undefined> {
  return db.selectFrom('document').selectAll().where('serial', '=', serial).executeTakeFirst();
}

export async function findDocumentsByIds(db: Executor, ids: string[]): Promise<DocumentRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('document').selectAll().where('id', 'in', ids).execute();
}

/** A person's documents (their own, and those about their registrations), newest first. */
export async function documentsOfPerson(db: Executor, personId: string): Promise<DocumentRow[]> {
  return db.selectFrom('document').selectAll().where('person_id', '=', personId).orderBy('issued_at', 'desc').orderBy('serial', 'desc').execute();
}

/**
 * Moves a document on from the state the caller checked; false when it is no longer in that state
 * (another desk got there first), so a transition is never applied twice.
 */
export async function updateDocumentState(db: Executor, id: string, fromState: DocumentState, change: DocumentStateChange): Promise<boolean> {
  const result = await db.updateTable('document').set(change).where('id', '=', id).where('state', '=', fromState).executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Newest first, by state and kind when given. */
export async function listDocuments(db: Executor, filter: DocumentFilter): Promise<DocumentRow[]> {
  let query = db.selectFrom('document').selectAll();
  if (filter.state !== undefined) query = query.where('state', '=', filter.state);
  if (filter.kind !== undefined) query = query.where('kind', '=', filter.kind);
  return query.orderBy('issued_at', 'desc').orderBy('serial', 'desc').limit(filter.limit).execute();
}

export async function countDocuments(db: Executor, filter: Omit<DocumentFilter, 'limit'>): Promise<number> {
  let query = db.selectFrom('document').select((eb) => eb.fn.countAll<number>().as('n'));
  if (filter.state !== undefined) query = query.where('state', '=', filter.state);
  if (filter.kind !== undefined) query = query.where('kind', '=', filter.kind);
  return Number((await query.executeTakeFirstOrThrow()).n);
}

/** Appends the next event of a document's history and returns its sequence number (1 for the first). */
export async function appendDocumentEvent(db: Executor, row: Omit<NewDocumentEventRow, 'seq'>): Promise<number> {
  const last = await db
    .selectFrom('document_event')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('document_id', '=', row.document_id)
    .executeTakeFirst();
  const seq = Number(last?.seq ?? 0) + 1;
  await db.insertInto('document_event').values({ ...row, seq }).execute();
  return seq;
}

/** The history of the given documents, oldest event first. */
export async function documentEventsOf(db: Executor, documentIds: string[]): Promise<DocumentEventRow[]> {
  if (documentIds.length === 0) return [];
  return db.selectFrom('document_event').selectAll().where('document_id', 'in', documentIds).orderBy('document_id').orderBy('seq').execute();
}

/** Records which kiosk caller (its hashed key) a kiosk receipt belongs to. */
export async function bindKioskReceipt(db: Executor, documentId: string, sessionHash: string): Promise<void> {
  await db.insertInto('kiosk_receipt_session').values({ document_id: documentId, session_hash: sessionHash }).execute();
}

/** The hashed key of the kiosk caller a receipt belongs to, if it was issued at a kiosk. */
export async function kioskReceiptSession(db: Executor, documentId: string): Promise<string | undefined> {
  const row = await db.selectFrom('kiosk_receipt_session').select('session_hash').where('document_id', '=', documentId).executeTakeFirst();
  return row?.session_hash;
}
