import type { CallOutput } from '../../../shared/contract/calls';
import type { MemorialSettings } from '../../../shared/domain/visitors';
import type { Actor } from '../kernel/audit';
import type { StationContext } from '../kernel/context';
import { changeSettings } from '../kernel/settings-change';

/** The memorial settings staff change from the visitor log: Qingming mode and the retention period. */
export class VisitorSettings {
  constructor(private readonly ctx: StationContext) {}

  /** What the public kiosk may know: whether Qingming mode is on. */
  async kioskOptions(): Promise<CallOutput<'memorial:kioskOptions'>> {
    const { qingmingMode } = await this.ctx.settings.memorial();
    return { qingmingMode };
  }

  async current(): Promise<MemorialSettings> {
    return this.ctx.settings.memorial();
  }

  /** Switches the peak-day kiosk on or off. */
  async setQingmingMode(enabled: boolean, actor: Actor): Promise<MemorialSettings> {
    return this.change({ qingmingMode: enabled }, actor);
  }

  /** Changes how many days sign-ins are kept; the next daily purge applies it. */
  async setRetentionDays(days: number, actor: Actor): Promise<MemorialSettings> {
    return this.change({ visitorRetentionDays: days }, actor);
  }

  /** Stores one memorial setting, audited with the value before and after; the same value changes nothing. */
  private async change(values: Partial<MemorialSettings>, actor: Actor): Promise<MemorialSettings> {
    return changeSettings(this.ctx, 'memorial', values, actor);
  }
}
