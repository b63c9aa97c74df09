import { useCallback, useContext, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useT } from '../../../i18n/index';
import type { IdCardRead } from '../../../../shared/domain/id-card';
import { call } from '../../../api/client';
import { AudienceContext } from '../../../audience';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { Field } from '../../../components/Field';
import { useFormatDate } from '../../../hooks/useFormatDate';
import { useSubmit } from '../../../hooks/useSubmit';
import { invalidProps } from '../ChoiceGroup';
import type { StepProps } from '../draft';
import { clearedCardFields, fillFromCard, type CardFill } from './card-fill';
import { ReaderPicture } from './ReaderPicture';
import { releaseCard, useCardReader, type ReaderStatus } from './useCardReader';
import './id-card.css';

type PanelProps = Pick<StepProps, 'draft' | 'update'>;

/** Moves the focus to the document number once it is a field to type in. */
function focusDocumentNumber(): void {
  requestAnimationFrame(() => document.getElementById('document-number')?.focus());
}

/**
 * The ID-card reader on the identity step: "place your card on the reader" with a picture of where,
 * "reading…", "please lift the card", what to do when a card cannot be used, and once a card filled the
 * step, what may be done with it (staff: open its fields with a reason; both: read another card).
 * Typing stays possible throughout. On a station without a reader nothing is shown.
 */
export function IdCardPanel({ draft, update }: PanelProps) {
  const { t } = useT();
  const [typing, setTyping] = useState(false);
  const filled = draft.card;
  const filledRef = useRef(filled);
  useEffect(() => {
    filledRef.current = filled;
  }, [filled]);

  const onRead = useCallback(
    (card: IdCardRead) => {
      if (filledRef.current !== null) return false;
      const filling = fillFromCard(card);
      filledRef.current = filling.card;
      update(filling);
      return true;
    },
    [update],
  );
  const { status, refusal } = useCardReader({ active: !typing, stopWhenEmpty: filled !== null, onRead });

  // Only a card's own fields are emptied: what the visitor typed before stays.
  const putCardAside = () => {
    if (filled === null) return;
    releaseCard(filled.readId);
    filledRef.current = null;
    update(clearedCardFields);
  };
  const typeInstead = () => {
    putCardAside();
    setTyping(true);
    focusDocumentNumber();
  };

  if (status === null || status.state === 'unconfigured') return null;
  if (typing) {
    return (
      <div className="id-card-panel id-card-panel--typing" data-testid="id-card-panel" data-state="typing">
        <p>{t('idCard:panel.typing')}</p>
        <button type="button" onClick={() => setTyping(false)}>
          {t('idCard:panel.useReader')}
        </button>
      </div>
    );
  }
  if (filled) return <FilledCard card={filled} status={status} update={update} onReadAnother={putCardAside} onTypeInstead={typeInstead} />;
  return <Waiting status={status} refusal={refusal} onTypeInstead={typeInstead} />;
}

/** The reader waits, reads, wants the last card lifted, or is missing; a refused card is said until the next read. */
function Waiting({ status, refusal, onTypeInstead }: { status: ReaderStatus; refusal: ReaderStatus | null; onTypeInstead: () => void }) {
  const { t } = useT();
  const audience = useContext(AudienceContext);
  const state = status.state;
  const missing = state === 'no_reader';
  return (
    <div className={missing ? 'id-card-panel id-card-panel--missing' : 'id-card-panel'} data-testid="id-card-panel" data-state={state}>
      <div role="status" aria-live="polite" className="id-card-panel__words">
        {missing ? (
          <>
            <strong>{t('idCard:panel.noReader')}</strong>
            <p>{t('idCard:panel.noReaderTyping')}</p>
            {audience === 'staff' && status.reason ? <p className="field__hint">{t(`idCard:reason.${status.reason}`)}</p> : null}
          </>
        ) : (
          <>
            {refusal && state !== 'reading' ? <RefusalNotice refusal={refusal} /> : null}
            <strong>{t(`idCard:panel.${promptKey(state)}`)}</strong>
            {state === 'waiting' ? <p className="field__hint">{t('idCard:panel.placeHint')}</p> : null}
          </>
        )}
      </div>
      {missing ? null : <ReaderPicture reading={state === 'reading'} />}
      <div className="id-card-panel__actions">
        <button type="button" onClick={onTypeInstead}>
          {t('idCard:panel.typeInstead')}
        </button>
      </div>
    </div>
  );
}

/** What the visitor is asked to do while no card fills the step. */
function promptKey(state: ReaderStatus['state']): 'placeCard' | 'reading' | 'liftFirst' | 'liftRefused' {
  switch (state) {
    case 'reading':
      return 'reading';
    case 'read':
    case 'lift_card':
      return 'liftFirst';
    case 'failed':
    case 'unsupported':
    case 'expired':
      return 'liftRefused';
    default:
      return 'placeCard';
  }
}

/** Why the last card could not be used, in words that say what to do. */
function RefusalNotice({ refusal }: { refusal: ReaderStatus }) {
  const { t } = useT();
  const formatDate = useFormatDate('long');
  const text =
    refusal.state === 'expired'
      ? t('idCard:panel.expired', { date: refusal.expiredOn ? formatDate(refusal.expiredOn) : '' })
      : refusal.state === 'unsupported'
        ? t('idCard:panel.unsupported')
        : refusal.reason === 'card_data_invalid'
          ? t('idCard:panel.dataInvalid')
          : t('idCard:panel.readFailed');
  return (
    <p className="id-card-panel__refusal" data-testid="id-card-refusal" data-refusal={refusal.state}>
      {text}
    </p>
  );
}

interface FilledCardProps {
  card: CardFill;
  status: ReaderStatus;
  update: StepProps['update'];
  onReadAnother: () => void;
  onTypeInstead: () => void;
}

/** A card filled the step: take it back; staff may open its fields with a reason; another card may be read. */
function FilledCard({ card, status, update, onReadAnother, onTypeInstead }: FilledCardProps) {
  const { t } = useT();
  const audience = useContext(AudienceContext);
  const [unlocking, setUnlocking] = useState(false);
  const stillOnReader = status.state === 'lift_card' || status.state === 'reading';
  return (
    <div className="id-card-panel id-card-panel--filled" data-testid="id-card-panel" data-state={card.locked ? 'filled' : 'unlocked'}>
      <div role="status" aria-live="polite" className="id-card-panel__words">
        <strong>{t(card.locked ? 'idCard:panel.filled' : 'idCard:unlock.done')}</strong>
        {stillOnReader ? <p>{t('idCard:panel.takeCardBack')}</p> : null}
      </div>
      {unlocking ? (
        <UnlockForm readId={card.readId} onUnlocked={() => update({ card: { ...card, locked: false } })} onCancel={() => setUnlocking(false)} />
      ) : (
        <div className="id-card-panel__actions">
          {audience === 'staff' && card.locked ? (
            <button type="button" onClick={() => setUnlocking(true)}>
              {t('idCard:unlock.button')}
            </button>
          ) : null}
          <button type="button" onClick={onReadAnother}>
            {t('idCard:panel.readAnother')}
          </button>
          {audience === 'staff' ? null : (
            <button type="button" onClick={onTypeInstead}>
              {t('idCard:panel.typeInstead')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}

/** Staff open the card's fields for editing, saying why; the station keeps the reason in its audit trail. */
function UnlockForm({ readId, onUnlocked, onCancel }: { readId: string; onUnlocked: () => void; onCancel: () => void }) {
  const { t } = useT();
  const [reason, setReason] = useState('');
  const unlock = useCallback(() => call('idCard:unlock', { readId, reason }), [readId, reason]);
  const form = useSubmit(unlock, onUnlocked);
  const reasonIssue = form.issueFor('reason');
  // The reason sits inside the step's form: Enter unlocks instead of going on to the next step.
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    void form.submit();
  };
  return (
    <div className="id-card-panel__unlock" role="group" aria-labelledby="id-card-unlock-title">
      <strong id="id-card-unlock-title">{t('idCard:panel.unlockTitle')}</strong>
      {form.errorCode === 'not_found' ? (
        <p className="id-card-panel__refusal" role="alert">
          {t('idCard:unlock.gone')}
        </p>
      ) : (
        <ErrorBanner code={reasonIssue ? null : form.errorCode} />
      )}
      <Field id="id-card-unlock-reason" label={t('idCard:unlock.reason')} hint={t('idCard:panel.unlockReasonHint')} issue={reasonIssue}>
        <input
          id="id-card-unlock-reason"
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          onKeyDown={onKeyDown}
          autoComplete="off"
          {...invalidProps('id-card-unlock-reason-error', reasonIssue)}
        />
      </Field>
      <div className="id-card-panel__actions">
        <button type="button" className="primary" onClick={() => void form.submit()} disabled={form.busy}>
          {t('idCard:unlock.confirm')}
        </button>
        <button type="button" onClick={onCancel} disabled={form.busy}>
          {t('idCard:panel.unlockCancel')}
        </button>
      </div>
    </div>
  );
}
