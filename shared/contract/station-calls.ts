import { z } from 'zod';
import { anyone, call, staff } from './call';
import { changePasswordInput, changePinInput, loginInput, session, unlockInput } from '../validation/staff';
import { station, stationRenameInput, stationSetUp, stationSetupInput } from '../validation/station';

/** The station itself (first-run setup, its name) and who is at the screen (sign-in, lock, one's own password and PIN). */
export const stationCalls = {
  /** The station this installation belongs to, or null before first-run setup. */
  'station:get': call(z.undefined(), station.nullable(), anyone, { duringSecretChange: true }),
  /** First-run setup: the station's code, name, kind and region, and its first administrator. Only once. */
  'station:setup': call(stationSetupInput, stationSetUp, anyone),
  /** Corrects the station's name (never its code); administrators only, audited with the old and new name. */
  'station:rename': call(stationRenameInput, station, ['admin']),

  /** Who is at the screen: the anonymous kiosk role or a signed-in staff member. */
  'session:get': call(z.undefined(), session, anyone, { whileLocked: true }),
  /** Staff sign-in; five failures in a row lock the account for 15 minutes. */
  'session:login': call(loginInput, session, anyone),
  /** Back to the anonymous kiosk role. */
  'session:logout': call(z.undefined(), session, anyone, { whileLocked: true }),
  /** Locks the staff screen at once (also done by the station after the idle time). */
  'session:lock': call(z.undefined(), session, staff, { whileLocked: true }),
  /** Reopens a locked staff screen with the staff member's PIN. */
  'session:unlock': call(unlockInput, session, staff, { whileLocked: true }),
  /** Changes one's own password, given the current one; allowed while a change is required. */
  'session:changePassword': call(changePasswordInput, session, staff, { duringSecretChange: true }),
  /** Changes one's own PIN, given the current one; allowed while a change is required. */
  'session:changePin': call(changePinInput, session, staff, { duringSecretChange: true }),
} as const;
