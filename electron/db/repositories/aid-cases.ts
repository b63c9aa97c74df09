import { sql, type Insertable, type Selectable } from 'kysely';
import type { AidCaseState } from '../../../shared/domain/aid';
import type { AidCaseTable, AidStepTable } from '../schema';
import type { Executor } from './executor';

/** An aid case as stored. */
export type AidCaseRow = Selectable<AidCaseTable>;
/** One step of a case's approval chain as stored. */
export type AidStepRow = Selectable<AidStepTable>;
/** A case with its steps, oldest step first. */
export interface AidCaseWithSteps {
  case: AidCaseRow;
  steps: AidStepRow[];
}

/** What a step changes on its case: the state, the version and the fields the step fills. */
export type AidCaseChange = Partial<
  Pick<
    AidCaseRow,
    'amount_proposed_fen' | 'amount_granted_fen' | 'notice_from' | 'notice_to' | 'paid_on' | 'payment_method' | 'recipient_member_id' | 'recipient_signature'
  >
> & { state: AidCaseState; version: number };

/** What an aid case needs to know of the family it is for: the donation it was opened from and the donor. */
export interface AidFamily {
  id: string;
  registrationId: string;
  registrationNumber: string;
  personId: string;
  /** The donor's personal fields, sealed (`person.personal`). */
  sealedPersonal: string;
}

/** A family member as a case names them: their relation and sealed details (`family_member.details`). */
export interface AidMember {
  id: string;
  familyId: string;
  relationCode: string;
  sealedDetails: string;
}

export async function findAidFamily(db: Executor, familyId: string): Promise<AidFamily | undefined> {
  return (await findAidFamilies(db, [familyId])).get(familyId);
}

export async function findAidFamilies(db: Executor, familyIds: readonly string[]): Promise<Map<string, AidFamily>> {
  if (familyIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('donor_family')
    .innerJoin('registration', 'registration.id', 'donor_family.registration_id')
    .innerJoin('person', 'person.id', 'donor_family.person_id')
    .select([
      'donor_family.id as id',
      'donor_family.registration_id as registrationId',
      'registration.number as registrationNumber',
      'donor_family.person_id as personId',
      'person.personal as sealedPersonal',
    ])
    .where('donor_family.id', 'in', [...new Set(familyIds)])
    .execute();
  return new Map(rows.map((row) => [row.id, row]));
}

export async function findAidMembers(db: Executor, memberIds: readonly string[]): Promise<Map<string, AidMember>> {
  if (memberIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('family_member')
    .select(['id', 'family_id as familyId', 'relation_code as relationCode', 'details as sealedDetails'])
    .where('id', 'in', [...new Set(memberIds)])
    .execute();
  return new Map(rows.map((row) => [row.id, row]));
}

export async function insertAidCase(db: Executor, row: Insertable<AidCaseTable>): Promise<void> {
  await db.insertInto('aid_case').values(row).execute();
}

export async function insertAidStep(db: Executor, row: Insertable<AidStepTable>): Promise<void> {
  await db.insertInto('aid_step').values(row).execute();
}

/** Applies a step's change if the case is still at the version the step was judged on; false when it moved meanwhile. */
export async function updateAidCase(db: Executor, caseId: string, expectedVersion: number, change: AidCaseChange): Promise<boolean> {
  const result = await db.updateTable('aid_case').set(change).where('id', '=', caseId).where('version', '=', expectedVersion).executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** The open or granted case of a family for a cause (not rejected), if there is one. */
export async function findStandingCaseForCause(db: Executor, familyId: string, causeKey: string): Promise<AidCaseRow | undefined> {
  return db
    .selectFrom('aid_case')
    .selectAll()
    .where('family_id', '=', familyId)
    .where('cause_key', '=', causeKey)
    .where('state', '!=', 'rejected')
    .executeTakeFirst();
}

export async function findAidCase(db: Executor, caseId: string): Promise<AidCaseWithSteps | undefined> {
  const row = await db.selectFrom('aid_case').selectAll().where('id', '=', caseId).executeTakeFirst();
  if (!row) return undefined;
  return { case: row, steps: await stepsOf(db, [row.id]).then((steps) => steps.get(row.id) ?? []) };
}

async function stepsOf(db: Executor, caseIds: readonly string[]): Promise<Map<string, AidStepRow[]>> {
  const steps = new Map<string, AidStepRow[]>();
  if (caseIds.length === 0) return steps;
  const rows = await db.selectFrom('aid_step').selectAll().where('case_id', 'in', [...caseIds]).orderBy('case_id').orderBy('seq').execute();
  for (const row of rows) steps.set(row.case_id, [...(steps.get(row.case_id) ?? []), row]);
  return steps;
}

/** The latest cases, newest first, by state and family; with how many match in all. */
export async function listAidCases(
  db: Executor,
  filter: { state?: AidCaseState; familyId?: string; limit: number },
): Promise<{ total: number; rows: AidCaseWithSteps[] }> {
  let query = db.selectFrom('aid_case');
  if (filter.state !== undefined) query = query.where('state', '=', filter.state);
  if (filter.familyId !== undefined) query = query.where('family_id', '=', filter.familyId);
  const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  // rowid breaks ties: of cases applied for in the same instant, the later one is the newer.
  const cases = await query.selectAll().orderBy('opened_at', 'desc').orderBy(sql`rowid`, 'desc').limit(filter.limit).execute();
  const steps = await stepsOf(
    db,
    cases.map((row) => row.id),
  );
  return { total: Number(total), rows: cases.map((row) => ({ case: row, steps: steps.get(row.id) ?? [] })) };
}

/**
 * Cases whose public notice covers a day, oldest notice first, then in the order they were applied for
 * (the table's rowid breaks a tie between applications of the same moment, so the printed list never
 * changes its order between two readings).
 */
export async function casesOnNotice(db: Executor, day: string): Promise<AidCaseRow[]> {
  return db
    .selectFrom('aid_case')
    .selectAll()
    .where('state', 'in', ['on_notice', 'paid'])
    .where('notice_from', '<=', day)
    .where('notice_to', '>=', day)
    .orderBy('notice_from')
    .orderBy('opened_at')
    .orderBy(sql`rowid`)
    .execute();
}

/** Paid cases of a year (by the day paid) per programme: how many and how much. */
export async function paidPerProgramme(db: Executor, year: number): Promise<Array<{ programme: string; count: number; sumFen: number }>> {
  const rows = await db
    .selectFrom('aid_case')
    .select((eb) => ['programme', eb.fn.countAll<number>().as('count'), eb.fn.sum<number>('amount_granted_fen').as('sumFen')])
    .where('state', '=', 'paid')
    .where('paid_on', '>=', `${year}-01-01`)
    .where('paid_on', '<=', `${year}-12-31`)
    .groupBy('programme')
    .execute();
  return rows.map((row) => ({ programme: row.programme, count: Number(row.count), sumFen: Number(row.sumFen ?? 0) }));
}

/** Cases still open, by state. */
export async function openCasesPerState(db: Executor): Promise<Array<{ state: AidCaseState; count: number }>> {
  const rows = await db
    .selectFrom('aid_case')
    .select((eb) => ['state', eb.fn.countAll<number>().as('count')])
    .where('state', 'not in', ['paid', 'rejected'])
    .groupBy('state')
    .execute();
  return rows.map((row) => ({ state: row.state, count: Number(row.count) }));
}
