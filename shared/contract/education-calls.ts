import { z } from 'zod';
import { anyone, call, keepsRecords } from './call';
import {
  groupCheckedIn,
  groupCheckInInput,
  groupContact,
  groupRef,
  sessionCancelInput,
  sessionDetail,
  sessionList,
  sessionListInput,
  sessionRef,
  sessionScheduleInput,
  sessionUpdateInput,
  sessionView,
  surveyAnswered,
  surveyComments,
  surveyInput,
  todaysSessions,
  walkInInput,
} from '../validation/education';

/** Life-education sessions: schedule, group check-in, walk-ins, satisfaction survey. */
export const educationCalls = {
  /** Schedules a session (title, times, venue, host, audience, expected head count); audited and queued for sync. */
  'education:schedule': call(sessionScheduleInput, sessionView, keepsRecords),
  /** New details for a session that has not started; refused when another desk changed it meanwhile. */
  'education:update': call(sessionUpdateInput, sessionView, keepsRecords),
  /** Cancels a session that has not started, with the reason; final. */
  'education:cancel': call(sessionCancelInput, sessionView, keepsRecords),
  /** Upcoming (or running) sessions, soonest first, or past ones, latest first, with their head counts and survey figures. */
  'education:list': call(sessionListInput, sessionList, keepsRecords),
  /** One session with its groups (contact adults masked), walk-ins and survey figures. */
  'education:get': call(sessionRef, sessionDetail, keepsRecords),
  /** Today's sessions at the station (Beijing date), as the public kiosk shows them (polled: no one at work). */
  'education:today': call(z.undefined(), todaysSessions, anyone, { polling: true }),
  /** A group checks in on the day of its session: organisation, contact adult, head count, age band. */
  'education:checkIn': call(groupCheckInInput, groupCheckedIn, anyone),
  /** Staff count walk-ins (a negative count corrects an earlier entry). */
  'education:addWalkIns': call(walkInInput, sessionDetail, keepsRecords),
  /** One answer to the five-point survey, from the session's start until the end of its day. */
  'education:survey': call(surveyInput, surveyAnswered, anyone),
  /** A group's contact adult in full; an audited staff action. */
  'education:revealContact': call(groupRef, groupContact, keepsRecords),
  /** The comments left with a session's survey, for staff who see the session; each reading is audited. */
  'education:surveyComments': call(sessionRef, surveyComments, keepsRecords),
} as const;
