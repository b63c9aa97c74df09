import { useCallback, useMemo, useState } from 'react';
import { useT } from '../../i18n/index';
import { asLanguage } from '../../../shared/i18n/languages';
import type { DocumentKind } from '../../../shared/validation/identity-document';
import { call, checkInput } from '../../api/client';
import { useConfirmedAction } from '../../hooks/useConfirmedAction';
import { ReasonActionForm } from '../../components/ReasonActionForm';
import { DocumentFields, type DocumentDraft } from '../../components/DocumentFields';
import type { OnUpdated, PersonRecord, Registration } from './types';

interface WithdrawFormProps {
  registration: Registration;
  /** The person's document kind, which the identity check starts from. */
  documentKind: DocumentKind;
  onUpdated: OnUpdated;
  onCancel: () => void;
}

/**
 * Withdraws a registration: the person's document (the station compares it with the record), a reason
 * and, for a body donation, whether the notarised statement was seen. Final, so it asks once more.
 */
export function WithdrawForm({ registration, documentKind, onUpdated, onCancel }: WithdrawFormProps) {
  const { t, i18n } = useT();
  const [identity, setIdentity] = useState<DocumentDraft>({ kind: documentKind, number: '' });
  const [reason, setReason] = useState('');
  const [notarised, setNotarised] = useState(false);

  const input = useMemo(
    () => ({
      registrationId: registration.id,
      expectedVersion: registration.version,
      identity,
      reason,
      notarised,
      // The receipt is printed in the language the desk is working in with this person.
      receiptLanguage: asLanguage(i18n.language),
    }),
    [registration, identity, reason, notarised, i18n.language],
  );
  const withdraw = useCallback(() => call('registration:withdraw', input), [input]);
  const onDone = useCallback(
    (record: PersonRecord) => onUpdated(record, { action: 'withdraw', number: registration.number }),
    [onUpdated, registration.number],
  );
  // The fields are checked with the station's own schema before the final question is asked.
  const action = useConfirmedAction(withdraw, onDone, () => checkInput('registration:withdraw', input));

  const program = t(`registration:program.${registration.program}`);
  return (
    <ReasonActionForm
      id="withdraw"
      texts="records:withdraw"
      textValues={{ number: registration.number, program }}
      action={action}
      reason={reason}
      onReasonChange={setReason}
      onCancel={onCancel}
      afterReason={
        registration.program === 'body' ? (
          <label className="choice form-grid__full">
            <input type="checkbox" checked={notarised} onChange={(e) => setNotarised(e.target.checked)} />
            {t('records:withdraw.notarised')}
          </label>
        ) : null
      }
    >
      <DocumentFields
        idPrefix="withdraw-identity"
        pathPrefix="identity."
        value={identity}
        onChange={setIdentity}
        issueFor={action.issueFor}
        numberHint={t('records:withdraw.identityHint')}
      />
    </ReasonActionForm>
  );
}
