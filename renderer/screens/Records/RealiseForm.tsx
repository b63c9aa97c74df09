import { useCallback, useMemo, useState } from 'react';
import { useT } from '../../i18n/index';
import type { FieldIssue } from '../../../shared/contract/errors';
import { call, checkInput } from '../../api/client';
import { ConfirmPrompt } from '../../components/ConfirmPrompt';
import { Field } from '../../components/Field';
import { localToday, useFormatDate } from '../../hooks/useFormatDate';
import { useSubmit } from '../../hooks/useSubmit';
import { ActionForm } from '../../components/ActionForm';
import type { OnUpdated, PersonRecord, Registration } from './types';
import { useCheckedConfirm } from './useCheckedConfirm';

interface RealiseFormProps {
  registration: Registration;
  onUpdated: OnUpdated;
  onCancel: () => void;
}

/**
 * Records that the donation of this registration took place: the day and an optional note. Final for
 * the record, so it asks once more; afterwards the memorial and honour certificates can be issued.
 */
export function RealiseForm({ registration, onUpdated, onCancel }: RealiseFormProps) {
  const { t } = useT();
  const formatDate = useFormatDate();
  const [donatedOn, setDonatedOn] = useState('');
  const [note, setNote] = useState('');

  const input = useMemo(
    () => ({ registrationId: registration.id, expectedVersion: registration.version, donatedOn, note }),
    [registration, donatedOn, note],
  );
  const realise = useCallback(() => call('registration:realise', input), [input]);
  const onDone = useCallback(
    (record: PersonRecord) => onUpdated(record, { action: 'realise', number: registration.number }),
    [onUpdated, registration.number],
  );
  const form = useSubmit(realise, onDone);
  // The station's schema, and the day not after the station's today (whether it is before the
  // registration only the station knows), are checked before the final question is asked.
  const check = (): FieldIssue[] => {
    const issues = checkInput('registration:realise', input);
    if (issues.length === 0 && donatedOn > localToday()) return [{ path: 'donatedOn', reason: 'donation_date_future' }];
    return issues;
  };
  const confirmStep = useCheckedConfirm(check, form);

  const program = t(`registration:program.${registration.program}`);
  return (
    <ActionForm
      id="realise"
      title={t('records:realise.title')}
      intro={t('records:realise.intro')}
      onSubmit={confirmStep.ask}
      busy={form.busy}
      errorCode={form.errorCode}
      submitLabel={t('records:realise.submit')}
      onCancel={onCancel}
      footer={
        confirmStep.confirming ? (
          <ConfirmPrompt
            id="realise"
            text={t('records:realise.confirm', { number: registration.number, program, date: donatedOn === '' ? '' : formatDate(donatedOn) })}
            yes={t('records:realise.confirmYes')}
            no={t('records:realise.confirmNo')}
            onYes={confirmStep.confirm}
            onNo={confirmStep.cancel}
          />
        ) : undefined
      }
    >
      <Field id="realise-donated-on" label={t('records:realise.donatedOn')} issue={confirmStep.issueFor('donatedOn')}>
        <input id="realise-donated-on" type="date" value={donatedOn} max={localToday()} onChange={(e) => setDonatedOn(e.target.value)} />
      </Field>
      <Field id="realise-note" label={t('records:realise.note')} issue={confirmStep.issueFor('note')}>
        <input id="realise-note" value={note} onChange={(e) => setNote(e.target.value)} autoComplete="off" />
      </Field>
    </ActionForm>
  );
}
