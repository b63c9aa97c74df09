import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsoleFieldIssue } from '../../../../shared/console/errors';
import type { ReviewDecisionKindValue, ReviewDetailView, ReviewListItemView } from '../../../../shared/console/review-calls';
import { ActionForm } from '../../../components/ActionForm';
import { ConfirmPrompt, useConfirmStep } from '../../../components/ConfirmPrompt';
import { REVEAL_SECONDS } from '../../../components/RevealValue';
import { useFormatDateTime } from '../../../hooks/useFormatDateTime';
import { ConsoleApiError, consoleCall, failureOf, type ConsoleFailure } from '../../api/client';
import { useConsoleT } from '../../i18n';
import { ConsoleErrorBanner } from '../../parts/ConsoleErrorBanner';

/** A masked side in one line: 张*, 530102********0021, the birth year. */
export function useMaskedSide(): (side: ReviewListItemView['held']) => string {
  const { t } = useConsoleT();
  return (side) =>
    t('consoleReview:list.side', { name: side.name, document: side.documentNumber, birthYear: side.birthYear ?? t('consoleReview:list.noBirthYear') });
}

const REVEALED_FIELDS = ['name', 'documentKind', 'documentNumber', 'birthDate', 'sex', 'ethnicGroup', 'phone'] as const;

/** A call's failure for the banner: its code and the fields at fault. */
interface Failure {
  code: ConsoleFailure;
  issues: ConsoleFieldIssue[];
}

function failureFrom(error: unknown): Failure {
  return { code: failureOf(error), issues: error instanceof ConsoleApiError ? error.issues : [] };
}

/**
 * One entry opened: both sides masked until revealed (a `review:detail` call the hub audits; the values stay in
 * this panel for {@link REVEAL_SECONDS}), then the decision with its reason, or the undoing of the standing one,
 * each asked once more before the call runs. A refusal (`review_decided`, `review_stale`…) shows in words.
 */
export function ReviewEntryPanel({ entry, onClose, onChanged }: { entry: ReviewListItemView; onClose: () => void; onChanged: (notice: string) => void }) {
  const { t } = useConsoleT();
  const { t: tr } = useTranslation('registration');
  const formatDateTime = useFormatDateTime('short');
  const [revealed, setRevealed] = useState<ReviewDetailView | null>(null);
  const [decision, setDecision] = useState<ReviewDecisionKindValue>('confirm_same');
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (revealed === null) return undefined;
    const timer = setTimeout(() => setRevealed(null), REVEAL_SECONDS * 1000);
    return () => clearTimeout(timer);
  }, [revealed]);

  async function run(work: () => Promise<string>) {
    setBusy(true);
    try {
      const notice = await work();
      setFailure(null);
      onChanged(notice);
    } catch (error) {
      setFailure(failureFrom(error));
    } finally {
      setBusy(false);
    }
  }

  async function reveal() {
    try {
      setRevealed(await consoleCall('review:detail', { id: entry.id }));
      setFailure(null);
    } catch (error) {
      setFailure(failureFrom(error));
    }
  }

  const decisionText = (kind: ReviewDecisionKindValue) => t(`consoleReview:decision.${kind}`);
  const decide = useConfirmStep(() =>
    run(async () => {
      await consoleCall('review:decide', { id: entry.id, decision, reason });
      return t('consoleReview:decide.done', { id: entry.id, decision: decisionText(decision) });
    }),
  );
  const undo = useConfirmStep(() =>
    run(async () => {
      await consoleCall('review:undo', { id: entry.id });
      return t('consoleReview:undo.done', { id: entry.id });
    }),
  );

  const shown = (value: string | null, field: (typeof REVEALED_FIELDS)[number]) => {
    if (value === null) return t('console:none');
    if (field === 'documentKind') return tr(`documentKind.${value}`, { defaultValue: value });
    if (field === 'sex') return tr(`sex.${value}`, { defaultValue: value });
    return value;
  };

  return (
    <section className="console-form" aria-labelledby="review-entry-title" data-testid="review-panel">
      <div className="console-actions">
        <h2 id="review-entry-title">{t('consoleReview:entry.title', { id: entry.id })}</h2>
        <button type="button" className="small" onClick={onClose}>
          {t('consoleReview:entry.close')}
        </button>
      </div>
      <div className="console-table-scroll">
        <table className="data-table">
          <thead>
            <tr>
              <th>{t('consoleReview:entry.field')}</th>
              <th>{t('consoleReview:list.held')}</th>
              <th>{t('consoleReview:list.seen')}</th>
            </tr>
          </thead>
          <tbody data-testid={revealed ? 'review-revealed' : 'review-masked'}>
            {revealed
              ? REVEALED_FIELDS.map((field) => (
                  <tr key={field}>
                    <th scope="row">{t(`consoleReview:entry.${field}`)}</th>
                    <td>{shown(revealed.held[field], field)}</td>
                    <td>{shown(revealed.seen[field], field)}</td>
                  </tr>
                ))
              : (['name', 'documentKind', 'documentNumber', 'birthYear'] as const).map((field) => (
                  <tr key={field}>
                    <th scope="row">{t(`consoleReview:entry.${field}`)}</th>
                    <td>{shown(entry.held[field], field === 'birthYear' ? 'birthDate' : field)}</td>
                    <td>{shown(entry.seen[field], field === 'birthYear' ? 'birthDate' : field)}</td>
                  </tr>
                ))}
          </tbody>
        </table>
      </div>
      <div className="console-actions">
        {revealed ? (
          <button type="button" onClick={() => setRevealed(null)}>
            {t('consoleReview:entry.hide')}
          </button>
        ) : (
          <button type="button" onClick={() => void reveal()}>
            {t('consoleReview:entry.reveal')}
          </button>
        )}
        {revealed ? <span>{t('consoleReview:entry.revealNote', { seconds: REVEAL_SECONDS })}</span> : null}
      </div>
      {revealed && revealed.history.length > 0 ? (
        <div>
          <h3>{t('consoleReview:entry.history')}</h3>
          <ul>
            {revealed.history.map((made) => (
              <li key={made.id}>
                {t('consoleReview:entry.historyLine', { decision: decisionText(made.decision), reason: made.reason, at: formatDateTime(made.decidedAt) })}
                {made.undoneAt ? ` · ${t('consoleReview:entry.undoneLine', { at: formatDateTime(made.undoneAt) })}` : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <ConsoleErrorBanner code={failure?.code ?? null} issues={failure?.issues} />
      {entry.decision === null ? (
        <ActionForm
          id="review-decide"
          title={t('consoleReview:decide.title')}
          intro={t('consoleReview:decide.intro')}
          onSubmit={(event: FormEvent) => decide.ask(event)}
          busy={busy}
          errorCode={null}
          submitLabel={t('consoleReview:decide.submit')}
          onCancel={onClose}
          footer={
            decide.confirming ? (
              <ConfirmPrompt
                id="review-decide"
                text={t('consoleReview:decide.confirm', { id: entry.id, decision: decisionText(decision) })}
                yes={t('consoleReview:decide.confirmYes')}
                no={t('consoleReview:decide.confirmNo')}
                onYes={decide.confirm}
                onNo={decide.cancel}
              />
            ) : undefined
          }
        >
          <fieldset className="form-grid__full">
            <legend>{t('consoleReview:decide.choice')}</legend>
            {(['confirm_same', 'keep_apart'] as const).map((kind) => (
              <label key={kind} className="choice">
                <input type="radio" name="review-decision" value={kind} checked={decision === kind} onChange={() => setDecision(kind)} /> {decisionText(kind)}
              </label>
            ))}
          </fieldset>
          <div className="field form-grid__full">
            <label htmlFor="review-decide-reason">{t('consoleReview:decide.reason')}</label>
            <input id="review-decide-reason" value={reason} onChange={(event) => setReason(event.target.value)} autoComplete="off" />
          </div>
        </ActionForm>
      ) : (
        <ActionForm
          id="review-undo"
          title={t('consoleReview:undo.title')}
          intro={`${t('consoleReview:entry.standing', { decision: decisionText(entry.decision.decision), reason: entry.decision.reason, at: formatDateTime(entry.decision.decidedAt) })} ${t('consoleReview:undo.intro')}`}
          onSubmit={(event: FormEvent) => undo.ask(event)}
          busy={busy}
          errorCode={null}
          submitLabel={t('consoleReview:undo.submit')}
          onCancel={onClose}
          footer={
            undo.confirming ? (
              <ConfirmPrompt
                id="review-undo"
                text={t('consoleReview:undo.confirm', { id: entry.id })}
                yes={t('consoleReview:undo.confirmYes')}
                no={t('consoleReview:undo.confirmNo')}
                onYes={undo.confirm}
                onNo={undo.cancel}
              />
            ) : undefined
          }
        >
          {null}
        </ActionForm>
      )}
    </section>
  );
}
