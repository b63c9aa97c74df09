import { momentText } from '../values';
import type { Executor } from './executor';

/** A person as held: their key and their sealed personal fields. */
export interface HeldPerson {
  personKey: string;
  sealedFields: Buffer;
}

/** A person's sealed fields, and the station's moment of the change they were last set from (`updated_at`). */
export interface SealedPersonFields {
  sealedFields: Buffer;
  changedAt: string;
}

/** A station's registration as its latest version stands. */
export interface HeldRegistration {
  stationCode: string;
  registrationId: string;
  /** Null while the registration waits for review. */
  personKey: string | null;
  stationPersonId: string;
  program: string;
  state: string;
  latestVersion: number;
  registeredAt: string;
  stateChangedAt: string;
  /** The latest version's stem-cell status; null for other programs (and rows held before migration 0004). */
  stemCellStatus: string | null;
  /** The person's `follow_up_contact` consent in the latest version; null when it carries none. */
  followUpConsent: boolean | null;
}

/** One registration of a station, named. */
export interface RegistrationName {
  provinceCode: string;
  stationCode: string;
  registrationId: string;
}

/** What a review entry is about: a registration, or a person's contact change (a `person` record). */
export type ReviewedRecordKind = 'registration' | 'person';

/** A review entry: a held document seen with another name or birth date. */
export interface PersonReview {
  id: number;
  personKey: string;
  stationCode: string;
  /** The entity id of the record under review: the registration, or the `person` record of a contact change. */
  registrationId: string;
  recordKind: ReviewedRecordKind;
  heldStationCodes: string[];
  sealedHeld: Buffer;
  sealedSeen: Buffer;
  seenAt: string;
}

/** Replaces a person's sealed fields. */
export async function updatePersonFields(db: Executor, provinceCode: string, person: HeldPerson, at: string): Promise<void> {
  await db
    .updateTable('person')
    .set({ sealed_fields: person.sealedFields, updated_at: at })
    .where('province_code', '=', provinceCode)
    .where('person_key', '=', person.personKey)
    .execute();
}

/** How many people the province holds. */
export async function countPeople(db: Executor, provinceCode: string): Promise<number> {
  const rows = await db.selectFrom('person').select('person_key').where('province_code', '=', provinceCode).execute();
  return rows.length;
}

/** Every person key the province holds, in key order. */
export async function personKeys(db: Executor, provinceCode: string): Promise<string[]> {
  const rows = await db.selectFrom('person').select('person_key').where('province_code', '=', provinceCode).orderBy('person_key').execute();
  return rows.map((row) => row.person_key);
}

/** A person's sealed fields, or undefined when they are not held. */
export async function personFields(db: Executor, provinceCode: string, personKey: string): Promise<Buffer | undefined> {
  const row = await db
    .selectFrom('person')
    .select('sealed_fields')
    .where('province_code', '=', provinceCode)
    .where('person_key', '=', personKey)
    .executeTakeFirst();
  return row?.sealed_fields;
}

type RegistrationRow = {
  station_code: string;
  registration_id: string;
  person_key: string | null;
  station_person_id: string;
  program: string;
  state: string;
  latest_version: number;
  registered_at: Date | string;
  state_changed_at: Date | string;
  stem_cell_status: string | null;
  follow_up_consent: number | null;
};

function registrationOfRow(row: RegistrationRow): HeldRegistration {
  return {
    stationCode: row.station_code,
    registrationId: row.registration_id,
    personKey: row.person_key,
    stationPersonId: row.station_person_id,
    program: row.program,
    state: row.state,
    latestVersion: row.latest_version,
    registeredAt: momentText(row.registered_at),
    stateChangedAt: momentText(row.state_changed_at),
    stemCellStatus: row.stem_cell_status,
    followUpConsent: row.follow_up_consent === null ? null : row.follow_up_consent === 1,
  };
}

const REGISTRATION_COLUMNS = [
  'station_code',
  'registration_id',
  'person_key',
  'station_person_id',
  'program',
  'state',
  'latest_version',
  'registered_at',
  'state_changed_at',
  'stem_cell_status',
  'follow_up_consent',
] as const;

/** One registration as held, or undefined. */
export async function registrationOf(db: Executor, name: RegistrationName): Promise<HeldRegistration | undefined> {
  const row = await db
    .selectFrom('person_registration')
    .select(REGISTRATION_COLUMNS)
    .where('province_code', '=', name.provinceCode)
    .where('station_code', '=', name.stationCode)
    .where('registration_id', '=', name.registrationId)
    .executeTakeFirst();
  return row && registrationOfRow(row);
}

/** A person's registrations at every station, by station and registration id. */
export async function registrationsOfPerson(db: Executor, provinceCode: string, personKey: string): Promise<HeldRegistration[]> {
  const rows = await db
    .selectFrom('person_registration')
    .select(REGISTRATION_COLUMNS)
    .where('province_code', '=', provinceCode)
    .where('person_key', '=', personKey)
    .orderBy('station_code')
    .orderBy('registration_id')
    .execute();
  return rows.map(registrationOfRow);
}

/** Registrations with no person: they wait for review. */
export async function registrationsAwaitingReview(db: Executor, provinceCode: string): Promise<HeldRegistration[]> {
  const rows = await db
    .selectFrom('person_registration')
    .select(REGISTRATION_COLUMNS)
    .where('province_code', '=', provinceCode)
    .where('person_key', 'is', null)
    .orderBy('station_code')
    .orderBy('registration_id')
    .execute();
  return rows.map(registrationOfRow);
}

/** The stations whose registrations are linked to the person, other than the one named. */
export async function otherStationsOfPerson(db: Executor, provinceCode: string, personKey: string, except: RegistrationName): Promise<string[]> {
  const held = await registrationsOfPerson(db, provinceCode, personKey);
  const others = held.filter((registration) => registration.stationCode !== except.stationCode || registration.registrationId !== except.registrationId);
  return [...new Set(others.map((registration) => registration.stationCode))].sort();
}

/** Drops the review entry about a registration. */
export async function deleteReviewOf(db: Executor, name: RegistrationName): Promise<void> {
  await db
    .deleteFrom('person_review')
    .where('province_code', '=', name.provinceCode)
    .where('station_code', '=', name.stationCode)
    .where('registration_id', '=', name.registrationId)
    .execute();
}

/** Removes a registration and the review entry about it. */
export async function deleteRegistration(db: Executor, name: RegistrationName): Promise<void> {
  await deleteReviewOf(db, name);
  await db
    .deleteFrom('person_registration')
    .where('province_code', '=', name.provinceCode)
    .where('station_code', '=', name.stationCode)
    .where('registration_id', '=', name.registrationId)
    .execute();
}

/** Erases a person no registration is linked to any more, with the review entries about them. */
export async function deletePersonIfUnregistered(db: Executor, provinceCode: string, personKey: string): Promise<boolean> {
  if ((await registrationsOfPerson(db, provinceCode, personKey)).length > 0) return false;
  await db.deleteFrom('person_review').where('province_code', '=', provinceCode).where('person_key', '=', personKey).execute();
  await db.deleteFrom('person').where('province_code', '=', provinceCode).where('person_key', '=', personKey).execute();
  return true;
}

/** Adds a review entry for a registration; a registration already under review adds nothing. */
export async function addReview(db: Executor, provinceCode: string, review: Omit<PersonReview, 'id'>): Promise<void> {
  await db
    .insertInto('person_review')
    .values({
      province_code: provinceCode,
      person_key: review.personKey,
      station_code: review.stationCode,
      registration_id: review.registrationId,
      record_kind: review.recordKind,
      held_station_codes: review.heldStationCodes.join(','),
      sealed_held: review.sealedHeld,
      sealed_seen: review.sealedSeen,
      seen_at: review.seenAt,
      reviewed_at: null,
    })
    .onConflict((oc) => oc.columns(['province_code', 'station_code', 'registration_id']).doNothing())
    .execute();
}

/** The registrations whose review entries name the person held: they wait on that person. */
export async function registrationsUnderReviewFor(db: Executor, provinceCode: string, personKey: string): Promise<RegistrationName[]> {
  const rows = await db
    .selectFrom('person_review')
    .select(['station_code', 'registration_id'])
    .where('province_code', '=', provinceCode)
    .where('person_key', '=', personKey)
    .orderBy('id')
    .execute();
  return rows.map((row) => ({ provinceCode, stationCode: row.station_code, registrationId: row.registration_id }));
}

/** The review entries not yet reviewed, oldest first. */
export async function openReviews(db: Executor, provinceCode: string): Promise<PersonReview[]> {
  const rows = await db
    .selectFrom('person_review')
    .select(['id', 'person_key', 'station_code', 'registration_id', 'record_kind', 'held_station_codes', 'sealed_held', 'sealed_seen', 'seen_at'])
    .where('province_code', '=', provinceCode)
    .where('reviewed_at', 'is', null)
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    id: Number(row.id),
    personKey: row.person_key,
    stationCode: row.station_code,
    registrationId: row.registration_id,
    recordKind: row.record_kind as ReviewedRecordKind,
    heldStationCodes: row.held_station_codes.split(','),
    sealedHeld: row.sealed_held,
    sealedSeen: row.sealed_seen,
    seenAt: momentText(row.seen_at),
  }));
}

/** Rows per multi-row statement of the people's tables: far below the bind limits of both engines. */
const PEOPLE_ROWS_PER_STATEMENT = 500;

function inChunks<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}

/** Every person held under any of these keys, by key (a key held by nobody is absent). */
export async function peopleWithKeys(db: Executor, provinceCode: string, keys: readonly string[]): Promise<Map<string, SealedPersonFields>> {
  const held = new Map<string, SealedPersonFields>();
  for (const chunk of inChunks([...new Set(keys)], PEOPLE_ROWS_PER_STATEMENT)) {
    const rows = await db
      .selectFrom('person')
      .select(['person_key', 'sealed_fields', 'updated_at'])
      .where('province_code', '=', provinceCode)
      .where('person_key', 'in', chunk)
      .execute();
    for (const row of rows) held.set(row.person_key, { sealedFields: row.sealed_fields, changedAt: momentText(row.updated_at) });
  }
  return held;
}

/** The registrations of one station with these ids, as held (an id not held is absent). */
export async function registrationsWithIds(db: Executor, provinceCode: string, stationCode: string, registrationIds: readonly string[]): Promise<HeldRegistration[]> {
  const held: HeldRegistration[] = [];
  for (const chunk of inChunks([...new Set(registrationIds)], PEOPLE_ROWS_PER_STATEMENT)) {
    const rows = await db
      .selectFrom('person_registration')
      .select(REGISTRATION_COLUMNS)
      .where('province_code', '=', provinceCode)
      .where('station_code', '=', stationCode)
      .where('registration_id', 'in', chunk)
      .execute();
    held.push(...rows.map(registrationOfRow));
  }
  return held;
}

/** A person to add, with when they were added and when their fields were last set. */
export interface PersonToStore extends HeldPerson {
  createdAt: string;
  updatedAt: string;
}

/** Adds people in multi-row inserts. */
export async function insertPeople(db: Executor, provinceCode: string, people: readonly PersonToStore[]): Promise<void> {
  for (const chunk of inChunks(people, PEOPLE_ROWS_PER_STATEMENT)) {
    await db
      .insertInto('person')
      .values(
        chunk.map((person) => ({
          province_code: provinceCode,
          person_key: person.personKey,
          sealed_fields: person.sealedFields,
          created_at: person.createdAt,
          updated_at: person.updatedAt,
        })),
      )
      .execute();
  }
}

/** Stores registrations' latest versions in multi-row upserts: inserted the first time, replaced after. */
export async function storeRegistrations(db: Executor, provinceCode: string, registrations: readonly HeldRegistration[]): Promise<void> {
  for (const chunk of inChunks(registrations, PEOPLE_ROWS_PER_STATEMENT)) {
    await db
      .insertInto('person_registration')
      .values(
        chunk.map((registration) => ({
          province_code: provinceCode,
          station_code: registration.stationCode,
          registration_id: registration.registrationId,
          person_key: registration.personKey,
          station_person_id: registration.stationPersonId,
          program: registration.program,
          state: registration.state,
          latest_version: registration.latestVersion,
          registered_at: registration.registeredAt,
          state_changed_at: registration.stateChangedAt,
          stem_cell_status: registration.stemCellStatus,
          follow_up_consent: registration.followUpConsent === null ? null : registration.followUpConsent ? 1 : 0,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['province_code', 'station_code', 'registration_id']).doUpdateSet((eb) => ({
          person_key: eb.ref('excluded.person_key'),
          station_person_id: eb.ref('excluded.station_person_id'),
          program: eb.ref('excluded.program'),
          state: eb.ref('excluded.state'),
          latest_version: eb.ref('excluded.latest_version'),
          registered_at: eb.ref('excluded.registered_at'),
          state_changed_at: eb.ref('excluded.state_changed_at'),
          stem_cell_status: eb.ref('excluded.stem_cell_status'),
          follow_up_consent: eb.ref('excluded.follow_up_consent'),
        })),
      )
      .execute();
  }
}
