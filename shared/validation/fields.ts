import { z } from 'zod';
import { checkPersonName } from './person-name';

/** A required person's name, normalised (look-alike dots, spaces) and checked. */
export const personName = z.string({ error: 'required' }).transform((raw, ctx) => {
  const check = checkPersonName(raw);
  if (!check.ok) {
    ctx.issues.push({ code: 'custom', message: check.reason, input: raw });
    return z.NEVER;
  }
  return check.value;
});

/** An optional name: left out or blank means "not given" and is stored as null. */
export const optionalPersonName = z
  .string({ error: 'invalid' })
  .optional()
  .transform((raw, ctx) => {
    if (raw === undefined || raw.trim() === '') return null;
    const check = checkPersonName(raw);
    if (!check.ok) {
      ctx.issues.push({ code: 'custom', message: check.reason, input: raw });
      return z.NEVER;
    }
    return check.value;
  });

/** A moment in time as an ISO 8601 string; every timestamp crosses the boundary this way. */
export const isoTimestamp = z.iso.datetime({ offset: true });
