import { z } from 'zod';
import { staffRoles, roles } from '../domain/roles';
import { personName } from './fields';

export const username = z
  .string({ error: 'required' })
  .transform((raw) => raw.normalize('NFKC').trim().toLowerCase())
  .pipe(z.string().regex(/^[a-z0-9][a-z0-9._-]{2,31}$/, { error: 'username_format' }));

/** Length only: a passphrase of any characters is better than a forced mix of classes. */
export const password = z
  .string({ error: 'required' })
  .refine((value) => Array.from(value).length >= 8, { error: 'password_too_short' })
  .refine((value) => Array.from(value).length <= 128, { error: 'password_too_long' });

export const pin = z
  .string({ error: 'required' })
  .transform((raw) => raw.normalize('NFKC').trim())
  .pipe(z.string().regex(/^\d{4,8}$/, { error: 'pin_format' }));

export const newStaffAccount = z.object(
  {
    username,
    displayName: personName,
    password,
    pin,
  },
  { error: 'required' },
);

export const staffAccountInput = newStaffAccount.extend({
  role: z.enum(staffRoles, { error: 'staff_role' }),
});

export const staffAccount = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(staffRoles),
  createdAt: z.string(),
  lockedUntil: z.string().nullable(),
});

export const session = z.object({
  role: z.enum(roles),
  staff: z
    .object({ id: z.string(), username: z.string(), displayName: z.string(), role: z.enum(staffRoles) })
    .nullable(),
  locked: z.boolean(),
  idleLockMinutes: z.number().int(),
});

export const loginInput = z.object({
  username: z.string({ error: 'required' }).min(1, { error: 'required' }),
  password: z.string({ error: 'required' }).min(1, { error: 'required' }),
});

export const unlockInput = z.object({ pin: z.string({ error: 'required' }).min(1, { error: 'required' }) });
