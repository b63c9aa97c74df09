import { randomUUID } from 'node:crypto';
import { planFollowUps, unlaidFollowUps, type FamilyCareSettings, type PlannedFollowUp } from '../../../shared/domain/family';
import { allFamilies, consentsOf, followUpsOf, insertFollowUps, type DonorFamilyRow } from '../../db/repositories/family';
import type { Executor } from '../../db/repositories/executor';
import type { DataProtection } from '../kernel/data-protection';
import { contactRefused } from './family-records';
import { queueCareYear } from './family-sync';

/** Which part of a care plan is laid: all of it when a family is opened, afterwards only the yearly Qingming visits. */
export type CarePlanPart = 'whole_plan' | 'yearly_visits';

/**
 * The follow-ups of a family's plan through `throughYear`, of the part asked for. Pure: with
 * `unlaidFollowUps`, what laying the plan adds and what the figures count as due before anyone laid it.
 */
export function plannedCarePlan(donatedOn: string, settings: FamilyCareSettings, throughYear: number, part: CarePlanPart): PlannedFollowUp[] {
  return planFollowUps(donatedOn, settings, throughYear).filter((step) => part === 'whole_plan' || step.kind === 'qingming');
}

/**
 * Lays a family's care plan through `throughYear`: the follow-ups after the donation (when the family is
 * opened, from the settings of that day) and a Qingming visit each year after the first anniversary.
 * Idempotent: a slot the family already has a follow-up for is left as it is, so the plan can be laid
 * again whenever it is read, and the yearly visits appear without a daily job. Follow-ups of a family not
 * to be contacted are laid `stopped`.
 */
export async function layCarePlan(
  trx: Executor,
  protection: DataProtection,
  family: DonorFamilyRow,
  settings: FamilyCareSettings,
  throughYear: number,
  at: string,
  only: CarePlanPart = 'whole_plan',
): Promise<void> {
  const stopped = !(await mayBeContacted(trx, family));
  const planned = plannedCarePlan(family.donated_on, settings, throughYear, only);
  const inserted = await insertFollowUps(
    trx,
    unlaidFollowUps(planned, await followUpsOf(trx, family.id)).map((step) => ({
      id: randomUUID(),
      family_id: family.id,
      kind: step.kind,
      slot: step.slot,
      due_on: step.dueOn,
      state: stopped ? 'stopped' : 'open',
      contact_id: null,
      created_at: at,
      closed_at: stopped ? at : null,
    })),
  );
  // Follow-ups laid stopped are counted in the province's yearly summaries (open ones are not).
  if (stopped && inserted > 0 && only === 'yearly_visits') {
    for (const year of new Set(planned.map((step) => Number(step.dueOn.slice(0, 4))))) await queueCareYear(trx, protection, family, year, at);
  }
}

/** Lays every family's plan through `throughYear` (the yearly Qingming visits of the year come due). */
export async function layEveryCarePlan(trx: Executor, protection: DataProtection, settings: FamilyCareSettings, throughYear: number, at: string): Promise<void> {
  for (const family of await allFamilies(trx)) await layCarePlan(trx, protection, family, settings, throughYear, at, 'yearly_visits');
}

/** Whether a family may be contacted: not marked do-not-contact and not refusing contact by consent. */
export async function mayBeContacted(trx: Executor, family: Pick<DonorFamilyRow, 'id' | 'do_not_contact'>): Promise<boolean> {
  return family.do_not_contact === 0 && !contactRefused(await consentsOf(trx, family.id));
}
