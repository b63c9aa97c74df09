import type { StationContext } from '../kernel/context';
import { MessageModeration } from './message-moderation';
import { MessageWall } from './message-wall';
import { VisitorRetention } from './visitor-retention';
import { VisitorSettings } from './visitor-settings';
import { VisitorService, type InvitationCheckIn } from './visitors';

/** The memorial's visitors: their sign-ins and messages, the wall that shows them, and how long they are kept. */
export interface MemorialServices {
  visitors: VisitorService;
  visitorSettings: VisitorSettings;
  visitorRetention: VisitorRetention;
  messageModeration: MessageModeration;
  messageWall: MessageWall;
}

/** The memorial area on one station. */
export function createMemorialServices(ctx: StationContext, checkInInvitation?: InvitationCheckIn): MemorialServices {
  return {
    visitors: new VisitorService(ctx, checkInInvitation),
    visitorSettings: new VisitorSettings(ctx),
    visitorRetention: new VisitorRetention(ctx),
    messageModeration: new MessageModeration(ctx),
    messageWall: new MessageWall(ctx),
  };
}
