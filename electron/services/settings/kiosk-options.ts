import { KIOSK_COUNTDOWN_SECONDS } from '../../../shared/domain/registration';
import { KIOSK_BROWSE_IDLE_SECONDS } from '../../../shared/domain/settings';
import type { KioskScreenOptions } from '../../../shared/validation/settings';
import type { StationContext } from '../kernel/context';

/**
 * What every public screen reads before greeting a visitor: whether the elder-friendly mode is on by
 * default (the settings screen's kiosk section) and how long each kind of screen waits before it forgets
 * its visitor. Nothing here concerns any one person, so any caller may read it.
 */
export class KioskOptions {
  constructor(private readonly ctx: Pick<StationContext, 'settings'>) {}

  async view(): Promise<KioskScreenOptions> {
    const [kiosk, registration] = await Promise.all([this.ctx.settings.read('kiosk'), this.ctx.settings.registration()]);
    return {
      elderModeDefault: kiosk.elderModeDefault,
      formIdleSeconds: registration.kioskIdleSeconds,
      browseIdleSeconds: KIOSK_BROWSE_IDLE_SECONDS,
      countdownSeconds: KIOSK_COUNTDOWN_SECONDS,
    };
  }
}
