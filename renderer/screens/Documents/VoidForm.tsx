import { useCallback, useState, type FormEvent } from 'react';
import { useT } from '../../i18n/index';
import { call } from '../../api/client';
import { Field } from '../../components/Field';
import { useSubmit } from '../../hooks/useSubmit';
import { ActionForm } from '../Records/ActionForm';
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
  const [confirming, setConfirming] = useState(false);

  const voidDocument = useCallback(() => call('documents:void', { documentId: document.id, reason }), [document.id, reason]);
  const done = useCallback((voided: DocumentView) => onDone({ action: 'void', serial: voided.serial }), [onDone]);
  const form = useSubmit(voidDocument, done);

  const askToConfirm = (event: FormEvent) => {
    event.preventDefault();
    setConfirming(true);
  };
  const confirm = () => {
    setConfirming(false);
    void form.submit();
  };

  return (
    <ActionForm
      id="void"
      title={t('documentDesk:void.title', { serial: document.serial })}
      intro={t('documentDesk:void.intro')}
      onSubmit={askToConfirm}
      busy={form.busy}
      errorCode={form.errorCode}
      submitLabel={t('documentDesk:void.submit')}
      onCancel={onCancel}
      footer={
        confirming ? (
          <div className="confirm" role="alertdialog" aria-labelledby="void-confirm-text">
            <p id="void-confirm-text">{t('documentDesk:void.confirm', { serial: document.serial })}</p>
            <div className="actions">
              <button type="button" className="danger" onClick={confirm}>
                {t('documentDesk:void.confirmYes')}
              </button>
              <button type="button" onClick={() => setConfirming(false)}>
                {t('documentDesk:void.confirmNo')}
              </button>
            </div>
          </div>
        ) : undefined
      }
    >
      <Field id="void-reason" label={t('documentDesk:void.reason')} issue={form.issueFor('reason')}>
        <input id="void-reason" value={reason} onChange={(e) => setReason(e.target.value)} autoComplete="off" />
      </Field>
    </ActionForm>
  );
}
