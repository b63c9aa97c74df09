import type { FigureTargetSettings } from '../../../shared/domain/figures';
import type { Executor } from '../../db/repositories/executor';
import type { Actor } from '../kernel/audit';
import type { StationContext } from '../kernel/context';
import { changeSettings } from '../kernel/settings-change';

/** The station settings the figures are judged against: the local population and the yearly reach target. */
export class FigureTargets {
  constructor(private readonly ctx: StationContext) {}

  /**
   * The population (null until staff enter it; a value out of bounds counts as not set) and the reach
   * target. Pass the transaction when inside one: the database has a single connection, which the transaction holds.
   */
  async current(db: Executor = this.ctx.db): Promise<FigureTargetSettings> {
    return this.ctx.settings.read('figures', db);
  }

  /** Stores what changed, audited with the values before and after, in one transaction. */
  async change(next: FigureTargetSettings, actor: Actor): Promise<FigureTargetSettings> {
    return changeSettings(this.ctx, 'figures', next, actor);
  }
}
