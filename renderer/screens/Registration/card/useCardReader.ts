import { useEffect, useRef, useState } from 'react';
import { ID_CARD_POLL_INTERVAL_MS, type IdCardRead } from '../../../../shared/domain/id-card';
import type { IdCardPollAnswer } from '../../../../shared/validation/id-card';
import { call } from '../../../api/client';

/** What the reader said last, without any card's fields. */
export type ReaderStatus = Omit<IdCardPollAnswer, 'card'>;

/** The answers that refuse a card; said until the next card is read, even after it was lifted. */
const refusalStates: ReadonlySet<ReaderStatus['state']> = new Set(['failed', 'unsupported', 'expired']);

export interface CardReaderOptions {
  /** Whether to ask the reader now. */
  active: boolean;
  /** Stop asking once the reader is empty (a card already fills the step: only its lifting matters). */
  stopWhenEmpty: boolean;
  /** A card was read; answers whether the screen took it. A card not taken is forgotten at once. */
  onRead: (card: IdCardRead) => boolean;
}

export interface CardReaderState {
  /** The last answer; null before the first, or when the station could not be asked. */
  status: ReaderStatus | null;
  /** The last card refused (failed, unsupported or expired) since the last read. */
  refusal: ReaderStatus | null;
}

/** Tells the station to forget a read (or all of them); a failure changes nothing the visitor could act on. */
export function releaseCard(readId?: string): void {
  void call('idCard:release', readId === undefined ? undefined : { readId }).catch(() => undefined);
}

/**
 * Asks the station's reader about every ID_CARD_POLL_INTERVAL_MS while `active`, one poll at a time. A
 * read's fields go straight to `onRead` and are not kept here. Polling ends for good on a station with no
 * reader (`unconfigured`) or one that refuses the call; a read that arrives after the screen stopped
 * listening is released unseen.
 */
export function useCardReader({ active, stopWhenEmpty, onRead }: CardReaderOptions): CardReaderState {
  const [state, setState] = useState<CardReaderState>({ status: null, refusal: null });
  const [stopped, setStopped] = useState(false);
  const onReadRef = useRef(onRead);
  useEffect(() => {
    onReadRef.current = onRead;
  }, [onRead]);

  useEffect(() => {
    if (!active || stopped) return undefined;
    let listening = true;
    let timer: ReturnType<typeof setTimeout> | undefined;

    const poll = async () => {
      let answer: IdCardPollAnswer;
      try {
        answer = await call('idCard:poll', undefined);
      } catch {
        if (listening) {
          setState({ status: null, refusal: null });
          setStopped(true);
        }
        return;
      }
      const { card, ...status } = answer;
      if (!listening) {
        if (card) releaseCard(card.readId);
        return;
      }
      if (card && !onReadRef.current(card)) releaseCard(card.readId);
      setState((previous) => ({
        status,
        refusal: refusalStates.has(status.state) ? status : status.state === 'reading' || status.state === 'read' ? null : previous.refusal,
      }));
      if (status.state === 'unconfigured') {
        setStopped(true);
        return;
      }
      if (stopWhenEmpty && status.state === 'waiting') return;
      timer = setTimeout(() => void poll(), ID_CARD_POLL_INTERVAL_MS);
    };
    void poll();
    return () => {
      listening = false;
      clearTimeout(timer);
    };
  }, [active, stopped, stopWhenEmpty]);

  return state;
}

/** Leaving the registration (finished, wiped for inactivity, or left) makes the station forget every card read for it. */
export function useReleaseCardsOnLeave(): void {
  useEffect(() => () => releaseCard(), []);
}
