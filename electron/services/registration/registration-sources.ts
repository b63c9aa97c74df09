import type { CallOutput, ParsedInput } from '../../../shared/contract/calls';
import type { ValidationReason } from '../../../shared/validation/reasons';
import { addCalendarDays, type CalendarDate } from '../../../shared/domain/age';
import { HEARD_FROM_SESSION_DAYS, type HeardFromKind } from '../../../shared/domain/registration';
import type { RegistrationRow } from '../../db/rows';
import type { Executor } from '../../db/repositories/executor';
import { sessionsHeldBetween, sourceSessionsByIds } from '../../db/repositories/registration-sources';
import { findSession } from '../../db/repositories/education';
import { AppError } from '../kernel/errors';

type HeardFromInput = ParsedInput<'registration:create'>['heardFrom'];
type HeardFromView = CallOutput<'person:get'>['registrations'][number]['heardFrom'];
type RecentSession = CallOutput<'registration:options'>['recentSessions'][number];

/** The kiosk lists at most this many sessions; older ones within the window are still accepted. */
const MAX_LISTED_SESSIONS = 100;

/** The columns of a registration that hold the answer. */
export interface HeardFromColumns {
  heard_from: HeardFromKind | null;
  heard_from_session_id: string | null;
}

/** The first day whose sessions still count on `today`. */
function windowStart(today: CalendarDate): CalendarDate {
  return addCalendarDays(today, -HEARD_FROM_SESSION_DAYS);
}

/** The station's sessions of the last days that a registrant may name: id, title and date, nothing more. */
export async function recentSourceSessions(db: Executor, stationCode: string, today: CalendarDate): Promise<RecentSession[]> {
  const rows = await sessionsHeldBetween(db, stationCode, windowStart(today), today, MAX_LISTED_SESSIONS);
  return rows.map((row) => ({ id: row.id, title: row.title, date: row.session_date }));
}

/**
 * The answer as it is stored on each registration of the call. A named session must be one of this
 * station's, held within the last {@link HEARD_FROM_SESSION_DAYS} days (today included) and not cancelled.
 */
export async function resolveHeardFrom(trx: Executor, heardFrom: HeardFromInput, stationCode: string, today: CalendarDate): Promise<HeardFromColumns> {
  if (heardFrom === null) return { heard_from: null, heard_from_session_id: null };
  if (heardFrom.kind !== 'session') return { heard_from: heardFrom.kind, heard_from_session_id: null };
  const session = await findSession(trx, heardFrom.sessionId);
  const refusal: ValidationReason | null =
    session === undefined || session.station_code !== stationCode
      ? 'heard_from_session_unknown'
      : session.state === 'cancelled'
        ? 'heard_from_session_cancelled'
        : session.session_date > today
          ? 'heard_from_session_upcoming'
          : session.session_date < windowStart(today)
            ? 'heard_from_session_too_old'
            : null;
  if (refusal !== null) throw new AppError('validation_failed', 'invalid input', [{ path: 'heardFrom.sessionId', reason: refusal }]);
  return { heard_from: 'session', heard_from_session_id: heardFrom.sessionId };
}

/** The answers of registrations as staff read them, by registration id; a session named by its title and date. */
export async function heardFromViews(db: Executor, rows: RegistrationRow[]): Promise<Map<string, HeardFromView>> {
  const sessionIds = [...new Set(rows.flatMap((row) => (row.heard_from_session_id === null ? [] : [row.heard_from_session_id])))];
  const sessions = new Map((await sourceSessionsByIds(db, sessionIds)).map((session) => [session.id, session]));
  return new Map(
    rows.map((row): [string, HeardFromView] => {
      if (row.heard_from === null) return [row.id, null];
      const session = row.heard_from_session_id === null ? undefined : sessions.get(row.heard_from_session_id);
      return [
        row.id,
        { kind: row.heard_from, session: session ? { id: session.id, title: session.title, date: session.session_date } : null },
      ];
    }),
  );
}
