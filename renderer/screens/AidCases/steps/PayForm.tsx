import { useCallback, useState } from 'react';
import { useT } from '../../../i18n/index';
import type { FieldIssue } from '../../../../shared/contract/errors';
import { aidPaymentMethods, type AidPaymentMethod } from '../../../../shared/domain/aid';
import { call, checkInput } from '../../../api/client';
import { ConfirmedActionForm } from '../../../components/ConfirmedActionForm';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { Field } from '../../../components/Field';
import { IssueMessage } from '../../../components/IssueMessage';
import { SignaturePad } from '../../../components/SignaturePad';
import { localToday } from '../../../hooks/useFormatDate';
import { useConfirmedAction } from '../../../hooks/useConfirmedAction';
import { MemberSelect } from '../MemberSelect';
import { useFamilyFacts } from '../useFamilyFacts';
import { useFormatYuan } from '../useFormatYuan';
import type { StepFormProps } from './step-form';

/**
 * The payment (发放) of the amount granted: how, on which day, to which member, with the recipient's
 * signature drawn on the pad. Final, so it asks once more.
 */
export function PayForm({ aidCase, onDone, onCancel }: StepFormProps) {
  const { t } = useT();
  const formatYuan = useFormatYuan();
  const [method, setMethod] = useState<AidPaymentMethod>('cash');
  const [paidOn, setPaidOn] = useState(localToday);
  const [recipientMemberId, setRecipientMemberId] = useState(aidCase.applicant.memberId);
  // The recipient is chosen among the family's members (names masked), read from the family's page.
  const family = useFamilyFacts(aidCase.familyId);
  const members = family?.state === 'ready' ? family.family.members : [];
  const [signature, setSignature] = useState<string | null>(null);
  const input = { caseId: aidCase.id, method, paidOn, recipientMemberId, signature: signature ?? '' };
  const pay = useCallback(
    () => call('aid:pay', { caseId: aidCase.id, method, paidOn, recipientMemberId, signature: signature ?? '' }),
    [aidCase.id, method, paidOn, recipientMemberId, signature],
  );
  // A pad left empty is named as such, rather than as a malformed image.
  const check = (): FieldIssue[] => {
    const issues = checkInput('aid:pay', input).filter((issue) => issue.path !== 'signature');
    return signature === null ? [...issues, { path: 'signature', reason: 'signature_required' }] : issues;
  };
  const action = useConfirmedAction(pay, (updated) => onDone(updated, 'payment'), check);
  const signatureIssue = action.issueFor('signature');
  const amount = formatYuan(aidCase.amountGrantedFen ?? 0);
  return (
    <ConfirmedActionForm id="aid-pay" texts="aidDesk:pay" textValues={{ amount }} action={action} onCancel={onCancel}>
      <Field id="aid-pay-method" label={t('aidDesk:pay.method')} issue={action.issueFor('method')}>
        <select id="aid-pay-method" value={method} onChange={(e) => setMethod(e.target.value as AidPaymentMethod)}>
          {aidPaymentMethods.map((option) => (
            <option key={option} value={option}>
              {t(`aid:paymentMethod.${option}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field id="aid-pay-on" label={t('aidDesk:pay.paidOn')} issue={action.issueFor('paidOn')}>
        <input id="aid-pay-on" type="date" value={paidOn} onChange={(e) => setPaidOn(e.target.value)} />
      </Field>
      {family?.state === 'failed' ? (
        <div className="form-grid__full">
          <ErrorBanner code={family.code} />
        </div>
      ) : null}
      <MemberSelect
        id="aid-pay-recipient"
        label={t('aidDesk:pay.recipient')}
        members={members}
        value={recipientMemberId}
        onChange={setRecipientMemberId}
        issue={action.issueFor('recipientMemberId')}
      />
      <div className="form-grid__full signature-field">
        <label htmlFor="aid-pay-signature">{t('aidDesk:pay.signature')}</label>
        <SignaturePad id="aid-pay-signature" value={signature} onChange={setSignature} errorId="aid-pay-signature-error" invalid={signatureIssue !== undefined} />
        <IssueMessage id="aid-pay-signature-error" issue={signatureIssue} as="p" />
      </div>
    </ConfirmedActionForm>
  );
}
