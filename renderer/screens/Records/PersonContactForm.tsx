import { useCallback, useState } from 'react';
import { useT } from '../../i18n/index';
import { call } from '../../api/client';
import { Field } from '../../components/Field';
import { useSubmit } from '../../hooks/useSubmit';
import { ActionForm } from '../../components/ActionForm';
import type { OnUpdated, PersonRecord } from './types';

interface PersonContactFormProps {
  record: PersonRecord;
  onUpdated: OnUpdated;
  onCancel: () => void;
}

/**
 * New name and phone for the person (the document never changes). The record shows both masked, so
 * they are typed in full; the earlier version stays in the person's history.
 */
export function PersonContactForm({ record, onUpdated, onCancel }: PersonContactFormProps) {
  const { t } = useT();
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [reason, setReason] = useState('');

  const amend = useCallback(
    () => call('person:amend', { personId: record.id, expectedVersion: record.version, name, phone, reason }),
    [record.id, record.version, name, phone, reason],
  );
  const onDone = useCallback((updated: PersonRecord) => onUpdated(updated, { action: 'personAmend' }), [onUpdated]);
  const form = useSubmit(amend, onDone);

  return (
    <ActionForm
      id="person-amend"
      title={t('records:personAmend.title')}
      intro={t('records:personAmend.intro')}
      onSubmit={form.onSubmit}
      busy={form.busy}
      errorCode={form.errorCode}
      submitLabel={t('records:personAmend.submit')}
      onCancel={onCancel}
    >
      <Field id="person-amend-name" label={t('records:person.name')} issue={form.issueFor('name')}>
        <input id="person-amend-name" value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
      </Field>
      <Field id="person-amend-phone" label={t('records:person.phone')} issue={form.issueFor('phone')}>
        <input id="person-amend-phone" type="tel" value={phone} onChange={(e) => setPhone(e.target.value)} autoComplete="off" />
      </Field>
      <Field id="person-amend-reason" label={t('records:reasonOptional')} issue={form.issueFor('reason')}>
        <input id="person-amend-reason" value={reason} onChange={(e) => setReason(e.target.value)} autoComplete="off" />
      </Field>
    </ActionForm>
  );
}
