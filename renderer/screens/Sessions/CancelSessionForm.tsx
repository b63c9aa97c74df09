import { useCallback, useState } from 'react';
import { useT } from '../../i18n/index';
import { call } from '../../api/client';
import { ConfirmPrompt, useConfirmStep } from '../../components/ConfirmPrompt';
import { Field } from '../../components/Field';
import { useSubmit } from '../../hooks/useSubmit';
import { ActionForm } from '../../components/ActionForm';
import type { SessionView } from './types';

interface CancelSessionFormProps {
  session: SessionView;
  onDone: (session: SessionView) => void;
  onCancel: () => void;
}

/** Cancels a session that has not started, with the reason; final, so it asks once more. */
export function CancelSessionForm({ session, onDone, onCancel }: CancelSessionFormProps) {
  const { t } = useT();
  const [reason, setReason] = useState('');
  const cancelSession = useCallback(
    () => call('education:cancel', { sessionId: session.id, version: session.version, reason }),
    [session.id, session.version, reason],
  );
  const form = useSubmit(cancelSession, onDone);
  const confirmStep = useConfirmStep(form.submit);

  return (
    <ActionForm
      id="cancel-session"
      title={t('sessions:cancel.title')}
      intro={t('sessions:cancel.intro')}
      onSubmit={confirmStep.ask}
      busy={form.busy}
      errorCode={form.errorCode}
      submitLabel={t('sessions:cancel.submit')}
      onCancel={onCancel}
      footer={
        confirmStep.confirming ? (
          <ConfirmPrompt
            id="cancel-session"
            text={t('sessions:cancel.confirm', { title: session.title })}
            yes={t('sessions:cancel.confirmYes')}
            no={t('sessions:cancel.confirmNo')}
            onYes={confirmStep.confirm}
            onNo={confirmStep.cancel}
          />
        ) : undefined
      }
    >
      <Field id="cancel-session-reason" label={t('sessions:cancel.reason')} issue={form.issueFor('reason')}>
        <input id="cancel-session-reason" value={reason} onChange={(e) => setReason(e.target.value)} autoComplete="off" />
      </Field>
    </ActionForm>
  );
}
