import { randomUUID } from 'node:crypto';
import type { CallOutput, ParsedInput } from '../../../shared/contract/calls';
import { stationDate } from '../../../shared/domain/age';
import { normaliseInvitationCode, type Ceremony } from '../../../shared/domain/family';
import {
  allFamilies,
  declinedCeremoniesOf,
  findFamily,
  findInvitation,
  findInvitationByCode,
  insertInvitation,
  invitationOf,
  reopenDeclinedCeremony,
  updateInvitation,
  type DonorFamilyRow,
  type FamilyInvitationRow,
} from '../../db/repositories/family';
import type { Executor } from '../../db/repositories/executor';
import type { Actor } from '../kernel/audit';
import { writeAs, type StationContext, type WriteMoment } from '../kernel/context';
import { AppError } from '../kernel/errors';
import { mayBeContacted } from './care-plan';
import { invitationView } from './family-records';
import { queueCareYear } from './family-sync';
import { familyPage } from './family-view';
import { freshInvitationCode } from './invitation-code';

type InvitationView = CallOutput<'family:invite'>;

/**
 * Remembrance: invitations of families to the ceremonies (Qingming, the life tribute, the medical
 * university's ceremony), their answers and who came. A family keeps being invited every year unless it
 * declined a ceremony, which stops that ceremony for the later years until staff re-open it; a family
 * that must not be contacted is never invited.
 */
export class RemembranceService {
  constructor(private readonly ctx: StationContext) {}

  /** Invites one family; refused when it must not be contacted or is already invited this year. */
  async invite(input: ParsedInput<'family:invite'>, actor: Actor): Promise<InvitationView> {
    return writeAs(this.ctx, async (trx, moment) => {
      const family = await findFamily(trx, input.familyId);
      if (family === undefined) throw new AppError('not_found');
      if (!(await mayBeContacted(trx, family))) throw new AppError('family_do_not_contact');
      if ((await invitationOf(trx, family.id, input.ceremony, input.year)) !== undefined) throw new AppError('family_invitation_exists');
      return invitationView(await this.insert(trx, family, input.ceremony, input.year, actor, moment));
    });
  }

  /** Invites every family that may be invited to a ceremony of a year, and says how many were left out and why. */
  async inviteYearly(input: ParsedInput<'family:inviteYearly'>, actor: Actor): Promise<CallOutput<'family:inviteYearly'>> {
    return writeAs(this.ctx, async (trx, moment) => {
      const families = await allFamilies(trx);
      const declined = await declinedCeremoniesOf(trx, families.map((family) => family.id));
      const result = { invited: 0, alreadyInvited: 0, declined: 0, notToBeContacted: 0 };
      for (const family of families) {
        if (!(await mayBeContacted(trx, family))) result.notToBeContacted += 1;
        else if (declined.get(family.id)?.has(input.ceremony)) result.declined += 1;
        else if ((await invitationOf(trx, family.id, input.ceremony, input.year)) !== undefined) result.alreadyInvited += 1;
        else {
          await this.insert(trx, family, input.ceremony, input.year, actor, moment);
          result.invited += 1;
        }
      }
      return result;
    });
  }

  /** The family's answer; a decline stops the ceremony for the family's later years until staff re-open it. */
  async answer(input: ParsedInput<'family:answerInvitation'>, actor: Actor): Promise<InvitationView> {
    return writeAs(this.ctx, async (trx, moment) => {
      const invitation = await this.requireInvitation(trx, input.invitationId);
      const change = { state: input.answer, answered_at: moment.at, reopened_at: null };
      await updateInvitation(trx, invitation.id, change);
      await this.recordAttendanceChange(trx, invitation, 'family_invitation_answer', { answer: input.answer }, actor, moment);
      return invitationView({ ...invitation, ...change });
    });
  }

  /** Staff record that the family came (again: nothing changes). */
  async markAttended(input: ParsedInput<'family:markAttended'>, actor: Actor): Promise<InvitationView> {
    return writeAs(this.ctx, async (trx, moment) => {
      const invitation = await this.requireInvitation(trx, input.invitationId);
      if (invitation.attended_at !== null) return invitationView(invitation);
      const attended = await this.attend(trx, invitation, 'staff', actor, moment);
      return invitationView(attended);
    });
  }

  /** Re-opens a ceremony the family declined: the yearly invitations include the family again. */
  async reopenCeremony(input: ParsedInput<'family:reopenCeremony'>, actor: Actor): Promise<CallOutput<'family:reopenCeremony'>> {
    return writeAs(this.ctx, async (trx, moment) => {
      const family = await findFamily(trx, input.familyId);
      if (family === undefined) throw new AppError('not_found');
      const reopened = await reopenDeclinedCeremony(trx, family.id, input.ceremony, moment.at);
      await this.ctx.audit.append(trx, {
        actor,
        stationCode: moment.station.code,
        action: 'amend',
        objectType: 'donor_family',
        objectId: family.id,
        detail: { change: 'ceremony_reopened', ceremony: input.ceremony, reopened },
      });
      return familyPage(trx, this.ctx.protection, family);
    });
  }

  /**
   * The memorial kiosk's sign-in with an invitation code, inside the sign-in's transaction: a code of an
   * invitation of this year not yet attended records that the family came. Anything else (a wrong code,
   * last year's, one already used) changes nothing and is no error: the kiosk's answer never tells.
   */
  async checkInAtKiosk(trx: Executor, typedCode: string, actor: Actor, moment: WriteMoment): Promise<void> {
    const code = normaliseInvitationCode(typedCode);
    if (code === null) return;
    const invitation = await findInvitationByCode(trx, code);
    if (invitation === undefined || invitation.attended_at !== null || invitation.year !== Number(stationDate(moment.now).slice(0, 4))) return;
    await this.attend(trx, invitation, 'kiosk', actor, moment);
  }

  private async attend(trx: Executor, invitation: FamilyInvitationRow, source: 'staff' | 'kiosk', actor: Actor, moment: WriteMoment): Promise<FamilyInvitationRow> {
    const change = { attended_at: moment.at, attended_source: source };
    await updateInvitation(trx, invitation.id, change);
    await this.recordAttendanceChange(trx, invitation, 'family_attendance', { source }, actor, moment);
    return { ...invitation, ...change };
  }

  private async insert(trx: Executor, family: DonorFamilyRow, ceremony: Ceremony, year: number, actor: Actor, moment: WriteMoment): Promise<FamilyInvitationRow> {
    const row: FamilyInvitationRow = {
      id: randomUUID(),
      family_id: family.id,
      ceremony,
      year,
      code: await freshInvitationCode(trx),
      state: 'invited',
      invited_at: moment.at,
      invited_by: actor.id,
      answered_at: null,
      attended_at: null,
      attended_source: null,
      reopened_at: null,
    };
    await insertInvitation(trx, row);
    await this.recordAttendanceChange(trx, row, 'family_invite', {}, actor, moment);
    return row;
  }

  /** The audit entry (the detail names the ceremony and year, never a person) and the year's care summary. */
  private async recordAttendanceChange(
    trx: Executor,
    invitation: FamilyInvitationRow,
    action: 'family_invite' | 'family_invitation_answer' | 'family_attendance',
    detail: Record<string, unknown>,
    actor: Actor,
    moment: WriteMoment,
  ): Promise<void> {
    await this.ctx.audit.append(trx, {
      actor,
      stationCode: moment.station.code,
      action,
      objectType: 'family_invitation',
      objectId: invitation.id,
      detail: { familyId: invitation.family_id, ceremony: invitation.ceremony, year: invitation.year, ...detail },
    });
    await queueCareYear(trx, this.ctx.protection, { id: invitation.family_id, station_code: moment.station.code }, invitation.year, moment.at);
  }

  private async requireInvitation(trx: Executor, id: string): Promise<FamilyInvitationRow> {
    const invitation = await findInvitation(trx, id);
    if (invitation === undefined) throw new AppError('not_found');
    return invitation;
  }
}
