import type { IdCardReaderSettings } from '../../../shared/domain/id-card';
import type { IdCardTestResult } from '../../../shared/validation/id-card';
import { parseCardBlock, wipe } from '../../idcard/card-layout';
import { CardPoller, createCardReader, type CardOutcome, type CardPollerOptions, type CardReader, type PollAnswer } from '../../idcard/index';
import type { Actor } from '../kernel/audit';
import type { StationContext } from '../kernel/context';
import { AppError } from '../kernel/errors';
import { changeSettings } from '../kernel/settings-change';

/** Builds the reader the settings name (vendor library, simulator) or none; tests pass their own. */
export type CardReaderFactory = (settings: IdCardReaderSettings) => CardReader | null;

/** How the poller is tuned; the station's clock gives the day cards are judged against. */
export type IdCardPollerTuning = Omit<CardPollerOptions, 'onOutcome' | 'today'>;

/**
 * The station's ID-card reader: built from the reader settings on the first poll (and again after they
 * change), polled by the identity step, closed with the station. Every card read is audited by its kind
 * and outcome, never its number or name; opening the card-filled fields is audited with its reason.
 */
export class IdCardReaderService {
  private poller: Promise<CardPoller> | null = null;
  /** Set while the administrator tries the reader: the port has one owner, so polls wait their turn. */
  private testing = false;
  private pollerKind: IdCardReaderSettings['kind'] = 'none';
  /** Outcomes the poller reported during a poll, audited once the poll has answered. */
  private readonly outcomes: CardOutcome[] = [];

  constructor(
    private readonly ctx: StationContext,
    private readonly createReader: CardReaderFactory = createCardReader,
    private readonly tuning: IdCardPollerTuning = {},
  ) {}

  /** What the reader sees now (see `idCard:poll`). */
  async poll(actor: Actor): Promise<PollAnswer> {
    if (this.testing) return { state: 'reading' };
    const poller = await this.currentPoller();
    const answer = await poller.poll();
    await this.auditOutcomes(actor);
    return answer;
  }

  /** Forgets a read (or all): a later unlock of it is refused; the card's fields were never kept. */
  async release(readId?: string): Promise<{ released: boolean }> {
    const poller = await this.heldPoller();
    return { released: poller?.release(readId) ?? false };
  }

  /** Records that a staff member opened a read's fields for editing, and why. */
  async unlock(readId: string, reason: string, actor: Actor): Promise<{ readId: string; unlockedAt: string }> {
    const documentKind = (await this.heldPoller())?.issuedKind(readId);
    if (documentKind === undefined) throw new AppError('not_found');
    const station = await this.ctx.station.require();
    const unlockedAt = this.ctx.clock.now().toISOString();
    await this.ctx.audit.record({ actor, stationCode: station.code, action: 'id_card_unlock', objectType: 'id_card', objectId: readId, detail: { documentKind, reason } });
    return { readId, unlockedAt };
  }

  async settings(): Promise<IdCardReaderSettings> {
    return this.ctx.settings.read('idCardReader');
  }

  /** Saves the reader settings (audited as a settings change); the reader in use is closed, the next poll opens the new one. */
  async configure(next: IdCardReaderSettings, actor: Actor): Promise<IdCardReaderSettings> {
    const stored = await changeSettings(this.ctx, 'idCardReader', next, actor);
    await this.closePoller();
    return stored;
  }

  /**
   * Opens the configured reader on its own (the one in use is closed first: a port has one owner), looks
   * for a card once and reads it if there is one; answers what it found without any of the card's data.
   */
  async test(actor: Actor): Promise<IdCardTestResult> {
    const settings = await this.settings();
    this.testing = true;
    try {
      await this.closePoller();
      return await this.tryReader(settings, actor);
    } finally {
      this.testing = false;
    }
  }

  private async tryReader(settings: IdCardReaderSettings, actor: Actor): Promise<IdCardTestResult> {
    const reader = this.createReader(settings);
    if (reader === null) return { kind: settings.kind, state: 'unconfigured', port: null };
    try {
      const opened = await reader.open();
      if (!opened.ok) return { kind: settings.kind, state: 'no_reader', reason: opened.reason, port: null };
      const attempt = await reader.attempt();
      const port = opened.port;
      switch (attempt.outcome) {
        case 'no_card':
          return { kind: settings.kind, state: 'waiting', port };
        case 'unavailable':
          return { kind: settings.kind, state: 'no_reader', reason: attempt.reason, port };
        case 'failed':
          return { kind: settings.kind, state: 'failed', reason: 'read_failed', port };
        case 'unsupported':
          return { kind: settings.kind, state: 'unsupported', reason: 'card_kind_unknown', port };
        case 'card': {
          const parsed = parseCardBlock(attempt.block, this.ctx.clock.now());
          wipe(attempt.block);
          await this.auditRead(actor, settings.kind, toOutcome(parsed), true);
          if (parsed.outcome === 'valid') return { kind: settings.kind, state: 'read', port, documentKind: parsed.fields.documentKind };
          if (parsed.outcome === 'expired') return { kind: settings.kind, state: 'expired', port, documentKind: parsed.documentKind };
          const unknown = parsed.refusal === 'card_kind_unknown';
          return { kind: settings.kind, state: unknown ? 'unsupported' : 'failed', reason: unknown ? 'card_kind_unknown' : 'card_data_invalid', port };
        }
      }
    } finally {
      await reader.close();
    }
  }

  /** Closes the reader; called when the station closes. */
  async close(): Promise<void> {
    await this.closePoller();
  }

  /** The poller of the reader the settings name, built once (two first polls at once share it). */
  private currentPoller(): Promise<CardPoller> {
    this.poller ??= this.settings().then(
      (settings) => {
        this.pollerKind = settings.kind;
        return new CardPoller(this.createReader(settings), {
          ...this.tuning,
          today: () => this.ctx.clock.now(),
          onOutcome: (outcome) => this.outcomes.push(outcome),
        });
      },
      (error: unknown) => {
        // Settings that could not be read are read again on the next poll.
        this.poller = null;
        throw error;
      },
    );
    return this.poller;
  }

  /** The poller in use, if one was built: none has handed out a read otherwise. */
  private async heldPoller(): Promise<CardPoller | null> {
    return (await this.poller?.catch(() => null)) ?? null;
  }

  private async closePoller(): Promise<void> {
    const pending = this.poller;
    this.poller = null;
    const poller = await pending?.catch(() => null);
    await poller?.close();
  }

  private async auditOutcomes(actor: Actor): Promise<void> {
    const pending = this.outcomes.splice(0);
    for (const outcome of pending) await this.auditRead(actor, this.pollerKind, outcome, false);
  }

  /** One audit entry per card: the reader kind, the outcome and the card kind; never the number or the name. */
  private async auditRead(actor: Actor, reader: IdCardReaderSettings['kind'], outcome: CardOutcome, test: boolean): Promise<void> {
    const station = await this.ctx.station.get();
    if (station === null) return;
    const { readId, ...detail } = outcome;
    await this.ctx.audit.record({
      actor,
      stationCode: station.code,
      action: 'id_card_read',
      objectType: 'id_card',
      ...(readId === undefined ? {} : { objectId: readId }),
      detail: { reader, ...detail, ...(test ? { test } : {}) },
    });
  }
}

function toOutcome(parsed: ReturnType<typeof parseCardBlock>): CardOutcome {
  switch (parsed.outcome) {
    case 'valid':
      return { outcome: 'read', documentKind: parsed.fields.documentKind };
    case 'expired':
      return { outcome: 'expired', documentKind: parsed.documentKind };
    case 'refused':
      return { outcome: 'refused', documentKind: parsed.documentKind, refusal: parsed.refusal, field: parsed.field };
  }
}
