import { z } from 'zod';
import { checkPersonName } from './person-name';
import type { ValidationReason } from './reasons';

/** What every check of this folder returns: the normalised value, or the reason it was refused. */
export type FieldCheck<T> = { ok: true; value: T } | { ok: false; reason: ValidationReason };

/** A required text field run through a check; the check's reason becomes the issue the screen translates. */
export function checkedText<T>(check: (raw: string) => FieldCheck<T>) {
  return z.string({ error: 'required' }).transform((raw, ctx) => {
    const result = check(raw);
    if (!result.ok) {
      ctx.issues.push({ code: 'custom', message: result.reason, input: raw });
      return z.NEVER;
    }
    return result.value;
  });
}

/** An optional text field run through a check: left out, null or blank means "not given", stored as null. */
export function optionalCheckedText<T>(check: (raw: string) => FieldCheck<T>) {
  return z
    .string({ error: 'invalid' })
    .nullish()
    .transform((raw, ctx) => {
      if (raw === undefined || raw === null || raw.trim() === '') return null;
      const result = check(raw);
      if (!result.ok) {
        ctx.issues.push({ code: 'custom', message: result.reason, input: raw });
        return z.NEVER;
      }
      return result.value;
    });
}

/** A required person's name, normalised (look-alike dots, spaces) and checked. */
export const personName = checkedText(checkPersonName);

/** An optional name: left out or blank means "not given" and is stored as null. */
export const optionalPersonName = optionalCheckedText(checkPersonName);

/** A moment in time as an ISO 8601 string; every timestamp crosses the boundary this way. */
export const isoTimestamp = z.iso.datetime({ offset: true });
