/** Staff roles, each an account with a password and a PIN. */
export const staffRoles = ['registrar', 'supervisor', 'auditor', 'admin'] as const;
export type StaffRole = (typeof staffRoles)[number];

/** `kiosk` is the anonymous public: whoever stands at the screen without signing in. */
export const roles = ['kiosk', ...staffRoles] as const;
export type Role = (typeof roles)[number];

export function isStaffRole(role: Role): role is StaffRole {
  return role !== 'kiosk';
}

/** Staff screens lock after this many idle minutes unless the station is configured otherwise. */
export const DEFAULT_IDLE_LOCK_MINUTES = 5;
/** Failed password or PIN attempts in a row that lock an account. */
export const MAX_FAILED_ATTEMPTS = 5;
/** How long a locked account stays locked. */
export const ACCOUNT_LOCK_MINUTES = 15;
