import { followUpOffsetCount, settingBounds } from '../../../shared/domain/settings';
import { sectionDefaults } from '../../../shared/domain/settings-registry';
import type { SettingsChangeInput, StationSettingsView } from '../../../shared/validation/settings';
import type { Executor } from '../../db/repositories/executor';
import type { Actor } from '../kernel/audit';
import type { StationContext } from '../kernel/context';
import { changeSettings } from '../kernel/settings-change';

/**
 * The settings screen's sections (registration, staff, printing, kiosk, the donor families' care plan and
 * aid): read together, changed one section at a time through `changeSettings`, each change in one
 * transaction with one audit entry naming every changed item. A changed care plan is read when a family is
 * opened and when the yearly Qingming visits are laid, so follow-ups already laid keep their dates.
 */
export class SettingsChanges {
  constructor(private readonly ctx: StationContext) {}

  async view(db: Executor = this.ctx.db): Promise<StationSettingsView> {
    return {
      registration: { values: await this.ctx.settings.read('registration', db), defaults: sectionDefaults('registration') },
      staff: { values: await this.ctx.settings.read('staff', db), defaults: sectionDefaults('staff') },
      printing: { values: await this.ctx.settings.read('printing', db), defaults: sectionDefaults('printing') },
      kiosk: { values: await this.ctx.settings.read('kiosk', db), defaults: sectionDefaults('kiosk') },
      familyCare: { values: await this.ctx.settings.read('familyCare', db), defaults: sectionDefaults('familyCare') },
      aid: { values: await this.ctx.settings.read('aid', db), defaults: sectionDefaults('aid') },
      bounds: { ...settingBounds, followUpOffsetCount },
    };
  }

  /** Stores the section's items that differ from what is stored; nothing changed, nothing written or audited. */
  async change(input: SettingsChangeInput, actor: Actor): Promise<StationSettingsView> {
    const { section, ...values } = input;
    await changeSettings(this.ctx, section, values, actor);
    return this.view();
  }
}
