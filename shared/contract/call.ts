import type { z } from 'zod';
import { roles, type Role } from '../domain/roles';

export interface CallOptions {
  /** Allowed while the staff screen is locked (everything else waits for the PIN). */
  whileLocked?: boolean;
  /** A screen refreshing itself, not a person at work: it does not keep a staff session from locking. */
  polling?: boolean;
  /**
   * Allowed while the signed-in person must still replace a password or PIN an administrator reset.
   * Calls allowed while locked (session, lock, sign-out) are allowed then too.
   */
  duringSecretChange?: boolean;
}

export function call<I extends z.ZodType, O extends z.ZodType, R extends readonly Role[]>(
  input: I,
  output: O,
  allowed: R,
  options: CallOptions = {},
) {
  return { input, output, roles: allowed as readonly Role[], whileLocked: options.whileLocked ?? false, polling: options.polling ?? false, duringSecretChange: options.duringSecretChange ?? options.whileLocked ?? false };
}

export const anyone = roles;
export const listsVisitors = ['registrar', 'supervisor', 'admin'] as const;
export const readsAudit = ['auditor', 'admin'] as const;
export const registers = ['kiosk', 'registrar', 'supervisor', 'admin'] as const;
export const keepsRecords = ['registrar', 'supervisor', 'admin'] as const;
export const staff = ['registrar', 'supervisor', 'auditor', 'admin'] as const;
export const voidsDocuments = ['supervisor', 'admin'] as const;
/** Who may record that a donation took place: it makes the record final and opens the certificates after it. */
export const confirmsDonations = ['supervisor', 'admin'] as const;
/** Who may read the memorial and education figures: staff who keep the records, and the auditor who checks them. */
export const readsFigures = ['registrar', 'supervisor', 'auditor', 'admin'] as const;
/** Who may set the local population and the reach target the figures are judged against. */
export const setsFigureTargets = ['supervisor', 'admin'] as const;
/** Who may change how long visitor logs are kept: a privacy rule, so not every registrar. */
export const setsRetention = ['supervisor', 'admin'] as const;
/** Who may write batches for the province and move them (USB export, upload, acknowledgements). */
export const runsSync = ['registrar', 'supervisor', 'admin'] as const;
/** Who may approve a batch as the second person, take one back, or re-send a rejected record. */
export const approvesBatches = ['supervisor', 'admin'] as const;
/** Who may change where and how the station reports. */
export const setsSync = ['supervisor', 'admin'] as const;
/** Who may see the backups and take one now; restoring and the backup settings stay with the administrator. */
export const takesBackups = ['supervisor', 'admin'] as const;
/** Who may read the station's settings screen: the supervisor sees the values the administrator sets. */
export const readsSettings = ['supervisor', 'admin'] as const;
/** Who may change the station's settings (age bands, cooling-off, idle times, receipt printer). */
export const changesSettings = ['admin'] as const;

/** Who cares for donor families: the family's record, its contacts, applying for aid and paying it out. */
export const caresForFamilies = ['registrar', 'supervisor', 'admin'] as const;
