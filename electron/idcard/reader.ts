import type { IdCardReaderKind } from '../../shared/domain/id-card';

/**
 * One reader as the station drives it, whatever reaches it (a vendor library, the simulator): opened
 * once, then asked for a card again and again, closed when the station stops or the settings change.
 * Every method answers instead of throwing: a reader that fails is a reader that is not there.
 */

/** Why a reader could not be opened or stopped answering. */
export type ReaderUnavailable = 'library_missing' | 'library_unusable' | 'port_unavailable' | 'simulator_unreachable';

export type ReaderOpening = { ok: true; port: number | null } | { ok: false; reason: ReaderUnavailable };

/**
 * One attempt at reading a card:
 * - `no_card`: nothing on the reader;
 * - `card`: the 256-byte text block (the caller overwrites it once parsed);
 * - `failed`: a card was found but selecting or reading it failed (the vendor's code, for the audit);
 * - `unsupported`: the reader says the card is of a type it cannot read;
 * - `unavailable`: the reader stopped answering (unplugged, port lost); it is opened again on the next attempt.
 */
export type ReaderAttempt =
  | { outcome: 'no_card' }
  | { outcome: 'card'; block: Buffer }
  | { outcome: 'failed'; code: number | null }
  | { outcome: 'unsupported'; code: number | null }
  | { outcome: 'unavailable'; reason: ReaderUnavailable };

export interface CardReader {
  readonly kind: Exclude<IdCardReaderKind, 'none'>;
  open(): Promise<ReaderOpening>;
  attempt(): Promise<ReaderAttempt>;
  close(): Promise<void>;
}

/** The ports a vendor library is tried on when none is configured: USB first (most readers), then serial. */
export function candidatePorts(configured: number | null): number[] {
  if (configured !== null) return [configured];
  const usb = Array.from({ length: 16 }, (_, index) => 1001 + index);
  const serial = Array.from({ length: 16 }, (_, index) => 1 + index);
  return [...usb, ...serial];
}
