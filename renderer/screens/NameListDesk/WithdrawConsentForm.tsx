import { useCallback, useState } from 'react';
import { useT } from '../../i18n/index';
import { call } from '../../api/client';
import { ConfirmPrompt, useConfirmStep } from '../../components/ConfirmPrompt';
import { Field } from '../../components/Field';
import { useSubmit } from '../../hooks/useSubmit';
import { ActionForm } from '../../components/ActionForm';
import type { MemorialEntryView } from './types';

interface WithdrawConsentFormProps {
  entry: MemorialEntryView;
  onDone: (entry: MemorialEntryView) => void;
  onCancel: () => void;
}

/** Withdraws the family's consent with the reason; the name leaves the public list at once, so it asks once more. */
export function WithdrawConsentForm({ entry, onDone, onCancel }: WithdrawConsentFormProps) {
  const { t } = useT();
  const [reason, setReason] = useState('');
  const withdraw = useCallback(() => call('nameList:withdrawConsent', { entryId: entry.id, reason }), [entry.id, reason]);
  const form = useSubmit(withdraw, onDone);
  const confirmStep = useConfirmStep(form.submit);
  const id = `withdraw-${entry.id}`;

  return (
    <ActionForm
      id="withdraw-consent"
      title={t('nameListDesk:withdraw.title', { name: entry.name })}
      intro={t('nameListDesk:withdraw.intro')}
      onSubmit={confirmStep.ask}
      busy={form.busy}
      errorCode={form.errorCode}
      submitLabel={t('nameListDesk:withdraw.submit')}
      onCancel={onCancel}
      footer={
        confirmStep.confirming ? (
          <ConfirmPrompt
            id="withdraw-consent"
            text={t('nameListDesk:withdraw.confirm', { name: entry.name })}
            yes={t('nameListDesk:withdraw.confirmYes')}
            no={t('nameListDesk:withdraw.confirmNo')}
            onYes={confirmStep.confirm}
            onNo={confirmStep.cancel}
          />
        ) : undefined
      }
    >
      <Field id={`${id}-reason`} label={t('nameListDesk:withdraw.reason')} issue={form.issueFor('reason')}>
        <input id={`${id}-reason`} value={reason} onChange={(e) => setReason(e.target.value)} autoComplete="off" />
      </Field>
    </ActionForm>
  );
}
