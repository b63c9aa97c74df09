import { randomUUID } from 'node:crypto';
import type { CallOutput, ParsedInput } from '../../../shared/contract/calls';
import type { FieldIssue } from '../../../shared/contract/errors';
import { addCalendarDays, stationDate } from '../../../shared/domain/age';
import { maskName } from '../../../shared/domain/masking';
import {
  completeFollowUp,
  findFamily,
  findFollowUp,
  findMember,
  insertContact,
  insertFollowUps,
  membersOfFamilies,
  openFollowUpsThrough,
  sealedPersonalOf,
} from '../../db/repositories/family';
import type { Actor } from '../kernel/audit';
import { writeAs, type StationContext } from '../kernel/context';
import { AppError } from '../kernel/errors';
import { layEveryCarePlan, mayBeContacted } from './care-plan';
import { openDonorName, openMemberDetails } from './family-records';
import { queueCareYear } from './family-sync';
import { familyPage } from './family-view';

/**
 * The care plan at work: what falls due this week across families (names masked, never a family that
 * must not be contacted) and the contacts staff log, each closing its follow-up.
 */
export class FamilyCareService {
  constructor(private readonly ctx: StationContext) {}

  /**
   * Open follow-ups due from `from` (today when left out) for `days` days, and every one overdue before,
   * of families that may be contacted. The year's Qingming visits are laid first, so they appear
   * without a daily job.
   */
  async dueList(input: ParsedInput<'family:dueList'>): Promise<CallOutput<'family:dueList'>> {
    const careSettings = await this.ctx.settings.read('familyCare');
    return writeAs(this.ctx, async (trx, moment) => {
      const today = stationDate(moment.now);
      const from = input.from ?? today;
      const to = addCalendarDays(from, input.days - 1);
      await layEveryCarePlan(trx, this.ctx.protection, careSettings, Number(to.slice(0, 4)), moment.at);
      const due = await openFollowUpsThrough(trx, to);
      const familyIds = [...new Set(due.map((row) => row.family_id))];
      const members = await membersOfFamilies(trx, familyIds);
      const personal = await sealedPersonalOf(trx, [...new Set(due.map((row) => row.person_id))]);
      return {
        from,
        to,
        items: due.map((row) => ({
          followUpId: row.id,
          familyId: row.family_id,
          donorName: maskName(openDonorName(this.ctx.protection, personal.get(row.person_id))),
          kind: row.kind,
          dueOn: row.due_on,
          overdue: row.due_on < today,
          preferredChannel: row.preferred_channel as CallOutput<'family:dueList'>['items'][number]['preferredChannel'],
          members: members
            .filter((member) => member.family_id === row.family_id && member.do_not_contact === 0)
            .map((member) => ({ id: member.id, name: maskName(openMemberDetails(this.ctx.protection, member).name), relationCode: member.relation_code })),
        })),
      };
    });
  }

  /**
   * A contact with the family, refused while the family (or the member spoken to) must not be contacted.
   * It marks its follow-up done, and a next date given becomes a follow-up of its own. Needs and next step are sealed.
   */
  async logContact(input: ParsedInput<'family:logContact'>, actor: Actor): Promise<CallOutput<'family:logContact'>> {
    return writeAs(this.ctx, async (trx, moment) => {
      const today = stationDate(moment.now);
      const issues: FieldIssue[] = [];
      if (input.on > today) issues.push({ path: 'on', reason: 'contact_date_future' });
      if (input.nextDueOn !== null && input.nextDueOn < today) issues.push({ path: 'nextDueOn', reason: 'follow_up_date_past' });
      if (issues.length > 0) throw new AppError('validation_failed', 'invalid input', issues);

      const family = await findFamily(trx, input.familyId);
      if (family === undefined) throw new AppError('not_found');
      if (!(await mayBeContacted(trx, family))) throw new AppError('family_do_not_contact');
      if (input.memberId !== null) {
        const member = await findMember(trx, input.memberId);
        if (member === undefined || member.family_id !== family.id) throw new AppError('not_found');
        if (member.do_not_contact === 1) throw new AppError('family_do_not_contact');
      }
      const followUp = input.followUpId === null ? undefined : await findFollowUp(trx, input.followUpId);
      if (input.followUpId !== null && (followUp === undefined || followUp.family_id !== family.id)) throw new AppError('not_found');

      const contactId = randomUUID();
      await insertContact(trx, {
        id: contactId,
        family_id: family.id,
        follow_up_id: input.followUpId,
        kind: input.kind,
        contacted_on: input.on,
        member_id: input.memberId,
        needs: this.ctx.protection.sealOptional(input.needs, 'family_contact.needs'),
        next_step: this.ctx.protection.sealOptional(input.nextStep, 'family_contact.next_step'),
        recorded_at: moment.at,
        recorded_by: actor.id,
      });
      if (followUp !== undefined && !(await completeFollowUp(trx, followUp.id, contactId, moment.at))) throw new AppError('family_follow_up_closed');
      if (input.nextDueOn !== null) {
        await insertFollowUps(trx, [
          { id: randomUUID(), family_id: family.id, kind: 'next_step', slot: null, due_on: input.nextDueOn, state: 'open', contact_id: null, created_at: moment.at, closed_at: null },
        ]);
      }
      await this.ctx.audit.append(trx, {
        actor,
        stationCode: moment.station.code,
        action: 'family_contact_log',
        objectType: 'donor_family',
        objectId: family.id,
        detail: { contactId, kind: input.kind, on: input.on, followUpId: input.followUpId, nextDueOn: input.nextDueOn },
      });
      const years = new Set([Number(input.on.slice(0, 4)), ...(followUp === undefined ? [] : [Number(followUp.due_on.slice(0, 4))])]);
      for (const year of years) await queueCareYear(trx, this.ctx.protection, family, year, moment.at);
      return familyPage(trx, this.ctx.protection, family);
    });
  }
}
