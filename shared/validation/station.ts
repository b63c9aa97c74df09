import { z } from 'zod';
import { STATION_CODE_PATTERN, stationKinds } from '../domain/station';
import { findRegion } from '../reference/regions';
import { recoveryCodeIssued } from './backup';
import { isoTimestamp } from './fields';
import { hasHiddenCharacters } from './free-text';
import { foldFullwidthAscii } from './fullwidth';
import { newStaffAccount } from './staff';

export const stationCode = z
  .string({ error: 'required' })
  .transform((raw) => raw.normalize('NFKC').trim().toUpperCase())
  .pipe(z.string().regex(STATION_CODE_PATTERN, { error: 'station_code_format' }));

/** The station's name as it heads every receipt and certificate: one line, no hidden characters, 1–60 code points. */
export const stationName = z
  .string({ error: 'required' })
  .transform((raw) => raw.normalize('NFC').trim())
  .refine((name) => !hasHiddenCharacters(name), { error: 'text_characters' })
  .transform((name) => name.replace(/\s+/gu, ' '))
  .refine((name) => {
    const length = Array.from(name).length;
    return length >= 1 && length <= 60;
  }, { error: 'station_name_length' });

export const stationSetupInput = z.object({
  code: stationCode,
  name: stationName,
  kind: z.enum(stationKinds, { error: 'station_kind' }),
  regionCode: z
    .string({ error: 'required' })
    .transform((raw) => foldFullwidthAscii(raw).trim())
    .refine((code) => findRegion(code) !== undefined, { error: 'region_unknown' }),
  /** The first administrator, created together with the station. */
  admin: newStaffAccount,
});

/** An administrator corrects the station's name; the code, part of every number issued, never changes. */
export const stationRenameInput = z.object({ name: stationName });

export const station = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.enum(stationKinds),
  regionCode: z.string(),
  createdAt: isoTimestamp,
});

/** What setup answers: the station, and its recovery code, shown once to be written down. */
export const stationSetUp = station.extend({ recovery: recoveryCodeIssued });
