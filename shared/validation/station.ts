import { z } from 'zod';
import { stationKinds } from '../domain/station';
import { findRegion } from '../reference/regions';
import { isoTimestamp } from './fields';
import { newStaffAccount } from './staff';

/** Station codes go into serial numbers and batch ids, so they are short, upper-case and dash-free. */
export const stationCode = z
  .string({ error: 'required' })
  .transform((raw) => raw.normalize('NFKC').trim().toUpperCase())
  .pipe(z.string().regex(/^[A-Z0-9]{2,12}$/, { error: 'station_code_format' }));

const stationName = z
  .string({ error: 'required' })
  .transform((raw) => raw.normalize('NFC').trim().replace(/\s+/gu, ' '))
  .refine((name) => {
    const length = Array.from(name).length;
    return length >= 1 && length <= 60;
  }, { error: 'station_name_length' });

export const stationSetupInput = z.object({
  code: stationCode,
  name: stationName,
  kind: z.enum(stationKinds, { error: 'station_kind' }),
  regionCode: z.string({ error: 'required' }).refine((code) => findRegion(code) !== undefined, {
    error: 'region_unknown',
  }),
  /** The first administrator, created together with the station. */
  admin: newStaffAccount,
});

export const station = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.enum(stationKinds),
  regionCode: z.string(),
  createdAt: isoTimestamp,
});
