import { useCallback, useState } from 'react';
import { useT } from '../../../i18n/index';
import { call } from '../../../api/client';
import { ActionForm } from '../../../components/ActionForm';
import { Field } from '../../../components/Field';
import { useSubmit } from '../../../hooks/useSubmit';
import { fenToYuanText, yuanTextToFen } from '../money';
import type { StepFormProps } from './step-form';

/** The proposal (方案): the amount put to the decision, in yuan, starting from the amount asked. */
export function ProposeForm({ aidCase, onDone, onCancel }: StepFormProps) {
  const { t } = useT();
  const [amount, setAmount] = useState(() => fenToYuanText(aidCase.amountAskedFen));
  const [note, setNote] = useState('');
  const propose = useCallback(
    () => call('aid:propose', { caseId: aidCase.id, amountProposedFen: yuanTextToFen(amount), note }),
    [aidCase.id, amount, note],
  );
  const form = useSubmit(propose, (updated) => onDone(updated, 'proposal'));
  return (
    <ActionForm
      id="aid-propose"
      title={t('aidDesk:propose.title')}
      intro={t('aidDesk:propose.intro')}
      onSubmit={form.onSubmit}
      busy={form.busy}
      errorCode={form.errorCode}
      submitLabel={t('aidDesk:propose.submit')}
      onCancel={onCancel}
    >
      <Field id="aid-propose-amount" label={t('aidDesk:propose.amount')} hint={t('aidDesk:apply.amountHint')} issue={form.issueFor('amountProposedFen')}>
        <input id="aid-propose-amount" inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} autoComplete="off" />
      </Field>
      <Field id="aid-propose-note" label={t('aidDesk:propose.note')} issue={form.issueFor('note')}>
        <input id="aid-propose-note" value={note} onChange={(e) => setNote(e.target.value)} autoComplete="off" />
      </Field>
    </ActionForm>
  );
}
