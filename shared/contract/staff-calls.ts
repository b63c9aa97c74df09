import { call, staff } from './call';
import {
  changePasswordInput,
  changePinInput,
  session,
  staffAccount,
  staffResetSecretInput,
  staffSetActiveInput,
  staffSetRoleInput,
  staffUnlockInput,
} from '../validation/staff';

/**
 * Managing staff accounts (the administrator) and changing one's own password and PIN (every staff
 * member). Each change is audited; the last active administrator can be neither disabled nor demoted.
 */
export const staffCalls = {
  /** Disables or re-enables an account; a disabled account's open sessions end at once. */
  'staff:setActive': call(staffSetActiveInput, staffAccount, ['admin']),
  /** Gives an account another role; its open sessions end, so the new role applies from the next sign-in. */
  'staff:setRole': call(staffSetRoleInput, staffAccount, ['admin']),
  /** Lifts the lock after too many failed attempts. */
  'staff:unlock': call(staffUnlockInput, staffAccount, ['admin']),
  /** Sets a temporary password or PIN; the person must choose a new one at the next sign-in. */
  'staff:resetSecret': call(staffResetSecretInput, staffAccount, ['admin']),
  /** Changes one's own password, given the current one; allowed while a change is required. */
  'session:changePassword': call(changePasswordInput, session, staff, { duringSecretChange: true }),
  /** Changes one's own PIN, given the current one; allowed while a change is required. */
  'session:changePin': call(changePinInput, session, staff, { duringSecretChange: true }),
} as const;
