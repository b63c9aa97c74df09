import { z } from 'zod';
import { anyone, call, keepsRecords, listsVisitors, setsRetention } from './call';
import {
  memorialKioskOptions,
  memorialSettings,
  messageApproveInput,
  messageList,
  messageListInput,
  messageRejectInput,
  qingmingModeInput,
  retentionDaysInput,
  visitorList,
  visitorListInput,
  visitorMessage,
  visitorRevealed,
  visitorRevealInput,
  visitorSignIn,
  visitorSignInInput,
  visitorTodayCount,
  wallInput,
  wallPage,
} from '../validation/visitors';

/** Memorial visits: the visitors' sign-in, the message wall and its moderation, the memorial's settings. */
export const memorialCalls = {
  /** A memorial visitor signs in; saved and queued for sync in one transaction. */
  'visitor:signIn': call(visitorSignInInput, visitorSignIn, anyone),
  /** The latest sign-ins for staff, names masked. */
  'visitor:list': call(visitorListInput, visitorList, listsVisitors),
  /** One visitor's full name; an audited staff action. */
  'visitor:revealName': call(visitorRevealInput, visitorRevealed, listsVisitors),

  /** Whether the kiosk runs in Qingming mode; the only memorial setting the public screen reads (polled: no one at work). */
  'memorial:kioskOptions': call(z.undefined(), memorialKioskOptions, anyone, { polling: true }),
  /** How many people have visited today (station day); a count only, for the Qingming kiosk (polled). */
  'memorial:todayCount': call(z.undefined(), visitorTodayCount, anyone, { polling: true }),
  /** The memorial settings, for staff. */
  'memorial:settings': call(z.undefined(), memorialSettings, listsVisitors),
  /** Switches Qingming mode on or off; audited as a settings change. */
  'memorial:setQingmingMode': call(qingmingModeInput, memorialSettings, keepsRecords),
  /** How many days visitor sign-ins are kept; audited as a settings change. */
  'memorial:setRetentionDays': call(retentionDaysInput, memorialSettings, setsRetention),

  /** Visitor messages in one state (pending first for moderation), full text, names masked; audited as a view. */
  'messages:list': call(messageListInput, messageList, keepsRecords),
  /** Puts a pending message on the public wall; audited and queued for sync. */
  'messages:approve': call(messageApproveInput, visitorMessage, keepsRecords),
  /** Keeps a pending message off the wall, with the reason; audited and queued for sync. */
  'messages:reject': call(messageRejectInput, visitorMessage, keepsRecords),
  /** One page of the public wall: approved messages only, newest first (the wall turns its pages by itself). */
  'messages:wall': call(wallInput, wallPage, anyone, { polling: true }),
} as const;
