import { z } from 'zod';
import { staffRoles, roles } from '../domain/roles';
import { personName } from './fields';

/** The longest username, password (in characters) and PIN an account can have, as the patterns below allow. */
const USERNAME_MAX_LENGTH = 32;
const PASSWORD_MAX_CHARACTERS = 128;
const PIN_MAX_LENGTH = 8;

const normalizeUsername = (raw: string) => raw.normalize('NFKC').trim().toLowerCase();
const normalizePin = (raw: string) => raw.normalize('NFKC').trim();
const passwordWithinMaximum = (value: string) => Array.from(value).length <= PASSWORD_MAX_CHARACTERS;

export const username = z
  .string({ error: 'required' })
  .transform(normalizeUsername)
  .pipe(z.string().regex(/^[a-z0-9][a-z0-9._-]{2,31}$/, { error: 'username_format' }));

/** Length only: a passphrase of any characters is better than a forced mix of classes. */
export const password = z
  .string({ error: 'required' })
  .refine((value) => Array.from(value).length >= 8, { error: 'password_too_short' })
  .refine(passwordWithinMaximum, { error: 'password_too_long' });

export const pin = z
  .string({ error: 'required' })
  .transform(normalizePin)
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

/*
 * Sign-in takes any text up to the maxima of the creation rules above, so a wrong guess is answered as
 * one and not as a format hint; anything longer is refused before it is hashed or audited.
 */
export const loginInput = z.object({
  username: z
    .string({ error: 'required' })
    .transform(normalizeUsername)
    .pipe(z.string().min(1, { error: 'required' }).max(USERNAME_MAX_LENGTH, { error: 'username_format' })),
  password: z.string({ error: 'required' }).min(1, { error: 'required' }).refine(passwordWithinMaximum, { error: 'password_too_long' }),
});

export const unlockInput = z.object({
  pin: z
    .string({ error: 'required' })
    .transform(normalizePin)
    .pipe(z.string().min(1, { error: 'required' }).max(PIN_MAX_LENGTH, { error: 'pin_format' })),
});
