import type { Kysely } from 'kysely';
import { SYSTEM_ACTOR_ROLE } from '../../shared/domain/audit';
import { retentionCutoff } from '../../shared/domain/visitors';
import type { StationDatabase } from '../db/schema';
import { deleteUnapprovedVisitorMessagesBefore } from '../db/repositories/visitor-messages';
import { deleteVisitorSignInsBefore } from '../db/repositories/visitors';
import type { Actor, AuditTrail } from './audit';
import type { Clock } from './clock';
import type { StationSettings } from './settings';
import type { StationService } from './station';

export interface RetentionPurge {
  retentionDays: number;
  /** Sign-ins made before this instant were removed. */
  cutoff: string;
  signIns: number;
  messages: number;
}

/** The station itself runs the purge, not a person. */
const RETENTION_ACTOR: Actor = { id: null, role: SYSTEM_ACTOR_ROLE };

/**
 * Removes visitor sign-ins kept longer than the configured period, with their messages unless the
 * message is approved: an approved message is public wall content that carries only a masked name,
 * and survives unlinked from its sign-in, so a year on the wall does not empty it. Pending and
 * rejected messages were never published and go with their visit.
 */
export class VisitorRetention {
  constructor(
    private readonly db: Kysely<StationDatabase>,
    private readonly clock: Clock,
    private readonly station: StationService,
    private readonly settings: StationSettings,
    private readonly audit: AuditTrail,
  ) {}

  /**
   * One purge in one transaction, with one audit entry saying how many went (none when nothing was
   * old enough). Null before the station is set up.
   */
  async purge(actor: Actor = RETENTION_ACTOR): Promise<RetentionPurge | null> {
    const station = await this.station.get();
    if (!station) return null;
    const now = this.clock.now();
    return this.db.transaction().execute(async (trx) => {
      const { visitorRetentionDays } = await this.settings.memorial(trx);
      const cutoff = retentionCutoff(now, visitorRetentionDays);
      const messages = await deleteUnapprovedVisitorMessagesBefore(trx, cutoff);
      const signIns = await deleteVisitorSignInsBefore(trx, cutoff);
      if (signIns + messages > 0) {
        await this.audit.append(trx, {
          actor,
          stationCode: station.code,
          action: 'retention_purge',
          objectType: 'visitor_sign_in',
          detail: { count: signIns, messages, retentionDays: visitorRetentionDays, cutoff },
        });
      }
      return { retentionDays: visitorRetentionDays, cutoff, signIns, messages };
    });
  }
}
