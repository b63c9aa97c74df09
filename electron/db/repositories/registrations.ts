import type { Executor } from './executor';
import type {
  FollowUpRow,
  NewFollowUpRow,
  NewRegistrationRow,
  NewRegistrationVersionRow,
  RegistrationRow,
  RegistrationRowUpdate,
  RegistrationVersionRow,
} from '../rows';

export async function insertRegistration(db: Executor, row: NewRegistrationRow): Promise<void> {
  await db.insertInto('registration').values(row).execute();
}

export async function findRegistration(db: Executor, id: string): Promise<RegistrationRow | undefined> {
  return db.selectFrom('registration').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findRegistrationByNumber(db: Executor, number: string): Promise<RegistrationRow | undefined> {
  return db.selectFrom('registration').selectAll().where('number', '=', number).executeTakeFirst();
}

export async function registrationsOf(db: Executor, personIds: string[]): Promise<RegistrationRow[]> {
  if (personIds.length === 0) return [];
  return db.selectFrom('registration').selectAll().where('person_id', 'in', personIds).orderBy('created_at').orderBy('number').execute();
}

/** Writes a record's new current version; refuses (false) when someone else wrote one meanwhile. */
export async function updateRegistration(
  db: Executor,
  id: string,
  expectedVersion: number,
  changes: Omit<RegistrationRowUpdate, 'id' | 'number' | 'person_id' | 'program' | 'created_at'>,
): Promise<boolean> {
  const result = await db.updateTable('registration').set(changes).where('id', '=', id).where('version', '=', expectedVersion).executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

export async function insertRegistrationVersion(db: Executor, row: NewRegistrationVersionRow): Promise<void> {
  await db.insertInto('registration_version').values(row).execute();
}

export async function registrationVersions(db: Executor, registrationIds: string[]): Promise<RegistrationVersionRow[]> {
  if (registrationIds.length === 0) return [];
  return db.selectFrom('registration_version').selectAll().where('registration_id', 'in', registrationIds).orderBy('version', 'desc').execute();
}

export async function insertFollowUp(db: Executor, row: NewFollowUpRow): Promise<void> {
  await db.insertInto('follow_up').values(row).execute();
}

export async function followUpsOf(db: Executor, registrationIds: string[]): Promise<FollowUpRow[]> {
  if (registrationIds.length === 0) return [];
  return db.selectFrom('follow_up').selectAll().where('registration_id', 'in', registrationIds).orderBy('id', 'desc').execute();
}

/** The next number of a scope and year, counted inside the caller's transaction: gap-free, never reused. */
export async function nextNumber(db: Executor, scope: string, year: number): Promise<number> {
  const row = await db
    .insertInto('number_sequence')
    .values({ scope, year, last: 1 })
    .onConflict((oc) => oc.columns(['scope', 'year']).doUpdateSet((eb) => ({ last: eb('number_sequence.last', '+', 1) })))
    .returning('last')
    .executeTakeFirstOrThrow();
  return row.last;
}
