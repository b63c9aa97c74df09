import { useCallback, useState } from 'react';
import { useT } from '../../i18n/index';
import { call } from '../../api/client';
import { Field } from '../../components/Field';
import { useFormatDateTime } from '../../hooks/useFormatDateTime';
import { useSubmit } from '../../hooks/useSubmit';
import { ActionForm } from '../../components/ActionForm';
import type { OnUpdated, PersonRecord } from './types';

interface RefusalSectionProps {
  record: PersonRecord;
  refusal: NonNullable<PersonRecord['refusal']>;
  revoking: boolean;
  onRevoking: (open: boolean) => void;
  onUpdated: OnUpdated;
}

/**
 * The person's refusal of donation (不同意捐献), shown first because it means nobody may consent for
 * them; revoked only at the person's own request, with a reason.
 */
export function RefusalSection({ record, refusal, revoking, onRevoking, onUpdated }: RefusalSectionProps) {
  const { t } = useT();
  const formatDateTime = useFormatDateTime();
  const [reason, setReason] = useState('');

  const revoke = useCallback(() => call('refusal:revoke', { personId: record.id, reason }), [record.id, reason]);
  const onDone = useCallback((updated: PersonRecord) => onUpdated(updated, { action: 'refusalRevoked' }), [onUpdated]);
  const form = useSubmit(revoke, onDone);

  return (
    <section className="refusal" aria-labelledby="refusal-title" data-testid="refusal">
      <h2 id="refusal-title">{t('records:refusal.onFile')}</h2>
      <p>{t('records:refusal.recordedAt', { time: formatDateTime(refusal.recordedAt) })}</p>
      {refusal.statement ? <blockquote>{refusal.statement}</blockquote> : null}
      {revoking ? (
        <ActionForm
          id="refusal-revoke"
          title={t('records:refusal.revokeTitle')}
          intro={t('records:refusal.revokeIntro')}
          onSubmit={form.onSubmit}
          busy={form.busy}
          errorCode={form.errorCode}
          submitLabel={t('records:refusal.revokeSubmit')}
          onCancel={() => onRevoking(false)}
        >
          <Field id="refusal-revoke-reason" label={t('records:refusal.revokeReason')} issue={form.issueFor('reason')}>
            <input id="refusal-revoke-reason" value={reason} onChange={(e) => setReason(e.target.value)} autoComplete="off" />
          </Field>
        </ActionForm>
      ) : (
        <button type="button" onClick={() => onRevoking(true)}>
          {t('records:refusal.revoke')}
        </button>
      )}
    </section>
  );
}
