import { useCallback, useMemo, useState } from 'react';
import { useT } from '../../../i18n/index';
import type { CallInput } from '../../../../shared/contract/calls';
import { call, checkInput } from '../../../api/client';
import { ConfirmedActionForm } from '../../../components/ConfirmedActionForm';
import { Field } from '../../../components/Field';
import { useConfirmedAction } from '../../../hooks/useConfirmedAction';
import { fenToYuanText, yuanTextToFen } from '../money';
import type { StepFormProps } from './step-form';

type DecisionOutcome = 'grant' | 'reject';

/** The decision (决定), the administrator's: the amount granted (from the proposal) or a rejection with its note. */
export function DecideForm({ aidCase, onDone, onCancel }: StepFormProps) {
  const { t } = useT();
  const [outcome, setOutcome] = useState<DecisionOutcome>('grant');
  const [amount, setAmount] = useState(() => fenToYuanText(aidCase.amountProposedFen ?? aidCase.amountAskedFen));
  const [note, setNote] = useState('');
  const input = useMemo<CallInput<'aid:decide'>>(
    () =>
      outcome === 'grant'
        ? { caseId: aidCase.id, outcome: 'grant', amountGrantedFen: yuanTextToFen(amount), note }
        : { caseId: aidCase.id, outcome: 'reject', note },
    [aidCase.id, outcome, amount, note],
  );
  const decide = useCallback(() => call('aid:decide', input), [input]);
  const action = useConfirmedAction(decide, (updated) => onDone(updated, 'decision'), () => checkInput('aid:decide', input));
  return (
    <ConfirmedActionForm id="aid-decide" texts="aidDesk:decide" action={action} onCancel={onCancel}>
      <fieldset className="field form-grid__full">
        <legend>{t('aidDesk:decide.outcome')}</legend>
        <div className="choices">
          {(['grant', 'reject'] as const).map((option) => (
            <label key={option} className="choice">
              <input type="radio" name="aid-decide-outcome" value={option} checked={outcome === option} onChange={() => setOutcome(option)} />
              {t(`aidDesk:decide.${option}`)}
            </label>
          ))}
        </div>
      </fieldset>
      {outcome === 'grant' ? (
        <Field id="aid-decide-amount" label={t('aidDesk:decide.amount')} hint={t('aidDesk:apply.amountHint')} issue={action.issueFor('amountGrantedFen')}>
          <input id="aid-decide-amount" inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} autoComplete="off" />
        </Field>
      ) : null}
      <Field id="aid-decide-note" label={outcome === 'grant' ? t('aidDesk:decide.noteOptional') : t('aidDesk:decide.note')} issue={action.issueFor('note')}>
        <input id="aid-decide-note" value={note} onChange={(e) => setNote(e.target.value)} autoComplete="off" />
      </Field>
    </ConfirmedActionForm>
  );
}
