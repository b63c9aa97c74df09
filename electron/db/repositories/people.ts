import type { Executor } from './executor';
import type {
  ConsentRow,
  NewConsentRow,
  NewPersonRow,
  NewPersonVersionRow,
  NewRefusalRow,
  NewSignatureRow,
  PersonRow,
  PersonVersionRow,
  RefusalRow,
  SignatureRow,
} from '../rows';

export async function insertPerson(db: Executor, row: NewPersonRow): Promise<void> {
  await db.insertInto('person').values(row).execute();
}

export async function findPersonById(db: Executor, id: string): Promise<PersonRow | undefined> {
  return db.selectFrom('person').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The person whose document has one of these blind indexes (one per key during a rotation). */
export async function findPersonByDocumentKeys(db: Executor, keys: string[]): Promise<PersonRow | undefined> {
  if (keys.length === 0) return undefined;
  return db.selectFrom('person').selectAll().where('document_key', 'in', keys).executeTakeFirst();
}

export async function findPeopleByNameKeys(db: Executor, keys: string[], limit: number): Promise<PersonRow[]> {
  if (keys.length === 0) return [];
  return db.selectFrom('person').selectAll().where('name_key', 'in', keys).orderBy('created_at', 'desc').limit(limit).execute();
}

/** Writes a person's new current version; refuses (0 rows) when someone else wrote one meanwhile. */
export async function updatePersonVersion(
  db: Executor,
  id: string,
  expectedVersion: number,
  changes: Pick<PersonRow, 'version' | 'document_key' | 'name_key' | 'phone_key' | 'index_key_id' | 'personal' | 'updated_at'>,
): Promise<boolean> {
  const result = await db.updateTable('person').set(changes).where('id', '=', id).where('version', '=', expectedVersion).executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

export async function insertPersonVersion(db: Executor, row: NewPersonVersionRow): Promise<void> {
  await db.insertInto('person_version').values(row).execute();
}

export async function personVersions(db: Executor, personId: string): Promise<PersonVersionRow[]> {
  return db.selectFrom('person_version').selectAll().where('person_id', '=', personId).orderBy('version', 'desc').execute();
}

/** People whose blind indexes were computed under another key than the current one. */
export async function peopleIndexedUnderOtherKeys(db: Executor, currentKeyId: string, limit: number): Promise<PersonRow[]> {
  return db.selectFrom('person').selectAll().where('index_key_id', '!=', currentKeyId).limit(limit).execute();
}

export async function updatePersonIndexes(
  db: Executor,
  id: string,
  indexes: Pick<PersonRow, 'document_key' | 'name_key' | 'phone_key' | 'index_key_id'>,
): Promise<void> {
  await db.updateTable('person').set(indexes).where('id', '=', id).execute();
}

export async function insertConsents(db: Executor, rows: NewConsentRow[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('consent').values(rows).execute();
}

/** The latest consent row per purpose. */
export async function currentConsents(db: Executor, personId: string): Promise<ConsentRow[]> {
  const rows = await db.selectFrom('consent').selectAll().where('person_id', '=', personId).orderBy('id', 'desc').execute();
  const latest = new Map<string, (typeof rows)[number]>();
  for (const row of rows) if (!latest.has(row.purpose)) latest.set(row.purpose, row);
  return [...latest.values()];
}

export async function insertSignature(db: Executor, row: NewSignatureRow): Promise<void> {
  await db.insertInto('signature').values(row).execute();
}

export async function signaturesOf(db: Executor, personId: string): Promise<SignatureRow[]> {
  return db.selectFrom('signature').selectAll().where('person_id', '=', personId).orderBy('at', 'desc').execute();
}

export async function insertRefusal(db: Executor, row: NewRefusalRow): Promise<void> {
  await db.insertInto('refusal').values(row).execute();
}

export async function standingRefusal(db: Executor, personId: string): Promise<RefusalRow | undefined> {
  return db.selectFrom('refusal').selectAll().where('person_id', '=', personId).where('revoked_at', 'is', null).executeTakeFirst();
}

export async function revokeRefusal(db: Executor, id: string, at: string, sealedReason: string): Promise<void> {
  await db.updateTable('refusal').set({ revoked_at: at, revoke_reason: sealedReason }).where('id', '=', id).execute();
}
