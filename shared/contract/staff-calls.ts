import { z } from 'zod';
import { call } from './call';
import { staffAccount, staffAccountInput, staffResetSecretInput, staffSetActiveInput, staffSetRoleInput, staffUnlockInput } from '../validation/staff';

/**
 * Managing staff accounts, for the administrator. Each change is audited; the last active administrator
 * can be neither disabled nor demoted.
 */
export const staffCalls = {
  /** Staff accounts, for the administrator. */
  'staff:list': call(z.undefined(), z.object({ accounts: z.array(staffAccount) }), ['admin']),
  /** A new staff account with its role, password and PIN. */
  'staff:create': call(staffAccountInput, staffAccount, ['admin']),
  /** Disables or re-enables an account; a disabled account's open sessions end at once. */
  'staff:setActive': call(staffSetActiveInput, staffAccount, ['admin']),
  /** Gives an account another role; its open sessions end, so the new role applies from the next sign-in. */
  'staff:setRole': call(staffSetRoleInput, staffAccount, ['admin']),
  /** Lifts the lock after too many failed attempts. */
  'staff:unlock': call(staffUnlockInput, staffAccount, ['admin']),
  /** Sets a temporary password or PIN; the person must choose a new one at the next sign-in. */
  'staff:resetSecret': call(staffResetSecretInput, staffAccount, ['admin']),
} as const;
