import type { Executor } from './executor';

/** Identifier → name, for the objects of one kind that a page of the audit trail mentions. */
export type NameMap = Map<string, string>;

function byId(rows: readonly { id: string; name: string }[]): NameMap {
  return new Map(rows.map((row) => [row.id, row.name]));
}

export async function registrationNumbers(db: Executor, ids: readonly string[]): Promise<NameMap> {
  if (ids.length === 0) return new Map();
  return byId(await db.selectFrom('registration').select(['id', 'number as name']).where('id', 'in', ids).execute());
}

export async function documentSerials(db: Executor, ids: readonly string[]): Promise<NameMap> {
  if (ids.length === 0) return new Map();
  return byId(await db.selectFrom('document').select(['id', 'serial as name']).where('id', 'in', ids).execute());
}

/** A donor family is known by the registration number of the donation it was opened from. */
export async function familyRegistrationNumbers(db: Executor, ids: readonly string[]): Promise<NameMap> {
  if (ids.length === 0) return new Map();
  return byId(
    await db.selectFrom('donor_family as f').innerJoin('registration as r', 'r.id', 'f.registration_id').select(['f.id as id', 'r.number as name']).where('f.id', 'in', ids).execute(),
  );
}

export async function staffUsernames(db: Executor, ids: readonly string[]): Promise<NameMap> {
  if (ids.length === 0) return new Map();
  return byId(await db.selectFrom('staff').select(['id', 'username as name']).where('id', 'in', ids).execute());
}

export async function sessionTitles(db: Executor, ids: readonly string[]): Promise<NameMap> {
  if (ids.length === 0) return new Map();
  return byId(await db.selectFrom('education_session').select(['id', 'title as name']).where('id', 'in', ids).execute());
}

/** Each person's registration numbers, oldest first; a person without one is left out. */
export async function personRegistrationNumbers(db: Executor, personIds: readonly string[]): Promise<Map<string, string[]>> {
  const numbers = new Map<string, string[]>();
  if (personIds.length === 0) return numbers;
  const rows = await db
    .selectFrom('registration')
    .select(['person_id', 'number'])
    .where('person_id', 'in', personIds)
    .orderBy('created_at')
    .orderBy('number')
    .execute();
  for (const row of rows) numbers.set(row.person_id, [...(numbers.get(row.person_id) ?? []), row.number]);
  return numbers;
}

/** The person each of these records is about (refusals and changes held from the kiosk). */
export async function personOfRecords(db: Executor, table: 'refusal' | 'kiosk_held_change', ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom(table).select(['id', 'person_id']).where('id', 'in', ids).execute();
  return new Map(rows.map((row) => [row.id, row.person_id]));
}
