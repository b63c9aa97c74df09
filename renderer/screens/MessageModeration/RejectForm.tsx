import { useCallback, useEffect, useState } from 'react';
import { useT } from '../../i18n/index';
import type { CallOutput } from '../../../shared/contract/calls';
import { call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { useSubmit } from '../../hooks/useSubmit';

type VisitorMessage = CallOutput<'messages:reject'>;

interface RejectFormProps {
  id: string;
  onDone: (message: VisitorMessage) => void;
  onCancel: () => void;
  /** Someone else decided on the message meanwhile. */
  onStale: () => void;
}

/** Rejecting a message needs a reason, which staff type before confirming. */
export function RejectForm({ id, onDone, onCancel, onStale }: RejectFormProps) {
  const { t } = useT();
  const [reason, setReason] = useState('');
  const action = useCallback(() => call('messages:reject', { id, reason }), [id, reason]);
  const form = useSubmit(action, onDone);
  const fieldId = `reject-reason-${id}`;
  const stale = form.errorCode === 'message_not_pending';
  useEffect(() => {
    if (stale) onStale();
  }, [stale, onStale]);
  return (
    <form className="moderation__reject" onSubmit={form.onSubmit} noValidate>
      <Field id={fieldId} label={t('memorial:moderation.reason')} hint={t('memorial:moderation.reasonHint')} issue={form.issueFor('reason')}>
        <textarea id={fieldId} value={reason} onChange={(e) => setReason(e.target.value)} autoFocus />
      </Field>
      <ErrorBanner code={form.errorCode === 'validation_failed' ? null : form.errorCode} />
      <div className="actions">
        <button type="submit" className="primary" disabled={form.busy}>
          {t('memorial:moderation.confirmReject')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('memorial:moderation.cancel')}
        </button>
      </div>
    </form>
  );
}
