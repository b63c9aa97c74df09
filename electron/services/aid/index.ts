import type { FontSet } from '../../pdf/fonts';
import type { StationContext } from '../kernel/context';
import { AidCaseService } from './aid-cases';
import { AidNoticeService } from './aid-notice';

/** Aid for donor families: the cases and their approval chain, and the public notice. */
export interface AidServices {
  aidCases: AidCaseService;
  aidNotice: AidNoticeService;
}

/** The aid area on one station; the notice is printed with the station's fonts, loaded on first use. */
export function createAidServices(ctx: StationContext, fonts: () => Promise<FontSet>): AidServices {
  return { aidCases: new AidCaseService(ctx), aidNotice: new AidNoticeService(ctx, fonts) };
}
