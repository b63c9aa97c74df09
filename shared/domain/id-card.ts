import type { DocumentKind, Sex } from '../validation/identity-document';

/**
 * The second-generation ID-card reader (二代证阅读器): what the station knows about the cards a reader
 * reads, the readers it can drive and what the identity step sees while it waits for a card.
 *
 * A chip holds a 256-byte text block (GA 490-2013) whose byte 248 says which card it is: a resident ID
 * (no flag), a Hong Kong, Macao or Taiwan residence permit ('J'), a 2017 foreigner's permanent residence
 * card ('I') or the 2023 one ('Y'). Each maps to one of the station's document kinds.
 */

/** How the station reaches its reader: none, a vendor library (the SDT_ protocol API or the CVR_ API), or the simulator. */
export const idCardReaderKinds = ['none', 'sdtapi', 'termb', 'simulated'] as const;
export type IdCardReaderKind = (typeof idCardReaderKinds)[number];

/** The document kinds a card chip can carry (the others — passports, travel permits — have no chip the reader reads). */
export const idCardDocumentKinds = ['resident_id', 'residence_permit', 'foreign_permanent_2017', 'foreign_permanent_2023'] as const satisfies readonly DocumentKind[];
export type IdCardDocumentKind = (typeof idCardDocumentKinds)[number];

/**
 * What the identity step sees on each poll:
 * - `unconfigured`: no reader is set up on this station (the step offers typing only);
 * - `no_reader`: a reader is set up but cannot be reached (library missing, unplugged, simulator down);
 * - `waiting`: the reader is ready, no card on it;
 * - `reading`: a card is being read;
 * - `read`: a card was read; its fields come with this answer once, and never again;
 * - `lift_card`: the card just read (or refused) is still on the reader; the next one is read only after it is lifted;
 * - `failed`: the card could not be read or its data did not check out (see the reason);
 * - `unsupported`: a card the station does not know (not one of the four kinds);
 * - `expired`: the card's validity has ended; its fields are not given.
 */
export const idCardPollStates = ['unconfigured', 'no_reader', 'waiting', 'reading', 'read', 'lift_card', 'failed', 'unsupported', 'expired'] as const;
export type IdCardPollState = (typeof idCardPollStates)[number];

/**
 * Why a poll answered `no_reader`, `failed` or `unsupported`; the screens have a text for each (namespace `idCard`).
 * - `library_missing`: the vendor library set by the administrator is not there or does not load;
 * - `library_unusable`: it loads but lacks the functions of its kind (a different vendor's library);
 * - `port_unavailable`: no reader answers on the configured port (or any port, when none is configured);
 * - `simulator_unreachable`: the simulated reader's process is not listening;
 * - `read_failed`: the reader found a card but selecting or reading it failed (moved too soon, a damaged chip);
 * - `card_data_invalid`: the card's data did not check out (number, dates, sex or ethnic group);
 * - `card_kind_unknown`: the card's type flag is none the station knows.
 */
export const idCardReasons = [
  'library_missing',
  'library_unusable',
  'port_unavailable',
  'simulator_unreachable',
  'read_failed',
  'card_data_invalid',
  'card_kind_unknown',
] as const;
export type IdCardReason = (typeof idCardReasons)[number];

/**
 * The fields a card gives the identity step: only what a registration needs (minimum necessary). The
 * photo, the address and the issuing authority stay on the chip: the station does not even decode them.
 */
export interface IdCardFields {
  documentKind: IdCardDocumentKind;
  /** The number as the station stores it (see normalizeDocumentNumber). */
  documentNumber: string;
  /** The name in Chinese characters; on a foreigner's card without one, the name in Latin letters. */
  name: string;
  /** The name in Latin letters on a foreigner's card; null on the others. */
  latinName: string | null;
  sex: Sex;
  /** YYYY-MM-DD. */
  birthDate: string;
  /** The two-digit GB/T 3304 code on a resident ID; null on the other cards (and for 97/98, which are not in the list). */
  ethnicGroup: string | null;
  /** YYYY-MM-DD, the last day the card is valid; null for a long-term card (长期). */
  validUntil: string | null;
}

/** One read handed to a screen: the card's fields and the read's identifier (for `idCard:unlock` and `idCard:release`). */
export interface IdCardRead extends IdCardFields {
  readId: string;
}

/** The reader settings an administrator sets. */
export interface IdCardReaderSettings {
  kind: IdCardReaderKind;
  /** The absolute path of the vendor library (sdtapi.dll, termb.dll, libsdtapi.so, libtermb.so …); none for the simulator. */
  libraryPath: string | null;
  /** The reader's port: 1–16 serial, 1001–1016 USB; none: the USB ports then the serial ports are tried in turn. */
  port: number | null;
  /** Where the simulated reader listens: `host:port` on the loopback, or a Unix socket path; none: the default. */
  simulatorAddress: string | null;
}

/** Ports a vendor library knows: serial 1–16 and USB 1001–1016. */
export const ID_CARD_SERIAL_PORTS = { min: 1, max: 16 } as const;
export const ID_CARD_USB_PORTS = { min: 1001, max: 1016 } as const;

/** Where the simulated reader listens unless the settings say otherwise. */
export const DEFAULT_ID_CARD_SIMULATOR_ADDRESS = '127.0.0.1:47321';

/** The identity step polls about this often; the station never asks the reader more often than the minimum (vendor advice: 300 ms). */
export const ID_CARD_POLL_INTERVAL_MS = 500;
export const ID_CARD_MIN_READER_INTERVAL_MS = 300;
