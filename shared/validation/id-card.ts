import { z } from 'zod';
import {
  ID_CARD_SERIAL_PORTS,
  ID_CARD_USB_PORTS,
  idCardDocumentKinds,
  idCardPollStates,
  idCardReaderKinds,
  idCardReasons,
} from '../domain/id-card';
import { checkedText, isoTimestamp } from './fields';
import { freeTextCheck, hasHiddenCharacters } from './free-text';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** A read's identifier, as `idCard:poll` handed it out. */
export const idCardReadId = z.string({ error: 'required' }).min(1, { error: 'required' }).max(64, { error: 'invalid' });

/** The card's fields as the identity step receives them (see IdCardRead). */
export const idCardRead = z.object({
  readId: z.string(),
  documentKind: z.enum(idCardDocumentKinds),
  documentNumber: z.string(),
  name: z.string(),
  latinName: z.string().nullable(),
  sex: z.enum(['male', 'female']),
  birthDate: isoDate,
  ethnicGroup: z.string().nullable(),
  validUntil: isoDate.nullable(),
});

/**
 * One poll's answer: the state, the card once when it was just read (`read`), why a reader is missing or a
 * card refused (`no_reader`, `failed`, `unsupported`), and the day an expired card ended (`expired`).
 */
export const idCardPollAnswer = z.object({
  state: z.enum(idCardPollStates),
  card: idCardRead.optional(),
  reason: z.enum(idCardReasons).optional(),
  expiredOn: isoDate.optional(),
});
export type IdCardPollAnswer = z.infer<typeof idCardPollAnswer>;

/** Forgets the card a screen holds: its read, or every read when none is named. */
export const idCardReleaseInput = z.object({ readId: idCardReadId.optional() }).optional();

/** A staff member opens the card-filled fields for editing, saying why; audited with the reason. */
export const idCardUnlockInput = z.object({ readId: idCardReadId, reason: checkedText(freeTextCheck(200)) });
export const idCardUnlocked = z.object({ readId: z.string(), unlockedAt: isoTimestamp });

/** An absolute path: `/…` on Linux, `C:\…` or `\\server\…` on Windows. */
function isAbsolutePath(value: string): boolean {
  return value.startsWith('/') || /^[A-Za-z]:[\\/]/.test(value) || value.startsWith('\\\\');
}

const libraryPath = z
  .string({ error: 'invalid' })
  .nullable()
  .transform((value) => (value === null ? '' : value.normalize('NFC').trim()))
  .refine((value) => value === '' || (isAbsolutePath(value) && value.length <= 1024 && !hasHiddenCharacters(value)), { error: 'invalid' })
  .transform((value) => (value === '' ? null : value));

const readerPort = z
  .number({ error: 'invalid' })
  .int({ error: 'invalid' })
  .refine((port) => (port >= ID_CARD_SERIAL_PORTS.min && port <= ID_CARD_SERIAL_PORTS.max) || (port >= ID_CARD_USB_PORTS.min && port <= ID_CARD_USB_PORTS.max), {
    error: 'invalid',
  })
  .nullable();

/** `127.0.0.1:47321`, `localhost:47321`, `[::1]:47321` or an absolute Unix socket path: the simulator is local only. */
export function isSimulatorAddress(value: string): boolean {
  if (value.startsWith('/')) return value.length <= 200 && !hasHiddenCharacters(value);
  const match = /^(127\.0\.0\.1|localhost|\[::1\]):(\d{1,5})$/.exec(value);
  const port = Number(match?.[2]);
  return match !== null && port >= 1 && port <= 65535;
}

const simulatorAddress = z
  .string({ error: 'invalid' })
  .nullable()
  .transform((value) => (value === null ? '' : value.trim()))
  .refine((value) => value === '' || isSimulatorAddress(value), { error: 'invalid' })
  .transform((value) => (value === '' ? null : value));

/** The reader settings as the administrator saves them; a vendor kind needs its library's path. */
export const idCardReaderSettingsInput = z
  .object({ kind: z.enum(idCardReaderKinds, { error: 'invalid' }), libraryPath, port: readerPort, simulatorAddress })
  .refine((values) => !(values.kind === 'sdtapi' || values.kind === 'termb') || values.libraryPath !== null, { error: 'required', path: ['libraryPath'] });

/** The reader settings as stored. */
export const idCardReaderSettings = z.object({
  kind: z.enum(idCardReaderKinds),
  libraryPath: z.string().nullable(),
  port: z.number().nullable(),
  simulatorAddress: z.string().nullable(),
});

/**
 * What trying the reader found, without any card data: whether it answered, on which port, and what it
 * saw (`waiting` for no card, `read` for a card that read and checked out, or why not).
 */
export const idCardTestResult = z.object({
  kind: z.enum(idCardReaderKinds),
  state: z.enum(idCardPollStates),
  reason: z.enum(idCardReasons).optional(),
  port: z.number().nullable(),
  /** The card's kind when one was on the reader and read; never its number or name. */
  documentKind: z.enum(idCardDocumentKinds).optional(),
});
export type IdCardTestResult = z.infer<typeof idCardTestResult>;
