import { randomUUID } from 'node:crypto';
import type { CallOutput, ParsedInput } from '../../../shared/contract/calls';
import { stationDate } from '../../../shared/domain/age';
import { maskName } from '../../../shared/domain/masking';
import type { FamilyMemberInput } from '../../../shared/validation/family';
import {
  findFamily,
  findFamilyByRegistration,
  findMember,
  insertFamily,
  insertFamilyConsent,
  insertMember,
  insertMemberVersion,
  latestFamilies,
  registrationNumbersOf,
  reopenFutureFollowUps,
  sealedPersonalOf,
  stopOpenFollowUps,
  updateFamily,
  updateMember,
  type DonorFamilyRow,
} from '../../db/repositories/family';
import { findRegistration } from '../../db/repositories/registrations';
import type { Executor } from '../../db/repositories/executor';
import type { Actor } from '../kernel/audit';
import { writeAs, type StationContext, type WriteMoment } from '../kernel/context';
import { AppError } from '../kernel/errors';
import { layCarePlan, layEveryCarePlan, mayBeContacted } from './care-plan';
import { openDonorName, sealMemberDetails } from './family-records';
import { queueCareYear, queueDonorFamily } from './family-sync';
import { familyPage } from './family-view';

type FamilyView = CallOutput<'family:get'>;

/** The most families a search by name or number reads. */
const SEARCH_SCAN_LIMIT = 100_000;

/**
 * The donor family: opened once from a realised registration, its members (every version kept), its
 * consents (append-only, the latest per purpose stands) and its wish not to be contacted, which stops
 * every scheduled step. Every change commits with its audit entry and, where the province's record
 * changes, its outbox entry; every reading of a family's page is audited.
 */
export class FamilyService {
  constructor(private readonly ctx: StationContext) {}

  /** Opens the family of a realised registration with its members and lays its care plan from the donation date. */
  async open(input: ParsedInput<'family:open'>, actor: Actor): Promise<FamilyView> {
    const careSettings = await this.ctx.settings.read('familyCare');
    return writeAs(this.ctx, async (trx, moment) => {
      const registration = await findRegistration(trx, input.registrationId);
      if (registration === undefined) throw new AppError('not_found');
      if (registration.state !== 'realised' || registration.realised_on === null) throw new AppError('family_registration_not_realised');
      const existing = await findFamilyByRegistration(trx, registration.id);
      // The message names the family already open, so the screen can offer to go to it.
      if (existing !== undefined) throw new AppError('family_already_open', existing.id);
      const family: DonorFamilyRow = {
        id: randomUUID(),
        station_code: moment.station.code,
        registration_id: registration.id,
        person_id: registration.person_id,
        programme: registration.program as DonorFamilyRow['programme'],
        donated_on: registration.realised_on,
        preferred_channel: input.preferredChannel,
        do_not_contact: 0,
        do_not_contact_reason: null,
        version: 1,
        opened_at: moment.at,
        opened_by: actor.id,
        updated_at: moment.at,
      };
      await insertFamily(trx, family);
      for (const member of input.members) await this.insertNewMember(trx, family.id, member, actor, moment);
      await layCarePlan(trx, this.ctx.protection, family, careSettings, this.currentYear(moment), moment.at);
      await this.ctx.audit.append(trx, {
        actor,
        stationCode: moment.station.code,
        action: 'create',
        objectType: 'donor_family',
        objectId: family.id,
        detail: { registrationId: registration.id, programme: family.programme, memberCount: input.members.length },
      });
      await queueDonorFamily(trx, this.ctx.protection, family, moment.at);
      return familyPage(trx, this.ctx.protection, family);
    });
  }

  /** A family's page, unmasked for staff; the reading is audited (the detail names no one). */
  async get(input: ParsedInput<'family:get'>, actor: Actor): Promise<FamilyView> {
    const careSettings = await this.ctx.settings.read('familyCare');
    return writeAs(this.ctx, async (trx, moment) => {
      const family = await this.requireFamily(trx, input.familyId);
      await layCarePlan(trx, this.ctx.protection, family, careSettings, this.currentYear(moment), moment.at, 'yearly_visits');
      await this.ctx.audit.append(trx, { actor, stationCode: moment.station.code, action: 'family_view', objectType: 'donor_family', objectId: family.id });
      return familyPage(trx, this.ctx.protection, family);
    });
  }

  /** Families, newest first, the donor's name masked; a query matches part of the registration number or the whole name. */
  async list(input: ParsedInput<'family:list'>): Promise<CallOutput<'family:list'>> {
    const careSettings = await this.ctx.settings.read('familyCare');
    return writeAs(this.ctx, async (trx, moment) => {
      await layEveryCarePlan(trx, this.ctx.protection, careSettings, this.currentYear(moment), moment.at);
      const found = await latestFamilies(trx, input.query === null ? input.limit : SEARCH_SCAN_LIMIT);
      const numbers = await registrationNumbersOf(trx, found.rows.map((row) => row.registration_id));
      const personal = await sealedPersonalOf(trx, found.rows.map((row) => row.person_id));
      const summaries = found.rows.map((row) => {
        const name = openDonorName(this.ctx.protection, personal.get(row.person_id));
        return {
          name,
          summary: {
            id: row.id,
            registrationNumber: numbers.get(row.registration_id) ?? '',
            donorName: maskName(name),
            programme: row.programme,
            donatedOn: row.donated_on,
            doNotContact: row.do_not_contact === 1,
            nextDueOn: row.do_not_contact === 1 ? null : row.next_due_on,
          },
        };
      });
      if (input.query === null) return { total: found.total, families: summaries.map((entry) => entry.summary) };
      const query = input.query.toUpperCase();
      const matches = summaries.filter((entry) => entry.summary.registrationNumber.toUpperCase().includes(query) || entry.name === input.query);
      return { total: matches.length, families: matches.slice(0, input.limit).map((entry) => entry.summary) };
    });
  }

  /** The family opened from a registration, if any. */
  async fromRegistration(input: ParsedInput<'family:fromRegistration'>): Promise<CallOutput<'family:fromRegistration'>> {
    return { familyId: (await findFamilyByRegistration(this.ctx.db, input.registrationId))?.id ?? null };
  }

  /** A new member of the family. */
  async addMember(input: ParsedInput<'family:addMember'>, actor: Actor): Promise<FamilyView> {
    return writeAs(this.ctx, async (trx, moment) => {
      const family = await this.requireFamily(trx, input.familyId);
      const memberId = await this.insertNewMember(trx, family.id, input.member, actor, moment);
      const changed = await this.nextVersion(trx, family, {}, moment);
      await this.audit(trx, actor, moment, 'amend', changed.id, { memberId, change: 'member_added' });
      await queueDonorFamily(trx, this.ctx.protection, changed, moment.at);
      return familyPage(trx, this.ctx.protection, changed);
    });
  }

  /** Replaces a member's details with a new version; the earlier version is kept, sealed. */
  async updateMember(input: ParsedInput<'family:updateMember'>, actor: Actor): Promise<FamilyView> {
    return writeAs(this.ctx, async (trx, moment) => {
      const family = await this.requireFamily(trx, input.familyId);
      const current = await findMember(trx, input.memberId);
      if (current === undefined || current.family_id !== family.id) throw new AppError('not_found');
      const version = current.version + 1;
      const fields = this.memberFields(input.member);
      const updated = await updateMember(trx, current.id, current.version, {
        ...fields,
        details: sealMemberDetails(this.ctx.protection, input.member, 'family_member.details'),
        version,
        updated_at: moment.at,
      });
      if (!updated) throw new AppError('version_conflict');
      await insertMemberVersion(trx, {
        member_id: current.id,
        version,
        ...fields,
        details: sealMemberDetails(this.ctx.protection, input.member, 'family_member_version.details'),
        at: moment.at,
        actor_id: actor.id,
      });
      await this.audit(trx, actor, moment, 'amend', family.id, { memberId: current.id, change: 'member_updated', version });
      return familyPage(trx, this.ctx.protection, family);
    });
  }

  /**
   * Records the family's wish not to be contacted (every open follow-up stops, no contact or invitation
   * can be recorded) or its wish to be contacted again (follow-ups still ahead re-open; those past stay
   * stopped). The reason is sealed.
   */
  async setDoNotContact(input: ParsedInput<'family:setDoNotContact'>, actor: Actor): Promise<FamilyView> {
    return writeAs(this.ctx, async (trx, moment) => {
      const family = await this.requireFamily(trx, input.familyId);
      const changed = await this.nextVersion(
        trx,
        family,
        {
          do_not_contact: input.doNotContact ? 1 : 0,
          do_not_contact_reason: this.ctx.protection.seal(input.reason, 'donor_family.do_not_contact_reason'),
        },
        moment,
      );
      const followUps = await this.applyContactWish(trx, changed, moment);
      await this.audit(trx, actor, moment, 'family_do_not_contact', changed.id, { doNotContact: input.doNotContact, ...followUps });
      await queueDonorFamily(trx, this.ctx.protection, changed, moment.at);
      await queueCareYear(trx, this.ctx.protection, changed, this.currentYear(moment), moment.at);
      return familyPage(trx, this.ctx.protection, changed);
    });
  }

  /** A consent given or refused by a member of the family; a refused `contact` stops the care plan as do-not-contact does. */
  async consent(input: ParsedInput<'family:consent'>, actor: Actor): Promise<FamilyView> {
    return writeAs(this.ctx, async (trx, moment) => {
      if (input.givenOn > stationDate(moment.now)) {
        throw new AppError('validation_failed', 'invalid input', [{ path: 'givenOn', reason: 'consent_date' }]);
      }
      const family = await this.requireFamily(trx, input.familyId);
      const member = await findMember(trx, input.memberId);
      if (member === undefined || member.family_id !== family.id) throw new AppError('not_found');
      await insertFamilyConsent(trx, {
        id: randomUUID(),
        family_id: family.id,
        member_id: member.id,
        purpose: input.purpose,
        granted: input.granted ? 1 : 0,
        given_on: input.givenOn,
        text_version: input.textVersion,
        recorded_at: moment.at,
        recorded_by: actor.id,
      });
      const changed = await this.nextVersion(trx, family, {}, moment);
      const followUps = input.purpose === 'contact' ? await this.applyContactWish(trx, changed, moment) : {};
      await this.audit(trx, actor, moment, 'consent_change', changed.id, { purpose: input.purpose, granted: input.granted, memberId: member.id, ...followUps });
      await queueDonorFamily(trx, this.ctx.protection, changed, moment.at);
      if (input.purpose === 'contact') await queueCareYear(trx, this.ctx.protection, changed, this.currentYear(moment), moment.at);
      return familyPage(trx, this.ctx.protection, changed);
    });
  }

  /**
   * Brings the care plan in line with whether the family may be contacted: stops every open follow-up
   * when it may not, re-opens those still ahead when it may again.
   */
  private async applyContactWish(trx: Executor, family: DonorFamilyRow, moment: WriteMoment): Promise<{ stopped?: number; reopened?: number }> {
    if (!(await mayBeContacted(trx, family))) return { stopped: await stopOpenFollowUps(trx, family.id, moment.at) };
    return { reopened: await reopenFutureFollowUps(trx, family.id, stationDate(moment.now)) };
  }

  private async insertNewMember(trx: Executor, familyId: string, member: FamilyMemberInput, actor: Actor, moment: WriteMoment): Promise<string> {
    const id = randomUUID();
    const fields = this.memberFields(member);
    await insertMember(trx, {
      id,
      family_id: familyId,
      ...fields,
      details: sealMemberDetails(this.ctx.protection, member, 'family_member.details'),
      version: 1,
      created_at: moment.at,
      updated_at: moment.at,
    });
    await insertMemberVersion(trx, {
      member_id: id,
      version: 1,
      ...fields,
      details: sealMemberDetails(this.ctx.protection, member, 'family_member_version.details'),
      at: moment.at,
      actor_id: actor.id,
    });
    return id;
  }

  private memberFields(member: FamilyMemberInput) {
    return {
      relation_code: member.relationCode,
      is_executor: member.isExecutor ? 1 : 0,
      consented: member.consented ? 1 : 0,
      do_not_contact: member.doNotContact ? 1 : 0,
    };
  }

  /** The family at its next version with `change` applied; refused when another write moved it meanwhile. */
  private async nextVersion(trx: Executor, family: DonorFamilyRow, change: Partial<DonorFamilyRow>, moment: WriteMoment): Promise<DonorFamilyRow> {
    const next = { ...change, version: family.version + 1, updated_at: moment.at };
    if (!(await updateFamily(trx, family.id, family.version, next))) throw new AppError('version_conflict');
    return { ...family, ...next };
  }

  private async requireFamily(trx: Executor, id: string): Promise<DonorFamilyRow> {
    const family = await findFamily(trx, id);
    if (family === undefined) throw new AppError('not_found');
    return family;
  }

  private async audit(trx: Executor, actor: Actor, moment: WriteMoment, action: 'amend' | 'consent_change' | 'family_do_not_contact', familyId: string, detail: Record<string, unknown>): Promise<void> {
    await this.ctx.audit.append(trx, { actor, stationCode: moment.station.code, action, objectType: 'donor_family', objectId: familyId, detail });
  }

  private currentYear(moment: WriteMoment): number {
    return Number(stationDate(moment.now).slice(0, 4));
  }
}
