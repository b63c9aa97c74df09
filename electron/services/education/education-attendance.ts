import { randomUUID } from 'node:crypto';
import type { CallOutput, ParsedInput } from '../../../shared/contract/calls';
import { stationDate } from '../../../shared/domain/age';
import {
  canCheckIn,
  canCountWalkIns,
  isSurveyOpen,
  type AgeBand,
  type SessionTimes,
} from '../../../shared/domain/education';
import type { EducationGroupRow, EducationSessionRow, EducationSurveyRow, EducationWalkInRow } from '../../db/rows';
import { findGroup, findSession, groupsOf, insertGroup, insertSurvey, insertWalkIn, sessionsOn, walkInsOf } from '../../db/repositories/education';
import type { Executor } from '../../db/repositories/executor';
import type { Actor } from '../kernel/audit';
import type { EducationRecords } from './education-records';
import type { SurveyCoolDown } from './education-survey-guard';
import { AppError } from '../kernel/errors';
import { queueForSync } from '../kernel/outbox';
import { writeAs, type StationContext } from '../kernel/context';

function timesOf(row: EducationSessionRow): SessionTimes {
  return { startsAt: row.starts_at, endsAt: row.ends_at, state: row.state };
}

/**
 * Who attended a session and what they thought of it: today's sessions at the kiosk, group check-in
 * (contact adult sealed), walk-ins counted by staff, and the five-point survey. Each record commits
 * with its audit entry and its outbox entry.
 */
export class EducationAttendance {
  constructor(
    private readonly ctx: StationContext,
    private readonly records: EducationRecords,
    private readonly surveyCoolDown: SurveyCoolDown,
  ) {}

  /** Today's sessions (Beijing date) as the public kiosk shows them, cancelled ones marked. */
  async today(): Promise<CallOutput<'education:today'>> {
    const now = this.ctx.clock.now();
    const date = stationDate(now);
    const rows = await sessionsOn(this.ctx.db, date);
    return {
      date,
      sessions: rows.map((row) => ({
        id: row.id,
        title: row.title,
        startsAt: row.starts_at,
        endsAt: row.ends_at,
        venue: row.venue,
        host: row.host,
        audienceKind: row.audience_kind,
        state: row.state,
        checkInOpen: canCheckIn(timesOf(row), now),
        surveyOpen: isSurveyOpen(timesOf(row), now),
      })),
    };
  }

  /** A group checks in on the day of its session; the contact adult's name and phone are sealed. */
  async checkIn(input: ParsedInput<'education:checkIn'>, actor: Actor): Promise<CallOutput<'education:checkIn'>> {
    return writeAs(this.ctx, async (trx, { station, now }) => {
      const session = await this.openSession(trx, input.sessionId);
      if (!canCheckIn(timesOf(session), now)) throw new AppError('check_in_closed');
      // A teacher tapping again after "done" would count the class twice: the kiosk asks before a repeat.
      if (!input.confirmRepeat && (await this.alreadyCheckedIn(trx, session.id, input.organisation, input.contactPhone))) {
        throw new AppError('group_already_checked_in');
      }
      const row: EducationGroupRow = {
        id: randomUUID(),
        session_id: session.id,
        station_code: session.station_code,
        organisation: input.organisation,
        contact_name: this.ctx.protection.seal(input.contactName, 'education_group.contact_name'),
        contact_phone: this.ctx.protection.seal(input.contactPhone, 'education_group.contact_phone'),
        head_count: input.headCount,
        age_band: input.ageBand,
        checked_in_at: now.toISOString(),
        checked_in_by: actor.id,
      };
      await insertGroup(trx, row);
      await this.journal(trx, station.code, 'education_group', row.id, row.checked_in_at, { ...row, contact_name: input.contactName, contact_phone: input.contactPhone }, actor);
      return {
        id: row.id,
        sessionId: row.session_id,
        organisation: row.organisation,
        headCount: row.head_count,
        ageBand: row.age_band as AgeBand,
        checkedInAt: row.checked_in_at,
      };
    });
  }

  /** Walk-ins counted by staff once the session has started; a correction never takes the total below zero. */
  async addWalkIns(input: ParsedInput<'education:addWalkIns'>, actor: Actor): Promise<CallOutput<'education:addWalkIns'>> {
    return writeAs(this.ctx, async (trx, { station, now }) => {
      const session = await this.openSession(trx, input.sessionId);
      if (!canCountWalkIns(timesOf(session), now)) throw new AppError('session_not_started');
      const counted = (await walkInsOf(trx, [session.id])).reduce((total, entry) => total + entry.count, 0);
      if (counted + input.count < 0) {
        throw new AppError('validation_failed', 'invalid input', [{ path: 'count', reason: 'walk_in_total_negative' }]);
      }
      const row: EducationWalkInRow = {
        id: randomUUID(),
        session_id: session.id,
        station_code: session.station_code,
        count: input.count,
        recorded_at: now.toISOString(),
        recorded_by: actor.id,
      };
      await insertWalkIn(trx, row);
      await this.journal(trx, station.code, 'education_walk_in', row.id, row.recorded_at, row, actor);
      return this.records.detail(session.id, trx);
    });
  }

  /**
   * One survey answer, from the start of the session until the end of its day; the comment is sealed.
   * `callerKey` names the kiosk window or tab: it answers a session once within the cool-down.
   */
  async answerSurvey(input: ParsedInput<'education:survey'>, actor: Actor, callerKey: string): Promise<CallOutput<'education:survey'>> {
    const station = await this.ctx.station.require();
    const now = this.ctx.clock.now();
    return this.surveyCoolDown.run(callerKey, input.sessionId, () =>
      this.ctx.db.transaction().execute(async (trx) => {
        const session = await this.openSession(trx, input.sessionId);
        if (!isSurveyOpen(timesOf(session), now)) throw new AppError('survey_closed');
        const row: EducationSurveyRow = {
          id: randomUUID(),
          session_id: session.id,
          station_code: session.station_code,
          score: input.score,
          comment: this.ctx.protection.sealOptional(input.comment, 'education_survey.comment'),
          answered_at: now.toISOString(),
        };
        await insertSurvey(trx, row);
        await this.journal(trx, station.code, 'education_survey', row.id, row.answered_at, { ...row, comment: input.comment }, actor);
        return { id: row.id, sessionId: row.session_id, answeredAt: row.answered_at };
      }),
    );
  }

  /** A group's contact adult in full, for staff who need to call them; every reveal is audited. */
  async revealContact(input: ParsedInput<'education:revealContact'>, actor: Actor): Promise<CallOutput<'education:revealContact'>> {
    return this.ctx.db.transaction().execute(async (trx) => {
      const group = await findGroup(trx, input.groupId);
      if (!group) throw new AppError('not_found');
      await this.ctx.audit.append(trx, { actor, stationCode: group.station_code, action: 'view_unmasked', objectType: 'education_group', objectId: group.id });
      return {
        groupId: group.id,
        contactName: this.ctx.protection.open(group.contact_name, 'education_group.contact_name'),
        contactPhone: this.ctx.protection.open(group.contact_phone, 'education_group.contact_phone'),
      };
    });
  }

  /** Whether the same organisation with the same contact phone has checked in to the session already. */
  private async alreadyCheckedIn(trx: Executor, sessionId: string, organisation: string, contactPhone: string): Promise<boolean> {
    const groups = await groupsOf(trx, [sessionId]);
    return groups.some(
      (group) => group.organisation === organisation && this.ctx.protection.open(group.contact_phone, 'education_group.contact_phone') === contactPhone,
    );
  }

  /** The session a record is for; a cancelled one takes no attendance. */
  private async openSession(trx: Executor, sessionId: string): Promise<EducationSessionRow> {
    const session = await findSession(trx, sessionId);
    if (!session) throw new AppError('not_found');
    if (session.state === 'cancelled') throw new AppError('session_cancelled');
    return session;
  }

  /** Queues the record for the province (personal fields in plain text, sealed in the outbox) and audits it. */
  private async journal(trx: Executor, stationCode: string, kind: 'education_group' | 'education_walk_in' | 'education_survey', id: string, at: string, payload: unknown, actor: Actor): Promise<void> {
    await queueForSync(trx, this.ctx.protection, { kind, entityId: id, version: 1, payload, createdAt: at });
    await this.ctx.audit.append(trx, { actor, stationCode, action: 'create', objectType: kind, objectId: id });
  }
}
