import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { Ceremony, FamilyConsentPurpose } from '../../../shared/domain/family';
import type {
  DonorFamilyTable,
  FamilyConsentTable,
  FamilyContactTable,
  FamilyFollowUpTable,
  FamilyInvitationTable,
  FamilyMemberTable,
  FamilyMemberVersionTable,
} from '../schema';
import type { Executor } from './executor';

export type DonorFamilyRow = Selectable<DonorFamilyTable>;
export type FamilyMemberRow = Selectable<FamilyMemberTable>;
export type FamilyMemberVersionRow = Selectable<FamilyMemberVersionTable>;
export type FamilyConsentRow = Selectable<FamilyConsentTable>;
export type FamilyFollowUpRow = Selectable<FamilyFollowUpTable>;
export type FamilyContactRow = Selectable<FamilyContactTable>;
export type FamilyInvitationRow = Selectable<FamilyInvitationTable>;

// ---- Families ----

export async function insertFamily(db: Executor, row: Insertable<DonorFamilyTable>): Promise<void> {
  await db.insertInto('donor_family').values(row).execute();
}

export async function findFamily(db: Executor, id: string): Promise<DonorFamilyRow | undefined> {
  return db.selectFrom('donor_family').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findFamilyByRegistration(db: Executor, registrationId: string): Promise<DonorFamilyRow | undefined> {
  return db.selectFrom('donor_family').selectAll().where('registration_id', '=', registrationId).executeTakeFirst();
}

/** Every family, oldest first: for the yearly invitations and the care plan's yearly visits. */
export async function allFamilies(db: Executor): Promise<DonorFamilyRow[]> {
  // rowid breaks ties: families opened in the same instant keep the order they were opened in.
  return db.selectFrom('donor_family').selectAll().orderBy('opened_at').orderBy(sql`rowid`).execute();
}

/** Changes a family at the version the caller read; false when it has moved since. */
export async function updateFamily(db: Executor, id: string, fromVersion: number, change: Updateable<DonorFamilyTable>): Promise<boolean> {
  const result = await db.updateTable('donor_family').set(change).where('id', '=', id).where('version', '=', fromVersion).executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** The families of these registrations (for the list's registration numbers). */
export async function registrationNumbersOf(db: Executor, registrationIds: readonly string[]): Promise<Map<string, string>> {
  if (registrationIds.length === 0) return new Map();
  const rows = await db.selectFrom('registration').select(['id', 'number']).where('id', 'in', registrationIds).execute();
  return new Map(rows.map((row) => [row.id, row.number]));
}

/** The sealed personal fields of these people, by id. */
export async function sealedPersonalOf(db: Executor, personIds: readonly string[]): Promise<Map<string, string>> {
  if (personIds.length === 0) return new Map();
  const rows = await db.selectFrom('person').select(['id', 'personal']).where('id', 'in', personIds).execute();
  return new Map(rows.map((row) => [row.id, row.personal]));
}

/** The newest families first, with their next open follow-up. */
export async function latestFamilies(db: Executor, limit: number): Promise<{ total: number; rows: Array<DonorFamilyRow & { next_due_on: string | null }> }> {
  const rows = await db
    .selectFrom('donor_family as f')
    .selectAll('f')
    .select((eb) =>
      eb
        .selectFrom('family_follow_up as u')
        .select((inner) => inner.fn.min('u.due_on').as('due'))
        .whereRef('u.family_id', '=', 'f.id')
        .where('u.state', '=', 'open')
        .as('next_due_on'),
    )
    .orderBy('f.opened_at', 'desc')
    .orderBy(sql`f.rowid`, 'desc')
    .limit(limit)
    .execute();
  const total = await db.selectFrom('donor_family').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { total: Number(total.n), rows: rows.map((row) => ({ ...row, next_due_on: (row.next_due_on as string | null) ?? null })) };
}

// ---- Members ----

export async function insertMember(db: Executor, row: Insertable<FamilyMemberTable>): Promise<void> {
  await db.insertInto('family_member').values(row).execute();
}

export async function insertMemberVersion(db: Executor, row: Insertable<FamilyMemberVersionTable>): Promise<void> {
  await db.insertInto('family_member_version').values(row).execute();
}

export async function findMember(db: Executor, id: string): Promise<FamilyMemberRow | undefined> {
  return db.selectFrom('family_member').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Replaces a member's details at the version the caller read; false when they have moved since. */
export async function updateMember(db: Executor, id: string, fromVersion: number, change: Updateable<FamilyMemberTable>): Promise<boolean> {
  const result = await db.updateTable('family_member').set(change).where('id', '=', id).where('version', '=', fromVersion).executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** A family's members in the order they were entered. */
export async function membersOf(db: Executor, familyId: string): Promise<FamilyMemberRow[]> {
  return db.selectFrom('family_member').selectAll().where('family_id', '=', familyId).orderBy('created_at').orderBy(sql`rowid`).execute();
}

/** The members of these families. */
export async function membersOfFamilies(db: Executor, familyIds: readonly string[]): Promise<FamilyMemberRow[]> {
  if (familyIds.length === 0) return [];
  return db.selectFrom('family_member').selectAll().where('family_id', 'in', familyIds).orderBy('created_at').orderBy(sql`rowid`).execute();
}

// ---- Consents ----

export async function insertFamilyConsent(db: Executor, row: Insertable<FamilyConsentTable>): Promise<void> {
  await db.insertInto('family_consent').values(row).execute();
}

/** Every consent of a family, newest first (the first of each purpose stands). */
export async function consentsOf(db: Executor, familyId: string): Promise<FamilyConsentRow[]> {
  return db
    .selectFrom('family_consent')
    .selectAll()
    .where('family_id', '=', familyId)
    .orderBy('recorded_at', 'desc')
    .orderBy(sql`rowid`, 'desc')
    .execute();
}

/** The standing consent of a purpose: the latest recorded, or none. */
export async function standingConsent(db: Executor, familyId: string, purpose: FamilyConsentPurpose): Promise<FamilyConsentRow | undefined> {
  return db
    .selectFrom('family_consent')
    .selectAll()
    .where('family_id', '=', familyId)
    .where('purpose', '=', purpose)
    .orderBy('recorded_at', 'desc')
    .orderBy(sql`rowid`, 'desc')
    .limit(1)
    .executeTakeFirst();
}

/**
 * Whether the name of this donor may be engraved, as far as a donor family says: `no_family` when the
 * person has no family at the station, else whether the latest `name_engraving` consent of each of their
 * families is granted (no consent recorded is not granted).
 */
export async function engravingConsentOfPerson(db: Executor, personId: string): Promise<'no_family' | 'granted' | 'not_granted'> {
  const families = await db.selectFrom('donor_family').select('id').where('person_id', '=', personId).execute();
  if (families.length === 0) return 'no_family';
  for (const family of families) {
    const consent = await standingConsent(db, family.id, 'name_engraving');
    if (consent?.granted !== 1) return 'not_granted';
  }
  return 'granted';
}

// ---- Follow-ups ----

/**
 * Inserts follow-ups, leaving out those of a planned slot the family already has (so the plan can be laid
 * again); how many were inserted.
 */
export async function insertFollowUps(db: Executor, rows: ReadonlyArray<Insertable<FamilyFollowUpTable>>): Promise<number> {
  if (rows.length === 0) return 0;
  const result = await db
    .insertInto('family_follow_up')
    .values([...rows])
    .onConflict((conflict) => conflict.columns(['family_id', 'kind', 'slot']).where('slot', 'is not', null).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

export async function findFollowUp(db: Executor, id: string): Promise<FamilyFollowUpRow | undefined> {
  return db.selectFrom('family_follow_up').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A family's follow-ups by due date. */
export async function followUpsOf(db: Executor, familyId: string): Promise<FamilyFollowUpRow[]> {
  return db.selectFrom('family_follow_up').selectAll().where('family_id', '=', familyId).orderBy('due_on').orderBy(sql`rowid`).execute();
}

/** Marks an open follow-up done by a contact; false when it was not open. */
export async function completeFollowUp(db: Executor, id: string, contactId: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('family_follow_up')
    .set({ state: 'done', contact_id: contactId, closed_at: at })
    .where('id', '=', id)
    .where('state', '=', 'open')
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Stops every open follow-up of a family; how many. */
export async function stopOpenFollowUps(db: Executor, familyId: string, at: string): Promise<number> {
  const result = await db
    .updateTable('family_follow_up')
    .set({ state: 'stopped', closed_at: at })
    .where('family_id', '=', familyId)
    .where('state', '=', 'open')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Re-opens the stopped follow-ups of a family due on or after `today`; those already past stay stopped. */
export async function reopenFutureFollowUps(db: Executor, familyId: string, today: string): Promise<number> {
  const result = await db
    .updateTable('family_follow_up')
    .set({ state: 'open', closed_at: null })
    .where('family_id', '=', familyId)
    .where('state', '=', 'stopped')
    .where('due_on', '>=', today)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * Open follow-ups due on or before `through`, of families that may be contacted: not marked
 * do-not-contact, and whose latest `contact` consent is not a refusal.
 */
export async function openFollowUpsThrough(db: Executor, through: string): Promise<Array<FamilyFollowUpRow & { person_id: string; preferred_channel: string }>> {
  return db
    .selectFrom('family_follow_up as u')
    .innerJoin('donor_family as f', 'f.id', 'u.family_id')
    .selectAll('u')
    .select(['f.person_id', 'f.preferred_channel'])
    .where('u.state', '=', 'open')
    .where('u.due_on', '<=', through)
    .where('f.do_not_contact', '=', 0)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('family_consent as c')
            .select('c.id')
            .whereRef('c.family_id', '=', 'f.id')
            .where('c.purpose', '=', 'contact')
            .where('c.granted', '=', 0)
            .where(
              sql<boolean>`c.rowid = (select c2.rowid from family_consent c2 where c2.family_id = f.id and c2.purpose = 'contact'
                order by c2.recorded_at desc, c2.rowid desc limit 1)`,
            ),
        ),
      ),
    )
    .orderBy('u.due_on')
    .orderBy(sql`f.rowid`)
    .orderBy(sql`u.rowid`)
    .execute();
}

// ---- Contacts ----

export async function insertContact(db: Executor, row: Insertable<FamilyContactTable>): Promise<void> {
  await db.insertInto('family_contact').values(row).execute();
}

/** A family's contacts, newest first. */
export async function contactsOf(db: Executor, familyId: string): Promise<FamilyContactRow[]> {
  return db
    .selectFrom('family_contact')
    .selectAll()
    .where('family_id', '=', familyId)
    .orderBy('contacted_on', 'desc')
    .orderBy('recorded_at', 'desc')
    .orderBy(sql`rowid`, 'desc')
    .execute();
}

// ---- Invitations ----

export async function insertInvitation(db: Executor, row: Insertable<FamilyInvitationTable>): Promise<void> {
  await db.insertInto('family_invitation').values(row).execute();
}

export async function findInvitation(db: Executor, id: string): Promise<FamilyInvitationRow | undefined> {
  return db.selectFrom('family_invitation').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findInvitationByCode(db: Executor, code: string): Promise<FamilyInvitationRow | undefined> {
  return db.selectFrom('family_invitation').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function invitationCodeTaken(db: Executor, code: string): Promise<boolean> {
  return (await findInvitationByCode(db, code)) !== undefined;
}

export async function invitationOf(db: Executor, familyId: string, ceremony: Ceremony, year: number): Promise<FamilyInvitationRow | undefined> {
  return db
    .selectFrom('family_invitation')
    .selectAll()
    .where('family_id', '=', familyId)
    .where('ceremony', '=', ceremony)
    .where('year', '=', year)
    .executeTakeFirst();
}

/** A family's invitations, newest year first. */
export async function invitationsOf(db: Executor, familyId: string): Promise<FamilyInvitationRow[]> {
  return db.selectFrom('family_invitation').selectAll().where('family_id', '=', familyId).orderBy('year', 'desc').orderBy('ceremony').execute();
}

export async function updateInvitation(db: Executor, id: string, change: Updateable<FamilyInvitationTable>): Promise<void> {
  await db.updateTable('family_invitation').set(change).where('id', '=', id).execute();
}

/** The ceremonies a family declined and staff have not re-opened: each family id with its stopped ceremonies. */
export async function declinedCeremoniesOf(db: Executor, familyIds: readonly string[]): Promise<Map<string, Set<Ceremony>>> {
  const stopped = new Map<string, Set<Ceremony>>();
  if (familyIds.length === 0) return stopped;
  const rows = await db
    .selectFrom('family_invitation')
    .select(['family_id', 'ceremony'])
    .where('family_id', 'in', familyIds)
    .where('state', '=', 'declined')
    .where('reopened_at', 'is', null)
    .execute();
  for (const row of rows) stopped.set(row.family_id, (stopped.get(row.family_id) ?? new Set()).add(row.ceremony));
  return stopped;
}

/** Marks the declined invitations of a ceremony re-opened; how many. */
export async function reopenDeclinedCeremony(db: Executor, familyId: string, ceremony: Ceremony, at: string): Promise<number> {
  const result = await db
    .updateTable('family_invitation')
    .set({ reopened_at: at })
    .where('family_id', '=', familyId)
    .where('ceremony', '=', ceremony)
    .where('state', '=', 'declined')
    .where('reopened_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

// ---- Certificates and memorial names of the donor ----

/** The certificates given after a donation for this person (honour and memorial), newest first. */
export async function certificatesOfPerson(db: Executor, personId: string) {
  return db
    .selectFrom('document')
    .select(['id', 'kind', 'serial', 'state', 'issued_at'])
    .where('subject_type', '=', 'person')
    .where('subject_id', '=', personId)
    .where('kind', 'in', ['honour_certificate', 'memorial_certificate'])
    .orderBy('issued_at', 'desc')
    .execute();
}

/** The donor's entries on the memorial name list. */
export async function memorialEntriesOfPerson(db: Executor, personId: string) {
  return db
    .selectFrom('memorial_entry')
    .select(['id', 'state', 'engraving_year', 'wall_location'])
    .where('person_id', '=', personId)
    .orderBy('created_at', 'desc')
    .execute();
}

// ---- The yearly care summary ----

/** The summary record of a family's year: its id and the next version to queue (created at version 1). */
export async function nextCareYearVersion(db: Executor, familyId: string, year: number, newId: string): Promise<{ id: string; version: number }> {
  const current = await db.selectFrom('family_care_year').select(['id', 'version']).where('family_id', '=', familyId).where('year', '=', year).executeTakeFirst();
  if (current === undefined) {
    await db.insertInto('family_care_year').values({ id: newId, family_id: familyId, year, version: 1 }).execute();
    return { id: newId, version: 1 };
  }
  const version = current.version + 1;
  await db.updateTable('family_care_year').set({ version }).where('family_id', '=', familyId).where('year', '=', year).execute();
  return { id: current.id, version };
}

/** What a family's care summary of a year counts. */
export interface CareYearCounts {
  contacts: Record<string, number>;
  followUpsDone: number;
  followUpsStopped: number;
  invitations: number;
  accepted: number;
  attended: number;
}

/** Counts a family's care in a year: contacts by kind, follow-ups due that year done or stopped, invitations of the year. */
export async function careYearCounts(db: Executor, familyId: string, year: number): Promise<CareYearCounts> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const contacts = await db
    .selectFrom('family_contact')
    .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
    .where('family_id', '=', familyId)
    .where('contacted_on', '>=', from)
    .where('contacted_on', '<=', to)
    .groupBy('kind')
    .execute();
  const followUps = await db
    .selectFrom('family_follow_up')
    .select(['state', (eb) => eb.fn.countAll<number>().as('n')])
    .where('family_id', '=', familyId)
    .where('due_on', '>=', from)
    .where('due_on', '<=', to)
    .groupBy('state')
    .execute();
  const invitations = await db
    .selectFrom('family_invitation')
    .select([
      (eb) => eb.fn.countAll<number>().as('sent'),
      sql<number>`coalesce(sum(state = 'accepted'), 0)`.as('accepted'),
      sql<number>`coalesce(sum(attended_at is not null), 0)`.as('attended'),
    ])
    .where('family_id', '=', familyId)
    .where('year', '=', year)
    .executeTakeFirstOrThrow();
  const stateCount = (state: string) => Number(followUps.find((row) => row.state === state)?.n ?? 0);
  return {
    contacts: Object.fromEntries(contacts.map((row) => [row.kind, Number(row.n)])),
    followUpsDone: stateCount('done'),
    followUpsStopped: stateCount('stopped'),
    invitations: Number(invitations.sent),
    accepted: Number(invitations.accepted),
    attended: Number(invitations.attended),
  };
}
