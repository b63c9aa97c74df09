import { randomUUID } from 'node:crypto';
import type { ParsedInput } from '../../../shared/contract/calls';
import type { AuditAction } from '../../../shared/domain/audit';
import { canChangeSession, sessionDate, type SessionState } from '../../../shared/domain/education';
import { stationDate } from '../../../shared/domain/age';
import type { EducationSessionRow } from '../../db/rows';
import { findSession, insertSession, updateSession, type SessionChange } from '../../db/repositories/education';
import type { Executor } from '../../db/repositories/executor';
import type { Actor } from '../kernel/audit';
import { toSessionView, type SessionView } from './education-views';
import { AppError } from '../kernel/errors';
import { queueForSync } from '../kernel/outbox';
import { writeAs, type StationContext } from '../kernel/context';

type SessionFields = ParsedInput<'education:schedule'>;

/** The session's details as stored: times normalised to UTC ISO strings, the day derived from the start. */
function storedFields(input: SessionFields) {
  const startsAt = new Date(input.startsAt).toISOString();
  return {
    title: input.title,
    starts_at: startsAt,
    ends_at: new Date(input.endsAt).toISOString(),
    session_date: sessionDate(startsAt),
    venue: input.venue,
    host: input.host,
    audience_kind: input.audienceKind,
    expected_head_count: input.expectedHeadCount,
  };
}

/**
 * Staff schedule life-education sessions, change them and cancel them before they start. Every change
 * commits with its audit entry and its outbox entry (kind `education_session`).
 */
export class EducationSchedule {
  constructor(private readonly ctx: StationContext) {}

  /** Schedules a session on today's date or later (Beijing time). */
  async schedule(input: SessionFields, actor: Actor): Promise<SessionView> {
    const station = await this.ctx.station.require();
    const now = this.ctx.clock.now();
    const fields = storedFields(input);
    refusePastDay(fields.session_date, now);
    const at = now.toISOString();
    const row: EducationSessionRow = {
      id: randomUUID(),
      station_code: station.code,
      ...fields,
      state: 'scheduled',
      cancel_reason: null,
      cancelled_at: null,
      cancelled_by: null,
      version: 1,
      created_at: at,
      created_by: actor.id,
      updated_at: at,
    };
    await this.ctx.db.transaction().execute(async (trx) => {
      await insertSession(trx, row);
      await this.journal(trx, row, null, 'create', actor);
    });
    return toSessionView(row);
  }

  /** New details for a session that has not started, from the version the screen read. */
  async update(input: ParsedInput<'education:update'>, actor: Actor): Promise<SessionView> {
    const now = this.ctx.clock.now();
    const fields = storedFields(input);
    refusePastDay(fields.session_date, now);
    return this.change(input.sessionId, input.version, actor, 'amend', () => fields, null);
  }

  /** Cancels a session that has not started, with the reason (sealed); final. */
  async cancel(input: ParsedInput<'education:cancel'>, actor: Actor): Promise<SessionView> {
    const at = this.ctx.clock.now().toISOString();
    const state: SessionState = 'cancelled';
    return this.change(
      input.sessionId,
      input.version,
      actor,
      'cancel',
      () => ({ state, cancel_reason: this.ctx.protection.seal(input.reason, 'education_session.cancel_reason'), cancelled_at: at, cancelled_by: actor.id }),
      input.reason,
    );
  }

  /** Loads the session, checks it may still change and is the version the screen read, applies and journals the change. */
  private async change(
    sessionId: string,
    version: number,
    actor: Actor,
    action: 'amend' | 'cancel',
    decide: () => Omit<SessionChange, 'version' | 'updated_at'>,
    cancelReason: string | null,
  ): Promise<SessionView> {
    return writeAs(this.ctx, async (trx, { now }) => {
      const current = await findSession(trx, sessionId);
      if (!current) throw new AppError('not_found');
      if (current.state === 'cancelled') throw new AppError('session_cancelled');
      if (!canChangeSession({ startsAt: current.starts_at, endsAt: current.ends_at, state: 'scheduled' }, now)) {
        throw new AppError('session_already_started');
      }
      if (current.version !== version) throw new AppError('version_conflict');
      const change: SessionChange = { ...decide(), version: current.version + 1, updated_at: now.toISOString() };
      if (!(await updateSession(trx, current.id, current.version, change))) throw new AppError('version_conflict');
      const row: EducationSessionRow = { ...current, ...change };
      await this.journal(trx, row, cancelReason, action, actor);
      return toSessionView(row);
    });
  }

  /** The audit entry and the outbox entry of a change, in its transaction; the province gets the reason in plain text. */
  private async journal(trx: Executor, row: EducationSessionRow, cancelReason: string | null, action: AuditAction, actor: Actor): Promise<void> {
    await queueForSync(trx, this.ctx.protection, {
      kind: 'education_session',
      entityId: row.id,
      version: row.version,
      payload: { ...row, cancel_reason: cancelReason },
      createdAt: row.updated_at,
    });
    await this.ctx.audit.append(trx, { actor, stationCode: row.station_code, action, objectType: 'education_session', objectId: row.id });
  }
}

/** How far ahead a session may be scheduled: a later date is a typing slip (9999, 2100), not a plan. */
const MAX_YEARS_AHEAD = 2;

/**
 * A session is scheduled for today or later (the day of one already over cannot be checked in or
 * surveyed), and at most MAX_YEARS_AHEAD years ahead. Both compare station calendar dates.
 */
function refusePastDay(date: string, now: Date): void {
  const today = stationDate(now);
  if (date < today) {
    throw new AppError('validation_failed', 'invalid input', [{ path: 'startsAt', reason: 'session_start_past' }]);
  }
  // Same month and day, MAX_YEARS_AHEAD years on; as text it also orders correctly for 29 February.
  const latest = `${String(Number(today.slice(0, 4)) + MAX_YEARS_AHEAD).padStart(4, '0')}${today.slice(4)}`;
  if (date > latest) {
    throw new AppError('validation_failed', 'invalid input', [{ path: 'startsAt', reason: 'session_start_too_far' }]);
  }
}
