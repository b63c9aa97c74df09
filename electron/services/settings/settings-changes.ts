import type { Kysely } from 'kysely';
import { settingBounds } from '../../../shared/domain/settings';
import { sectionDefaults } from '../../../shared/domain/settings-registry';
import type { SettingsChangeInput, StationSettingsView } from '../../../shared/validation/settings';
import type { StationDatabase } from '../../db/schema';
import type { Executor } from '../../db/repositories/executor';
import type { Actor, AuditTrail } from '../kernel/audit';
import type { Clock } from '../kernel/clock';
import type { StationSettings } from '../kernel/settings';
import { changeSettings } from '../kernel/settings-change';
import type { StationService } from '../kernel/station';

/**
 * The settings screen's sections (registration, staff, printing): read together, changed one section
 * at a time through `changeSettings`, each change in one transaction with one audit entry naming every
 * changed item.
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
    return {
      registration: { values: await this.settings.read('registration', db), defaults: sectionDefaults('registration') },
      staff: { values: await this.settings.read('staff', db), defaults: sectionDefaults('staff') },
      printing: { values: await this.settings.read('printing', db), defaults: sectionDefaults('printing') },
      bounds: settingBounds,
    };
  }

  /** Stores the section's items that differ from what is stored; nothing changed, nothing written or audited. */
  async change(input: SettingsChangeInput, actor: Actor): Promise<StationSettingsView> {
    const { section, ...values } = input;
    await changeSettings({ db: this.db, clock: this.clock, station: this.station, settings: this.settings, audit: this.audit }, section, values, actor);
    return this.view();
  }
}
