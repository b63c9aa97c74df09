import type { CallOutput, ParsedInput } from '../../../shared/contract/calls';
import { canChangeSession, canCountWalkIns } from '../../../shared/domain/education';
import { countSessions, findSession, groupsOf, listSessions, surveyCommentsOf, walkInsOf } from '../../db/repositories/education';
import type { Executor } from '../../db/repositories/executor';
import type { Actor } from '../kernel/audit';
import { readGroupViews, readSessionSummaries, readSessionSummary, readWalkInViews } from './education-views';
import { AppError } from '../kernel/errors';
import type { StationContext } from '../kernel/context';

type SessionDetail = CallOutput<'education:get'>;

/** The staff read model of sessions: the list with head counts and survey figures, and one session in full (masked). */
export class EducationRecords {
  constructor(private readonly ctx: StationContext) {}

  /** Upcoming (or running) sessions soonest first, or past ones latest first. */
  async list(input: ParsedInput<'education:list'>): Promise<CallOutput<'education:list'>> {
    const now = this.ctx.clock.now().toISOString();
    const [rows, total] = await Promise.all([listSessions(this.ctx.db, input.period, now, input.limit), countSessions(this.ctx.db, input.period, now)]);
    return { total, sessions: await readSessionSummaries(this.ctx.db, rows) };
  }

  /** One session with its groups (contact adults masked), walk-ins and survey figures. Pass `db` when inside a transaction. */
  async detail(sessionId: string, db: Executor = this.ctx.db): Promise<SessionDetail> {
    const row = await findSession(db, sessionId);
    if (!row) throw new AppError('not_found');
    const now = this.ctx.clock.now();
    const times = { startsAt: row.starts_at, endsAt: row.ends_at, state: row.state };
    const [groups, walkIns] = await Promise.all([groupsOf(db, [row.id]), walkInsOf(db, [row.id])]);
    return {
      session: await readSessionSummary(db, row),
      cancelReason: this.ctx.protection.openOptional(row.cancel_reason, 'education_session.cancel_reason'),
      canChange: canChangeSession(times, now),
      canCountWalkIns: canCountWalkIns(times, now),
      groups: await readGroupViews(db, this.ctx.protection, groups),
      walkIns: await readWalkInViews(db, walkIns),
    };
  }

  /**
   * The comments left with a session's survey, opened for staff. A comment names no one, but it is free
   * text a visitor typed and is kept sealed: each reading is audited, as the reading of visitors' messages is.
   */
  async surveyComments(sessionId: string, actor: Actor): Promise<CallOutput<'education:surveyComments'>> {
    return this.ctx.db.transaction().execute(async (trx) => {
      const session = await findSession(trx, sessionId);
      if (!session) throw new AppError('not_found');
      const rows = await surveyCommentsOf(trx, session.id);
      await this.ctx.audit.append(trx, {
        actor,
        stationCode: session.station_code,
        action: 'view',
        objectType: 'education_session',
        objectId: session.id,
        detail: { field: 'survey_comments', count: rows.length },
      });
      return {
        sessionId: session.id,
        comments: rows.map((row) => ({
          id: row.id,
          score: row.score,
          comment: this.ctx.protection.open(row.comment, 'education_survey.comment'),
          answeredAt: row.answered_at,
        })),
      };
    });
  }
}
