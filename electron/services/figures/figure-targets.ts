import type { Kysely } from 'kysely';
import type { FigureTargetSettings } from '../../../shared/domain/figures';
import type { StationDatabase } from '../../db/schema';
import type { Executor } from '../../db/repositories/executor';
import type { Actor, AuditTrail } from '../kernel/audit';
import type { Clock } from '../kernel/clock';
import { StationSettings } from '../kernel/settings';
import { changeSettings } from '../kernel/settings-change';
import type { StationService } from '../kernel/station';

/** The station settings the figures are judged against: the local population and the yearly reach target. */
export class FigureTargets {
  /** A reader of its own: no figure setting is cached, so no other reader needs telling of a change. */
  private readonly settings: StationSettings;

  constructor(
    private readonly db: Kysely<StationDatabase>,
    private readonly clock: Clock,
    private readonly station: StationService,
    private readonly audit: AuditTrail,
  ) {
    this.settings = new StationSettings(db);
  }

  /**
   * The population (null until staff enter it; a value out of bounds counts as not set) and the reach
   * target. Pass the transaction when inside one: the database has a single connection, which the transaction holds.
   */
  async current(db: Executor = this.db): Promise<FigureTargetSettings> {
    return this.settings.read('figures', db);
  }

  /** Stores what changed, audited with the values before and after, in one transaction. */
  async change(next: FigureTargetSettings, actor: Actor): Promise<FigureTargetSettings> {
    return changeSettings({ db: this.db, clock: this.clock, station: this.station, settings: this.settings, audit: this.audit }, 'figures', next, actor);
  }
}
