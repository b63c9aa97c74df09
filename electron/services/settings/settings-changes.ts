import type { Kysely } from 'kysely';
import { defaultSectionValues, settingBounds, type SectionValues } from '../../../shared/domain/settings';
import type { SettingsChangeInput, StationSettingsView } from '../../../shared/validation/settings';
import type { StationDatabase } from '../../db/schema';
import type { Executor } from '../../db/repositories/executor';
import { writeSetting } from '../../db/repositories/settings';
import type { Actor, AuditTrail } from '../kernel/audit';
import type { Clock } from '../kernel/clock';
import { settingKeys, type StationSettings } from '../kernel/settings';
import type { StationService } from '../kernel/station';

type SettingValue = string | number | boolean | null;
/** What one change did to each item that changed: the value before and after (none of them is personal). */
type ChangedItems = Record<string, { from: SettingValue; to: SettingValue }>;

/** How a value is stored in `station_setting`: text, with none as empty. */
function stored(value: SettingValue): string {
  return value === null ? '' : String(value);
}

/**
 * The settings screen's sections (registration, staff, printing): read together, changed one section
 * at a time, each change in one transaction with one audit entry naming every changed item.
 */
export class SettingsChanges {
  constructor(
    private readonly db: Kysely<StationDatabase>,
    private readonly clock: Clock,
    private readonly station: StationService,
    private readonly settings: StationSettings,
    private readonly audit: AuditTrail,
  ) {}

  async view(db: Executor = this.db): Promise<StationSettingsView> {
    const current = await this.sections(db);
    return {
      registration: { values: current.registration, defaults: defaultSectionValues.registration },
      staff: { values: current.staff, defaults: defaultSectionValues.staff },
      printing: { values: current.printing, defaults: defaultSectionValues.printing },
      bounds: settingBounds,
    };
  }

  /** Stores the section's items that differ from what is stored; nothing changed, nothing written or audited. */
  async change(input: SettingsChangeInput, actor: Actor): Promise<StationSettingsView> {
    const station = await this.station.require();
    const { section, ...next } = input;
    const view = await this.db.transaction().execute(async (trx) => {
      const before: Record<string, SettingValue> = { ...(await this.sections(trx))[section] };
      const keys = settingKeys[section] as Record<string, string>;
      const at = this.clock.now().toISOString();
      const changes: ChangedItems = {};
      for (const [name, value] of Object.entries(next as Record<string, SettingValue>)) {
        const key = keys[name];
        if (key === undefined || before[name] === value) continue;
        await writeSetting(trx, key, stored(value), at);
        changes[name] = { from: before[name] ?? null, to: value };
      }
      if (Object.keys(changes).length > 0) {
        await this.audit.append(trx, {
          actor,
          stationCode: station.code,
          action: 'settings_change',
          objectType: 'station_setting',
          objectId: section,
          detail: { section, changes },
        });
      }
      return this.view(trx);
    });
    // After the commit: a read before it would cache the value being replaced.
    this.settings.forgetCached();
    return view;
  }

  private async sections(db: Executor): Promise<SectionValues> {
    return {
      registration: await this.settings.registration(db),
      staff: await this.settings.staff(db),
      printing: await this.settings.printing(db),
    };
  }
}
