import type { z } from 'zod';
import { roles, type Role } from '../domain/roles';

export interface CallOptions {
  /** Allowed while the staff screen is locked (everything else waits for the PIN). */
  whileLocked?: boolean;
}

export function call<I extends z.ZodType, O extends z.ZodType, R extends readonly Role[]>(
  input: I,
  output: O,
  allowed: R,
  options: CallOptions = {},
) {
  return { input, output, roles: allowed as readonly Role[], whileLocked: options.whileLocked ?? false };
}

export const anyone = roles;
export const listsVisitors = ['registrar', 'supervisor', 'admin'] as const;
export const readsAudit = ['auditor', 'admin'] as const;
export const registers = ['kiosk', 'registrar', 'supervisor', 'admin'] as const;
export const keepsRecords = ['registrar', 'supervisor', 'admin'] as const;
export const staff = ['registrar', 'supervisor', 'auditor', 'admin'] as const;
export const voidsDocuments = ['supervisor', 'admin'] as const;
