import { sql } from 'kysely';
import type { Executor } from './executor';
import type { FamilyFollowUpRow } from './family';

/** The calendar bounds of a year, as dates. */
function yearBounds(year: number): { from: string; to: string } {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/** How many families the station has opened, all told. */
export async function countFamilies(db: Executor): Promise<number> {
  const row = await db.selectFrom('donor_family').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Contacts made in a year by kind, and how many families they reached. */
export async function contactsInYear(db: Executor, year: number): Promise<{ families: number; byKind: Array<{ kind: string; count: number }> }> {
  const { from, to } = yearBounds(year);
  const families = await db
    .selectFrom('family_contact')
    .select(sql<number>`count(distinct family_id)`.as('n'))
    .where('contacted_on', '>=', from)
    .where('contacted_on', '<=', to)
    .executeTakeFirstOrThrow();
  const byKind = await db
    .selectFrom('family_contact')
    .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
    .where('contacted_on', '>=', from)
    .where('contacted_on', '<=', to)
    .groupBy('kind')
    .execute();
  return { families: Number(families.n), byKind: byKind.map((row) => ({ kind: row.kind, count: Number(row.n) })) };
}

/** A follow-up as the figures weigh it: where it sits in the plan, its state and when it falls due. */
export type FollowUpForFigures = Pick<FamilyFollowUpRow, 'kind' | 'slot' | 'state' | 'due_on'>;

/** Every follow-up the station has laid, by family (in one read, however many families there are). */
export async function followUpsByFamily(db: Executor): Promise<Map<string, FollowUpForFigures[]>> {
  const rows = await db.selectFrom('family_follow_up').select(['family_id', 'kind', 'slot', 'state', 'due_on']).execute();
  const byFamily = new Map<string, FollowUpForFigures[]>();
  for (const { family_id: familyId, ...followUp } of rows) {
    const list = byFamily.get(familyId) ?? [];
    list.push(followUp);
    byFamily.set(familyId, list);
  }
  return byFamily;
}

/** Invitations of a year per ceremony: sent, accepted, attended. */
export async function invitationsInYear(db: Executor, year: number): Promise<Array<{ ceremony: string; sent: number; accepted: number; attended: number }>> {
  const rows = await db
    .selectFrom('family_invitation')
    .select([
      'ceremony',
      (eb) => eb.fn.countAll<number>().as('sent'),
      sql<number>`coalesce(sum(state = 'accepted'), 0)`.as('accepted'),
      sql<number>`coalesce(sum(attended_at is not null), 0)`.as('attended'),
    ])
    .where('year', '=', year)
    .groupBy('ceremony')
    .execute();
  return rows.map((row) => ({ ceremony: row.ceremony, sent: Number(row.sent), accepted: Number(row.accepted), attended: Number(row.attended) }));
}

/** Aid paid in a year per programme (aid cases with a payment day in the year): cases and the amounts granted, in fen. */
export async function aidPaidInYear(db: Executor, year: number): Promise<Array<{ programme: string; cases: number; amountFen: number }>> {
  const { from, to } = yearBounds(year);
  const rows = await db
    .selectFrom('aid_case')
    .select(['programme', (eb) => eb.fn.countAll<number>().as('cases'), sql<number>`coalesce(sum(amount_granted_fen), 0)`.as('amount')])
    .where('paid_on', 'is not', null)
    .where('paid_on', '>=', from)
    .where('paid_on', '<=', to)
    .groupBy('programme')
    .orderBy('programme')
    .execute();
  return rows.map((row) => ({ programme: row.programme, cases: Number(row.cases), amountFen: Number(row.amount) }));
}
