import { randomUUID } from 'node:crypto';
import {
  ID_CARD_MIN_READER_INTERVAL_MS,
  type IdCardDocumentKind,
  type IdCardPollState,
  type IdCardRead,
  type IdCardReason,
} from '../../shared/domain/id-card';
import { parseCardBlock, wipe, type CardField, type CardRefusal } from './card-layout';
import type { CardReader, ReaderAttempt } from './reader';

/**
 * The reader's state machine between the identity step's polls and the reader itself:
 * - the reader is asked at most every `minIntervalMs` (300 ms) and by one caller at a time: a poll that
 *   arrives while a read is under way answers `reading` instead of queueing behind it;
 * - a card read hands its fields out once (`read`); from then on the card is held: polls answer
 *   `lift_card` (or the refusal, for a card that failed) until the reader has reported no card
 *   `liftAfterEmpty` times in a row, so one card never makes two reads;
 * - a reader that cannot be opened answers `no_reader` and is tried again every `reopenIntervalMs`.
 * Only the read's identifier and the card's kind are kept after a read: the fields leave with the answer
 * and the block they came from is overwritten.
 */

/** One poll's answer (the `idCard:poll` output). */
export interface PollAnswer {
  state: IdCardPollState;
  card?: IdCardRead;
  reason?: IdCardReason;
  expiredOn?: string;
}

/** What happened to one card, for the audit trail: its kind and the outcome, never its number or name. */
export interface CardOutcome {
  outcome: 'read' | 'expired' | 'refused' | 'failed' | 'unsupported';
  readId?: string;
  documentKind?: IdCardDocumentKind;
  refusal?: CardRefusal;
  field?: CardField;
  /** The vendor's return code of a failed read. */
  code?: number | null;
}

export interface CardPollerOptions {
  /** Milliseconds now (tests move it by hand). */
  now?: () => number;
  /** The day validity is judged against. */
  today?: () => Date;
  minIntervalMs?: number;
  reopenIntervalMs?: number;
  liftAfterEmpty?: number;
  newReadId?: () => string;
  /** Called once for each card that was read, refused or expired. */
  onOutcome?: (outcome: CardOutcome) => void;
}

/** How often a reader that could not be opened is tried again: opening may probe 32 ports. */
export const REOPEN_INTERVAL_MS = 2000;
/** Consecutive "no card" answers that mean the card has left the reader. */
export const LIFT_AFTER_EMPTY = 3;

export class CardPoller {
  private last: PollAnswer;
  private lastAttemptAt = Number.NEGATIVE_INFINITY;
  private inFlight: Promise<PollAnswer> | null = null;
  /** The answer repeated while a card stays on the reader; null when no card is held. */
  private held: PollAnswer | null = null;
  private emptyInARow = 0;
  private readonly issued = new Map<string, IdCardDocumentKind>();
  private readonly now: () => number;
  private readonly today: () => Date;
  private readonly minIntervalMs: number;
  private readonly reopenIntervalMs: number;
  private readonly liftAfterEmpty: number;
  private readonly newReadId: () => string;
  private readonly onOutcome: (outcome: CardOutcome) => void;

  constructor(
    private readonly reader: CardReader | null,
    options: CardPollerOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.today = options.today ?? (() => new Date());
    this.minIntervalMs = Math.max(options.minIntervalMs ?? ID_CARD_MIN_READER_INTERVAL_MS, 0);
    this.reopenIntervalMs = options.reopenIntervalMs ?? REOPEN_INTERVAL_MS;
    this.liftAfterEmpty = options.liftAfterEmpty ?? LIFT_AFTER_EMPTY;
    this.newReadId = options.newReadId ?? randomUUID;
    this.onOutcome = options.onOutcome ?? (() => undefined);
    this.last = reader === null ? { state: 'unconfigured' } : { state: 'waiting' };
  }

  /** What the reader sees now; asks it only when the last attempt is old enough and none is under way. */
  async poll(): Promise<PollAnswer> {
    if (this.reader === null) return { state: 'unconfigured' };
    if (this.inFlight !== null) return { state: 'reading' };
    const interval = this.last.state === 'no_reader' ? this.reopenIntervalMs : this.minIntervalMs;
    if (this.now() - this.lastAttemptAt < interval) return withoutCard(this.last);
    this.lastAttemptAt = this.now();
    this.inFlight = this.attempt(this.reader).finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  /** Forgets a read handed out (or all of them): a later unlock of it is refused. A card still on the reader stays held. */
  release(readId?: string): boolean {
    if (readId === undefined) {
      const any = this.issued.size > 0;
      this.issued.clear();
      return any;
    }
    return this.issued.delete(readId);
  }

  /** The kind of a read still held (not released), or undefined. */
  issuedKind(readId: string): IdCardDocumentKind | undefined {
    return this.issued.get(readId);
  }

  /** Closes the reader after the read under way, if any, has finished. */
  async close(): Promise<void> {
    await this.inFlight?.catch(() => undefined);
    this.issued.clear();
    await this.reader?.close();
  }

  private async attempt(reader: CardReader): Promise<PollAnswer> {
    let result: ReaderAttempt;
    try {
      result = await reader.attempt();
    } catch {
      result = { outcome: 'unavailable', reason: 'port_unavailable' };
    }
    const answer = this.judge(result);
    this.last = withoutCard(answer);
    return answer;
  }

  private judge(result: ReaderAttempt): PollAnswer {
    if (result.outcome === 'unavailable') {
      this.held = null;
      this.emptyInARow = 0;
      return { state: 'no_reader', reason: result.reason };
    }
    if (this.held !== null) {
      if (result.outcome === 'card') wipe(result.block);
      if (result.outcome !== 'no_card') {
        this.emptyInARow = 0;
        return this.held;
      }
      this.emptyInARow += 1;
      if (this.emptyInARow < this.liftAfterEmpty) return this.held;
      this.held = null;
      this.emptyInARow = 0;
      return { state: 'waiting' };
    }
    switch (result.outcome) {
      case 'no_card':
        return { state: 'waiting' };
      case 'failed':
        this.onOutcome({ outcome: 'failed', code: result.code });
        return this.hold({ state: 'failed', reason: 'read_failed' });
      case 'unsupported':
        this.onOutcome({ outcome: 'unsupported', code: result.code });
        return this.hold({ state: 'unsupported', reason: 'card_kind_unknown' });
      case 'card':
        return this.readCard(result.block);
    }
  }

  private readCard(block: Buffer): PollAnswer {
    const parsed = parseCardBlock(block, this.today());
    wipe(block);
    switch (parsed.outcome) {
      case 'valid': {
        const readId = this.newReadId();
        this.issued.set(readId, parsed.fields.documentKind);
        this.onOutcome({ outcome: 'read', readId, documentKind: parsed.fields.documentKind });
        this.hold({ state: 'lift_card' });
        return { state: 'read', card: { readId, ...parsed.fields } };
      }
      case 'expired':
        this.onOutcome({ outcome: 'expired', documentKind: parsed.documentKind });
        return this.hold({ state: 'expired', expiredOn: parsed.expiredOn });
      case 'refused': {
        this.onOutcome({ outcome: 'refused', documentKind: parsed.documentKind, refusal: parsed.refusal, field: parsed.field });
        const unknown = parsed.refusal === 'card_kind_unknown';
        return this.hold(unknown ? { state: 'unsupported', reason: 'card_kind_unknown' } : { state: 'failed', reason: 'card_data_invalid' });
      }
    }
  }

  private hold(answer: PollAnswer): PollAnswer {
    this.held = answer;
    this.emptyInARow = 0;
    return answer;
  }
}

/** An answer as it may be repeated: a card's fields go out once only. */
function withoutCard(answer: PollAnswer): PollAnswer {
  if (answer.card === undefined) return answer;
  return { state: 'lift_card' };
}
