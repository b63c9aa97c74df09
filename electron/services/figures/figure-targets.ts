import type { Kysely } from 'kysely';
import {
  DEFAULT_REACH_TARGET_PERCENT,
  figureSettingKeys,
  MAX_LOCAL_POPULATION,
  MAX_REACH_TARGET_PERCENT,
  MIN_REACH_TARGET_PERCENT,
  type FigureTargetSettings,
} from '../../../shared/domain/figures';
import type { StationDatabase } from '../../db/schema';
import type { Executor } from '../../db/repositories/executor';
import { readSettings, writeSetting } from '../../db/repositories/settings';
import type { Actor, AuditTrail } from '../kernel/audit';
import type { Clock } from '../kernel/clock';
import type { StationService } from '../kernel/station';

/** A stored population, or null: it has no default, and a value out of bounds counts as not set. */
function population(stored: string | undefined): number | null {
  const value = Number(stored);
  return stored !== undefined && Number.isInteger(value) && value >= 1 && value <= MAX_LOCAL_POPULATION ? value : null;
}

function reachTargetPercent(stored: string | undefined): number {
  const value = Number(stored);
  return stored !== undefined && Number.isFinite(value) && value >= MIN_REACH_TARGET_PERCENT && value <= MAX_REACH_TARGET_PERCENT
    ? value
    : DEFAULT_REACH_TARGET_PERCENT;
}

/** The station settings the figures are judged against: the local population and the yearly reach target. */
export class FigureTargets {
  constructor(
    private readonly db: Kysely<StationDatabase>,
    private readonly clock: Clock,
    private readonly station: StationService,
    private readonly audit: AuditTrail,
  ) {}

  /** Pass the transaction when inside one: the database has a single connection, which the transaction holds. */
  async current(db: Executor = this.db): Promise<FigureTargetSettings> {
    const stored = await readSettings(db, Object.values(figureSettingKeys));
    return {
      localPopulation: population(stored.get(figureSettingKeys.localPopulation)),
      reachTargetPercent: reachTargetPercent(stored.get(figureSettingKeys.reachTargetPercent)),
    };
  }

  /** Stores what changed, each change audited with its value before and after, in one transaction. */
  async change(next: FigureTargetSettings, actor: Actor): Promise<FigureTargetSettings> {
    const station = await this.station.require();
    return this.db.transaction().execute(async (trx) => {
      const before = await this.current(trx);
      const at = this.clock.now().toISOString();
      for (const name of ['localPopulation', 'reachTargetPercent'] as const) {
        if (before[name] === next[name]) continue;
        const key = figureSettingKeys[name];
        // An empty value reads back as "not set": the population has no default to fall back to.
        await writeSetting(trx, key, next[name] === null ? '' : String(next[name]), at);
        await this.audit.append(trx, {
          actor,
          stationCode: station.code,
          action: 'settings_change',
          objectType: 'station',
          objectId: key,
          detail: { from: before[name], to: next[name] },
        });
      }
      return this.current(trx);
    });
  }
}
