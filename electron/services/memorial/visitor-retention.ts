import { SYSTEM_ACTOR_ROLE } from '../../../shared/domain/audit';
import { retentionCutoff } from '../../../shared/domain/visitors';
import type { Executor } from '../../db/repositories/executor';
import { readSetting, writeSetting } from '../../db/repositories/settings';
import { deleteUnapprovedVisitorMessagesBefore } from '../../db/repositories/visitor-messages';
import { deleteVisitorSignInsBefore } from '../../db/repositories/visitors';
import type { Actor } from '../kernel/audit';
import { DAY_MS } from '../kernel/retention-schedule';
import type { StationContext } from '../kernel/context';

/** Why a purge removed nothing although the wall clock said it was due: the clock is not trusted. */
export type PurgeRefusal = 'clock_jumped' | 'would_empty_log';

export interface RetentionPurge {
  retentionDays: number;
  /** Sign-ins made before this instant were removed (when refused: the cutoff the clock asked for, not applied). */
  cutoff: string;
  signIns: number;
  messages: number;
  refused?: PurgeRefusal;
}

/** Where the station remembers its last purge (`station_setting`): when it ran, by the wall clock then. */
export const LAST_PURGE_SETTING = 'memorial.lastRetentionPurgeAt';

/** The wall clock is not trusted to purge when it is further than this past both the last purge and the newest visit. */
export const MAX_CLOCK_JUMP_DAYS = 366;
/** One run moves the cutoff at most this far past the oldest visit kept, so a wrong clock cannot empty the log at once. */
export const MAX_CUTOFF_STEP_DAYS = 183;

interface VisitSpan {
  oldest: string;
  newest: string;
}

async function visitSpan(trx: Executor): Promise<VisitSpan | null> {
  const row = await trx
    .selectFrom('visitor_sign_in')
    .select((eb) => [eb.fn.min<string>('visited_at').as('oldest'), eb.fn.max<string>('visited_at').as('newest')])
    .executeTakeFirst();
  return row?.oldest && row.newest ? { oldest: row.oldest, newest: row.newest } : null;
}

function later(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a > b ? a : b;
}

/**
 * Whether `now` can be trusted to purge. A clock that jumped forward (a dead clock battery, a wrong year
 * typed in) would otherwise delete every sign-in at once, for good. It cannot be trusted when it is far past
 * everything the station last saw (its last purge, its newest visit), or when the cutoff it gives is past the
 * newest visit: the whole log would go, which a station in use never asks for. A clock that went back only
 * asks for less and is let through.
 */
function distrustedClock(now: Date, cutoff: string, lastPurgeAt: string | undefined, visits: VisitSpan | null): PurgeRefusal | null {
  const lastSeen = later(lastPurgeAt, visits?.newest);
  if (lastSeen !== undefined && now.getTime() - Date.parse(lastSeen) > MAX_CLOCK_JUMP_DAYS * DAY_MS) return 'clock_jumped';
  if (visits && cutoff > visits.newest) return 'would_empty_log';
  return null;
}

/** The cutoff moved at most MAX_CUTOFF_STEP_DAYS past the oldest visit kept. */
function limitedCutoff(cutoff: string, visits: VisitSpan | null): string {
  if (!visits) return cutoff;
  const furthest = new Date(Date.parse(visits.oldest) + MAX_CUTOFF_STEP_DAYS * DAY_MS).toISOString();
  return cutoff < furthest ? cutoff : furthest;
}

/** The station itself runs the purge, not a person. */
const RETENTION_ACTOR: Actor = { id: null, role: SYSTEM_ACTOR_ROLE };

/**
 * Removes visitor sign-ins kept longer than the configured period, with their messages unless the
 * message is approved: an approved message is public wall content that carries only a masked name,
 * and survives unlinked from its sign-in, so a year on the wall does not empty it. Pending and
 * rejected messages were never published and go with their visit. The purge runs on the wall clock, so
 * it checks that clock against what the station last saw first (see distrustedClock) and moves the cutoff
 * a bounded step per run: a wrong clock costs a late purge, never the whole log.
 */
export class VisitorRetention {
  constructor(private readonly ctx: StationContext) {}

  /**
   * One purge in one transaction, with one audit entry saying how many went (none when nothing was
   * old enough), or that the clock was not trusted and nothing went. Null before the station is set up.
   */
  async purge(actor: Actor = RETENTION_ACTOR): Promise<RetentionPurge | null> {
    const station = await this.ctx.station.get();
    if (!station) return null;
    const now = this.ctx.clock.now();
    return this.ctx.db.transaction().execute(async (trx) => {
      const { visitorRetentionDays } = await this.ctx.settings.memorial(trx);
      const lastPurgeAt = await readSetting(trx, LAST_PURGE_SETTING);
      const visits = await visitSpan(trx);
      const asked = retentionCutoff(now, visitorRetentionDays);
      const refused = distrustedClock(now, asked, lastPurgeAt, visits);
      if (refused) {
        await this.ctx.audit.append(trx, {
          actor,
          stationCode: station.code,
          action: 'retention_purge',
          objectType: 'visitor_sign_in',
          detail: { count: 0, messages: 0, retentionDays: visitorRetentionDays, cutoff: asked, refused, now: now.toISOString(), lastPurgeAt: lastPurgeAt ?? null, newestVisitAt: visits?.newest ?? null },
        });
        return { retentionDays: visitorRetentionDays, cutoff: asked, signIns: 0, messages: 0, refused };
      }
      const cutoff = limitedCutoff(asked, visits);
      const messages = await deleteUnapprovedVisitorMessagesBefore(trx, cutoff);
      const signIns = await deleteVisitorSignInsBefore(trx, cutoff);
      if (signIns + messages > 0) {
        await this.ctx.audit.append(trx, {
          actor,
          stationCode: station.code,
          action: 'retention_purge',
          objectType: 'visitor_sign_in',
          detail: { count: signIns, messages, retentionDays: visitorRetentionDays, cutoff },
        });
      }
      // Never moved back by a clock that went back: the last purge stays the latest moment the station saw.
      await writeSetting(trx, LAST_PURGE_SETTING, later(lastPurgeAt, now.toISOString()) as string, now.toISOString());
      return { retentionDays: visitorRetentionDays, cutoff, signIns, messages };
    });
  }
}
