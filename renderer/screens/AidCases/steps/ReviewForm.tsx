import { useCallback, useState } from 'react';
import { useT } from '../../../i18n/index';
import { call, checkInput } from '../../../api/client';
import { ConfirmedActionForm } from '../../../components/ConfirmedActionForm';
import { Field } from '../../../components/Field';
import { useConfirmedAction } from '../../../hooks/useConfirmedAction';
import type { StepFormProps } from './step-form';

type ReviewOutcome = 'approve' | 'reject';

/** The review (审核): approve for a proposal or reject, with the reviewer's note either way; asks once more. */
export function ReviewForm({ aidCase, onDone, onCancel }: StepFormProps) {
  const { t } = useT();
  const [outcome, setOutcome] = useState<ReviewOutcome>('approve');
  const [note, setNote] = useState('');
  const input = { caseId: aidCase.id, outcome, note };
  const review = useCallback(() => call('aid:review', { caseId: aidCase.id, outcome, note }), [aidCase.id, outcome, note]);
  const action = useConfirmedAction(review, (updated) => onDone(updated, 'review'), () => checkInput('aid:review', input));
  return (
    <ConfirmedActionForm id="aid-review" texts="aidDesk:review" textValues={{ outcome: t(`aidDesk:review.${outcome}`) }} action={action} onCancel={onCancel}>
      <fieldset className="field form-grid__full">
        <legend>{t('aidDesk:review.outcome')}</legend>
        <div className="choices">
          {(['approve', 'reject'] as const).map((option) => (
            <label key={option} className="choice">
              <input type="radio" name="aid-review-outcome" value={option} checked={outcome === option} onChange={() => setOutcome(option)} />
              {t(`aidDesk:review.${option}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="form-grid__full">
        <Field id="aid-review-note" label={t('aidDesk:review.note')} issue={action.issueFor('note')}>
          <textarea id="aid-review-note" value={note} onChange={(e) => setNote(e.target.value)} rows={2} />
        </Field>
      </div>
    </ConfirmedActionForm>
  );
}
