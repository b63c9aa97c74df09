import { useCallback, useState } from 'react';
import { useT } from '../../i18n/index';
import { call } from '../../api/client';
import { ConfirmPrompt, useConfirmStep } from '../../components/ConfirmPrompt';
import { Field } from '../../components/Field';
import { useSubmit } from '../../hooks/useSubmit';
import { ActionForm } from '../../components/ActionForm';
import type { DocumentView, OnDocumentDone } from './types';

interface VoidFormProps {
  document: DocumentView;
  onDone: OnDocumentDone;
  onCancel: () => void;
}

/** Voids a copy with the reason; final, so it asks once more. */
export function VoidForm({ document, onDone, onCancel }: VoidFormProps) {
  const { t } = useT();
  const [reason, setReason] = useState('');

  const voidDocument = useCallback(() => call('documents:void', { documentId: document.id, reason }), [document.id, reason]);
  const done = useCallback((voided: DocumentView) => onDone({ action: 'void', serial: voided.serial }), [onDone]);
  const form = useSubmit(voidDocument, done);

  const confirmStep = useConfirmStep(form.submit);

  return (
    <ActionForm
      id="void"
      title={t('documentDesk:void.title', { serial: document.serial })}
      intro={t('documentDesk:void.intro')}
      onSubmit={confirmStep.ask}
      busy={form.busy}
      errorCode={form.errorCode}
      submitLabel={t('documentDesk:void.submit')}
      onCancel={onCancel}
      footer={
        confirmStep.confirming ? (
          <ConfirmPrompt
            id="void"
            text={t('documentDesk:void.confirm', { serial: document.serial })}
            yes={t('documentDesk:void.confirmYes')}
            no={t('documentDesk:void.confirmNo')}
            onYes={confirmStep.confirm}
            onNo={confirmStep.cancel}
          />
        ) : undefined
      }
    >
      <Field id="void-reason" label={t('documentDesk:void.reason')} issue={form.issueFor('reason')}>
        <input id="void-reason" value={reason} onChange={(e) => setReason(e.target.value)} autoComplete="off" />
      </Field>
    </ActionForm>
  );
}
