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

/**
 * Length only: a passphrase of any characters is better than a forced mix of classes. Spaces at either
 * end do not count towards the minimum, so a password of spaces alone is refused.
 */
export const PASSWORD_MIN_CHARACTERS = 10;
export const password = z
  .string({ error: 'required' })
  .refine((value) => Array.from(value.trim()).length >= PASSWORD_MIN_CHARACTERS, { error: 'password_too_short' })
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

/** The two secrets of a staff account: the password to sign in, the PIN to reopen a locked screen. */
export const secretKinds = ['password', 'pin'] as const;
export type SecretKind = (typeof secretKinds)[number];

export const staffAccount = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(staffRoles),
  createdAt: z.string(),
  lockedUntil: z.string().nullable(),
  active: z.boolean(),
  /** Secrets reset by an administrator that the person has not yet replaced. */
  mustChange: z.array(z.enum(secretKinds)),
});

const staffId = z.string({ error: 'required' }).min(1, { error: 'required' }).max(64, { error: 'invalid' });

export const staffSetActiveInput = z.object({ staffId, active: z.boolean({ error: 'required' }) });
export const staffSetRoleInput = z.object({ staffId, role: z.enum(staffRoles, { error: 'staff_role' }) });
export const staffUnlockInput = z.object({ staffId });
/** A temporary password or PIN set by an administrator, under the same rules as a chosen one. */
export const staffResetSecretInput = z.discriminatedUnion(
  'secret',
  [
    z.object({ staffId, secret: z.literal('password'), newValue: password }),
    z.object({ staffId, secret: z.literal('pin'), newValue: pin }),
  ],
  { error: 'invalid' },
);

/** The current secret is only checked, so any text up to the maximum is taken, as at sign-in. */
export const changePasswordInput = z.object({
  current: z.string({ error: 'required' }).min(1, { error: 'required' }).refine(passwordWithinMaximum, { error: 'password_too_long' }),
  next: password,
});

export const session = z.object({
  role: z.enum(roles),
  staff: z
    .object({ id: z.string(), username: z.string(), displayName: z.string(), role: z.enum(staffRoles) })
    .nullable(),
  locked: z.boolean(),
  idleLockMinutes: z.number().int(),
  /** Secrets the signed-in person must change before anything else (after an administrator's reset). */
  mustChange: z.array(z.enum(secretKinds)),
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

export const changePinInput = z.object({ current: unlockInput.shape.pin, next: pin });
