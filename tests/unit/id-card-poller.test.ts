import { describe, expect, it } from 'vitest';
import { CardPoller, type CardOutcome } from '../../electron/idcard/card-poller';
import type { CardReader, ReaderAttempt, ReaderOpening } from '../../electron/idcard/reader';
import { sampleCardBlock, unknownKindBlock } from '../../electron/idcard/sample-cards';

/** A reader answering from a script; the last answer repeats. Records every block it handed out. */
class ScriptedReader implements CardReader {
  readonly kind = 'simulated' as const;
  attempts = 0;
  closed = false;
  readonly blocks: Buffer[] = [];
  private gate: Promise<void> | null = null;

  constructor(private script: Array<ReaderAttempt['outcome'] | ReaderAttempt>) {}

  next(...answers: Array<ReaderAttempt['outcome'] | ReaderAttempt>): void {
    this.script = answers;
  }

  /** The next attempt waits until `finish()` is called: a slow read. */
  hold(): { finish: () => void } {
    let finish: () => void = () => undefined;
    this.gate = new Promise<void>((resolve) => (finish = resolve));
    return { finish: () => finish() };
  }

  async open(): Promise<ReaderOpening> {
    return { ok: true, port: null };
  }

  async attempt(): Promise<ReaderAttempt> {
    this.attempts += 1;
    if (this.gate !== null) {
      const gate = this.gate;
      this.gate = null;
      await gate;
    }
    const next = this.script.length > 1 ? this.script.shift()! : this.script[0]!;
    const answer: ReaderAttempt = typeof next === 'string' ? toAttempt(next) : next;
    if (answer.outcome === 'card') this.blocks.push(answer.block);
    return answer;
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}

function toAttempt(outcome: ReaderAttempt['outcome']): ReaderAttempt {
  switch (outcome) {
    case 'card':
      return { outcome: 'card', block: sampleCardBlock('resident') };
    case 'failed':
      return { outcome: 'failed', code: 0x41 };
    case 'unsupported':
      return { outcome: 'unsupported', code: 0x40 };
    case 'unavailable':
      return { outcome: 'unavailable', reason: 'port_unavailable' };
    case 'no_card':
      return { outcome: 'no_card' };
  }
}

/** A poller on a hand-moved clock; each `tick` moves it past the 300 ms minimum. */
function pollerOn(reader: CardReader | null) {
  let now = 0;
  const outcomes: CardOutcome[] = [];
  let ids = 0;
  const poller = new CardPoller(reader, {
    now: () => now,
    today: () => new Date(2026, 11, 6),
    newReadId: () => `read-${(ids += 1)}`,
    onOutcome: (outcome) => outcomes.push(outcome),
  });
  const tick = (ms = 300) => {
    now += ms;
  };
  const pollAfter = async (ms = 300) => {
    tick(ms);
    return poller.poll();
  };
  return { poller, outcomes, tick, pollAfter };
}

describe('the card poller', () => {
  it('answers unconfigured without a reader', async () => {
    const { poller } = pollerOn(null);
    expect(await poller.poll()).toEqual({ state: 'unconfigured' });
  });

  it('hands a card out once, then asks for it to be lifted until the reader sees no card three times in a row', async () => {
    const reader = new ScriptedReader(['no_card', 'card', 'card', 'no_card', 'card', 'no_card', 'no_card', 'no_card', 'card']);
    const { outcomes, pollAfter } = pollerOn(reader);
    expect(await pollAfter()).toEqual({ state: 'waiting' });
    const read = await pollAfter();
    expect(read).toMatchObject({ state: 'read', card: { readId: 'read-1', documentKind: 'resident_id', documentNumber: '110101199001011237' } });
    // Still on the reader, then a flicker of "no card" and back: the same card, not read again.
    expect(await pollAfter()).toEqual({ state: 'lift_card' });
    expect(await pollAfter()).toEqual({ state: 'lift_card' });
    expect(await pollAfter()).toEqual({ state: 'lift_card' });
    expect(await pollAfter()).toEqual({ state: 'lift_card' });
    expect(await pollAfter()).toEqual({ state: 'lift_card' });
    expect(await pollAfter()).toEqual({ state: 'waiting' });
    expect(await pollAfter()).toMatchObject({ state: 'read', card: { readId: 'read-2' } });
    expect(outcomes).toEqual([
      { outcome: 'read', readId: 'read-1', documentKind: 'resident_id' },
      { outcome: 'read', readId: 'read-2', documentKind: 'resident_id' },
    ]);
  });

  it('overwrites every block it was given, whether it read it or not', async () => {
    const reader = new ScriptedReader(['card', 'card', 'no_card']);
    const { pollAfter } = pollerOn(reader);
    await pollAfter();
    await pollAfter();
    expect(reader.blocks).toHaveLength(2);
    for (const block of reader.blocks) expect(block.every((byte) => byte === 0)).toBe(true);
  });

  it('asks the reader at most every 300 ms, repeating the last answer without the card in between', async () => {
    const reader = new ScriptedReader(['card', 'no_card']);
    const { poller, pollAfter, tick } = pollerOn(reader);
    expect(await pollAfter()).toMatchObject({ state: 'read' });
    tick(100);
    expect(await poller.poll()).toEqual({ state: 'lift_card' });
    tick(100);
    expect(await poller.poll()).toEqual({ state: 'lift_card' });
    expect(reader.attempts).toBe(1);
    tick(100);
    await poller.poll();
    expect(reader.attempts).toBe(2);
  });

  it('reads one card at a time: a poll during a read answers reading without asking the reader', async () => {
    const reader = new ScriptedReader(['card', 'no_card']);
    const { poller, tick } = pollerOn(reader);
    const slow = reader.hold();
    tick(300);
    const first = poller.poll();
    tick(300);
    expect(await poller.poll()).toEqual({ state: 'reading' });
    tick(300);
    expect(await poller.poll()).toEqual({ state: 'reading' });
    slow.finish();
    expect(await first).toMatchObject({ state: 'read' });
    expect(reader.attempts).toBe(1);
  });

  it('maps failures: read failed, unsupported card, unknown flag, bad data, expired card; each held until the card is lifted', async () => {
    const cases: Array<[ReaderAttempt, object, CardOutcome]> = [
      [{ outcome: 'failed', code: 0x41 }, { state: 'failed', reason: 'read_failed' }, { outcome: 'failed', code: 0x41 }],
      [{ outcome: 'unsupported', code: 0x40 }, { state: 'unsupported', reason: 'card_kind_unknown' }, { outcome: 'unsupported', code: 0x40 }],
      [{ outcome: 'card', block: unknownKindBlock() }, { state: 'unsupported', reason: 'card_kind_unknown' }, { outcome: 'refused', refusal: 'card_kind_unknown', documentKind: undefined, field: undefined }],
      [{ outcome: 'card', block: Buffer.alloc(200) }, { state: 'failed', reason: 'card_data_invalid' }, { outcome: 'refused', refusal: 'block_size', documentKind: undefined, field: undefined }],
      [{ outcome: 'card', block: sampleCardBlock('resident-expired') }, { state: 'expired', expiredOn: '2025-06-01' }, { outcome: 'expired', documentKind: 'resident_id' }],
    ];
    for (const [attempt, answer, outcome] of cases) {
      const reader = new ScriptedReader([attempt, attempt, 'no_card']);
      const { pollAfter, outcomes } = pollerOn(reader);
      expect(await pollAfter()).toEqual(answer);
      expect(await pollAfter()).toEqual(answer);
      expect(await pollAfter()).toEqual(answer);
      expect(await pollAfter()).toEqual(answer);
      expect(await pollAfter()).toEqual({ state: 'waiting' });
      expect(outcomes).toEqual([outcome]);
    }
  });

  it('answers no_reader when the reader is gone, retries only every 2 s, and reads again once it is back', async () => {
    const reader = new ScriptedReader([{ outcome: 'unavailable', reason: 'library_missing' }]);
    const { poller, pollAfter } = pollerOn(reader);
    expect(await pollAfter()).toEqual({ state: 'no_reader', reason: 'library_missing' });
    expect(await pollAfter(300)).toEqual({ state: 'no_reader', reason: 'library_missing' });
    expect(reader.attempts).toBe(1);
    reader.next('card');
    expect(await pollAfter(2000)).toMatchObject({ state: 'read' });
    expect(reader.attempts).toBe(2);
    await poller.close();
    expect(reader.closed).toBe(true);
  });

  it('treats a reader that throws as one that is gone', async () => {
    const reader = new ScriptedReader(['no_card']);
    reader.attempt = () => Promise.reject(new Error('binding crashed'));
    const { pollAfter } = pollerOn(reader);
    expect(await pollAfter()).toEqual({ state: 'no_reader', reason: 'port_unavailable' });
  });

  it('keeps only the read identifiers and kinds it handed out, and forgets them on release', async () => {
    const reader = new ScriptedReader(['card', 'no_card']);
    const { poller, pollAfter } = pollerOn(reader);
    await pollAfter();
    expect(poller.issuedKind('read-1')).toBe('resident_id');
    expect(poller.release('read-2')).toBe(false);
    expect(poller.release('read-1')).toBe(true);
    expect(poller.issuedKind('read-1')).toBeUndefined();
    expect(poller.release()).toBe(false);
    // The card is still held: released, but not read again until it is lifted.
    expect(await pollAfter()).toEqual({ state: 'lift_card' });
  });
});
