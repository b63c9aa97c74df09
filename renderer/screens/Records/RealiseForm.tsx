import { useCallback, useMemo, useState } from 'react';
import { useT } from '../../i18n/index';
import type { FieldIssue } from '../../../shared/contract/errors';
import { call, checkInput } from '../../api/client';
import { Field } from '../../components/Field';
import { localToday, useFormatDate } from '../../hooks/useFormatDate';
import { useConfirmedAction } from '../../hooks/useConfirmedAction';
import { ConfirmedActionForm } from '../../components/ConfirmedActionForm';
import type { OnUpdated, PersonRecord, Registration } from './types';

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
  // The station's schema, and the day not after the station's today (whether it is before the
  // registration only the station knows), are checked before the final question is asked.
  const check = (): FieldIssue[] => {
    const issues = checkInput('registration:realise', input);
    if (issues.length === 0 && donatedOn > localToday()) return [{ path: 'donatedOn', reason: 'donation_date_future' }];
    return issues;
  };
  const action = useConfirmedAction(realise, onDone, check);

  const program = t(`registration:program.${registration.program}`);
  const date = donatedOn === '' ? '' : formatDate(donatedOn);
  return (
    <ConfirmedActionForm id="realise" texts="records:realise" textValues={{ number: registration.number, program, date }} action={action} onCancel={onCancel}>
      <Field id="realise-donated-on" label={t('records:realise.donatedOn')} issue={action.issueFor('donatedOn')}>
        <input id="realise-donated-on" type="date" value={donatedOn} max={localToday()} onChange={(e) => setDonatedOn(e.target.value)} />
      </Field>
      <Field id="realise-note" label={t('records:realise.note')} issue={action.issueFor('note')}>
        <input id="realise-note" value={note} onChange={(e) => setNote(e.target.value)} autoComplete="off" />
      </Field>
    </ConfirmedActionForm>
  );
}
