import { z } from 'zod';
import { call, changesSettings, readsSettings, registers, keepsRecords } from './call';
import {
  idCardPollAnswer,
  idCardReaderSettings,
  idCardReaderSettingsInput,
  idCardReleaseInput,
  idCardTestResult,
  idCardUnlocked,
  idCardUnlockInput,
} from '../validation/id-card';

/**
 * The second-generation ID-card reader on the station (see shared/domain/id-card.ts). The identity step
 * polls while it waits for a card; a card's fields reach the screen once and are then forgotten by the
 * station; staff may open the card-filled fields with a reason; the administrator sets up and tries the reader.
 */
export const idCardCalls = {
  /**
   * What the reader sees now. The identity step calls it about every 500 ms while it waits (ID_CARD_POLL_INTERVAL_MS);
   * the station asks the reader at most every 300 ms, one read at a time. `read` carries the card's fields
   * once: the next polls answer `lift_card` until the card leaves the reader. Every read is audited by kind
   * and outcome, never by number. `unconfigured` when no reader is set up.
   */
  'idCard:poll': call(z.undefined(), idCardPollAnswer, registers, { polling: true }),
  /**
   * Forgets a read (the one named, or every read the station holds): the buffers are overwritten. The idle
   * wipe and the end of a registration call it; a card still on the reader is not read again until lifted.
   */
  'idCard:release': call(idCardReleaseInput, z.object({ released: z.boolean() }), registers),
  /** A staff member opens the fields a card filled for editing (a card with an outdated name, say); audited with the reason. */
  'idCard:unlock': call(idCardUnlockInput, idCardUnlocked, keepsRecords),
  /** The reader settings: kind, vendor library path, port, simulator address. */
  'idCard:settings': call(z.undefined(), idCardReaderSettings, readsSettings),
  /** Saves the reader settings; audited as a settings change; the station uses the new reader from the next poll. */
  'idCard:configure': call(idCardReaderSettingsInput, idCardReaderSettings, changesSettings),
  /** Tries the configured reader once (opens it, looks for a card, reads one if present) and says what it found; no card data. */
  'idCard:test': call(z.undefined(), idCardTestResult, changesSettings),
} as const;
