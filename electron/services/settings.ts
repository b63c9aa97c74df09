import type { Kysely } from 'kysely';
import { DEFAULT_IDLE_LOCK_MINUTES } from '../../shared/domain/roles';
import type { StationDatabase } from '../db/schema';
import { readSetting } from '../db/repositories/settings';

/**
 * The configurable items of the station, each with its default. Read on every call that needs them,
 * so they are cached; the settings screen (a later change) goes through here and clears the cache.
 */
export class StationSettings {
  private idleLockMinutesCache: number | undefined;

  constructor(private readonly db: Kysely<StationDatabase>) {}

  /** Minutes without activity after which a staff screen locks. */
  async idleLockMinutes(): Promise<number> {
    if (this.idleLockMinutesCache === undefined) {
      const stored = Number(await readSetting(this.db, 'staffIdleLockMinutes'));
      this.idleLockMinutesCache = Number.isInteger(stored) && stored > 0 ? stored : DEFAULT_IDLE_LOCK_MINUTES;
    }
    return this.idleLockMinutesCache;
  }
}
