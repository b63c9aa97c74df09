import type { Executor } from './executor';

/** A session as the "how did you hear of us" question names it: no venue, host or attendance. */
export interface SourceSessionRow {
  id: string;
  station_code: string;
  title: string;
  session_date: string;
  state: string;
}

/** The station's sessions held from `from` to `to` (station dates, inclusive) and not cancelled, latest first. */
export async function sessionsHeldBetween(db: Executor, stationCode: string, from: string, to: string, limit: number): Promise<SourceSessionRow[]> {
  return db
    .selectFrom('education_session')
    .select(['id', 'station_code', 'title', 'session_date', 'state'])
    .where('session_date', '>=', from)
    .where('session_date', '<=', to)
    .where('station_code', '=', stationCode)
    .where('state', '=', 'scheduled')
    .orderBy('session_date', 'desc')
    .orderBy('starts_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
}

export async function sourceSessionsByIds(db: Executor, ids: string[]): Promise<SourceSessionRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('education_session').select(['id', 'station_code', 'title', 'session_date', 'state']).where('id', 'in', ids).execute();
}
