import { useCallback, useState } from 'react';
import { useT } from '../../i18n/index';
import { followUpOutcomes, type FollowUpOutcome } from '../../../shared/domain/registration';
import { call } from '../../api/client';
import { Field } from '../../components/Field';
import { useSubmit } from '../../hooks/useSubmit';
import { ActionForm } from '../../components/ActionForm';
import type { OnUpdated, PersonRecord, Registration } from './types';

interface FollowUpFormProps {
  registration: Registration;
  onUpdated: OnUpdated;
  onCancel: () => void;
}

/** Logs a call to a volunteer and what it came to, so that contact data is known to be current. */
export function FollowUpForm({ registration, onUpdated, onCancel }: FollowUpFormProps) {
  const { t } = useT();
  const [outcome, setOutcome] = useState<FollowUpOutcome | ''>('');
  const [note, setNote] = useState('');

  const log = useCallback(
    () => call('registration:followUp', { registrationId: registration.id, outcome: outcome as FollowUpOutcome, note }),
    [registration.id, outcome, note],
  );
  const onDone = useCallback(
    (record: PersonRecord) => onUpdated(record, { action: 'followUp', number: registration.number }),
    [onUpdated, registration.number],
  );
  const form = useSubmit(log, onDone);

  return (
    <ActionForm
      id="follow-up"
      title={t('records:followUp.title')}
      onSubmit={form.onSubmit}
      busy={form.busy}
      errorCode={form.errorCode}
      submitLabel={t('records:followUp.submit')}
      onCancel={onCancel}
    >
      <Field id="follow-up-outcome" label={t('records:followUp.outcome')} issue={form.issueFor('outcome')}>
        <select id="follow-up-outcome" value={outcome} onChange={(e) => setOutcome(e.target.value as FollowUpOutcome)}>
          <option value="">{t('common:choose')}</option>
          {followUpOutcomes.map((option) => (
            <option key={option} value={option}>
              {t(`registration:followUpOutcome.${option}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field id="follow-up-note" label={t('records:followUp.note')} issue={form.issueFor('note')}>
        <input id="follow-up-note" value={note} onChange={(e) => setNote(e.target.value)} autoComplete="off" />
      </Field>
    </ActionForm>
  );
}
