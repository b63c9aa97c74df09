import { z } from 'zod';
import { CONSOLE_MIN_PASSWORD_LENGTH, consoleRoles } from './roles';

/** A role as the contract reads it. */
export const consoleRole = z.enum(consoleRoles);

/** A username: lower case letters, digits, dot, dash and underscore, 3 to 32; typed in any case. */
export const consoleUsername = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,31}$/);

/** A password the console takes: 12 characters or more (counted as typed, NFC), at most 200. */
export const consolePassword = z
  .string()
  .refine((value) => [...value.normalize('NFC')].length >= CONSOLE_MIN_PASSWORD_LENGTH, { message: 'too_short' })
  .refine((value) => value.length <= 200, { message: 'too_long' });

/** An account's id (a UUID the hub gave it). */
export const consoleAccountId = z.string().uuid();

/** An account as the administrator's screen shows it. */
export const consoleAccountView = z.object({
  id: consoleAccountId,
  username: z.string(),
  displayName: z.string(),
  role: consoleRole,
  disabled: z.boolean(),
  /** Locked by failed sign-ins until `lockedUntil`. */
  locked: z.boolean(),
  lockedUntil: z.string().nullable(),
  mustChangePassword: z.boolean(),
  createdAt: z.string(),
  passwordChangedAt: z.string(),
});
export type ConsoleAccountView = z.infer<typeof consoleAccountView>;

/** Who is signed in, and how long a session may stay idle. */
export const consoleSessionView = z.object({
  accountId: consoleAccountId,
  username: z.string(),
  displayName: z.string(),
  role: consoleRole,
  /** The province the console serves (GB/T 2260 code), shown beside the account. */
  provinceCode: z.string(),
  mustChangePassword: z.boolean(),
  idleMinutes: z.number().int().positive(),
  /** When the session ends however busy it is. */
  expiresAt: z.string(),
});
export type ConsoleSessionView = z.infer<typeof consoleSessionView>;

/** One entry of the console's audit trail, as the auditor reads it. */
export const consoleAuditEntryView = z.object({
  seq: z.number().int().positive(),
  at: z.string(),
  accountId: z.string().nullable(),
  /** The account's username now; null for the operator at the command line or an unknown account. */
  username: z.string().nullable(),
  actorRole: z.string(),
  action: z.string(),
  subject: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
});
export type ConsoleAuditEntryView = z.infer<typeof consoleAuditEntryView>;

/** The chain walked: where it breaks, if it does (the reasons of `electron/security/audit-chain.ts`). */
export const consoleAuditCheck = z.object({
  ok: z.boolean(),
  /** Entries that verified (before the break, if any). */
  count: z.number().int().nonnegative(),
  brokenSeq: z.number().int().nullable(),
  reason: z.enum(['sequence_gap', 'prev_hash_mismatch', 'hash_mismatch']).nullable(),
});
export type ConsoleAuditCheck = z.infer<typeof consoleAuditCheck>;
