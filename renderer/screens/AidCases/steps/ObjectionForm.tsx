import { useCallback, useState } from 'react';
import { useT } from '../../../i18n/index';
import { call, checkInput } from '../../../api/client';
import { ConfirmedActionForm } from '../../../components/ConfirmedActionForm';
import { Field } from '../../../components/Field';
import { useConfirmedAction } from '../../../hooks/useConfirmedAction';
import type { StepFormProps } from './step-form';

/** An objection raised during the public notice (kept sealed): the case goes back to the decision; asks once more. */
export function ObjectionForm({ aidCase, onDone, onCancel }: StepFormProps) {
  const { t } = useT();
  const [note, setNote] = useState('');
  const object = useCallback(() => call('aid:objection', { caseId: aidCase.id, note }), [aidCase.id, note]);
  const action = useConfirmedAction(object, (updated) => onDone(updated, 'objection'), () => checkInput('aid:objection', { caseId: aidCase.id, note }));
  return (
    <ConfirmedActionForm id="aid-objection" texts="aidDesk:objection" action={action} onCancel={onCancel}>
      <div className="form-grid__full">
        <Field id="aid-objection-note" label={t('aidDesk:objection.note')} issue={action.issueFor('note')}>
          <textarea id="aid-objection-note" value={note} onChange={(e) => setNote(e.target.value)} rows={3} />
        </Field>
      </div>
    </ConfirmedActionForm>
  );
}
