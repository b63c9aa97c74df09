import { useCallback, useState } from 'react';
import { useT } from '../../i18n/index';
import type { ChangeableConsentPurpose } from '../../../shared/validation/consents';
import { call } from '../../api/client';
import { ConfirmPrompt, useConfirmStep } from '../../components/ConfirmPrompt';
import { IssueMessage } from '../../components/IssueMessage';
import { SignaturePad } from '../../components/SignaturePad';
import { useSubmit } from '../../hooks/useSubmit';
import { ActionForm } from '../../components/ActionForm';
import type { OnUpdated, PersonRecord } from './types';

interface ConsentChangeFormProps {
  record: PersonRecord;
  purpose: ChangeableConsentPurpose;
  /** The answer the person gives now: false withdraws the consent, true gives it again. */
  granted: boolean;
  onUpdated: OnUpdated;
  onCancel: () => void;
}

/**
 * Withdraws a consent or gives it again, signed by the person: on the paper form the station keeps
 * (the default at a staff desk) or drawn on the screen. Says what the change does, and asks once more.
 */
export function ConsentChangeForm({ record, purpose, granted, onUpdated, onCancel }: ConsentChangeFormProps) {
  const { t } = useT();
  const [signatureKind, setSignatureKind] = useState<'paper' | 'drawn'>('paper');
  const [image, setImage] = useState<string | null>(null);

  const change = useCallback(
    () =>
      call('person:consent', {
        personId: record.id,
        expectedVersion: record.version,
        purpose,
        granted,
        // A missing drawing goes as missing, so the schema names it (`signature_required`) on the pad.
        signature: signatureKind === 'paper' ? { kind: 'paper' } : { kind: 'drawn', image: image as string },
      }),
    [record.id, record.version, purpose, granted, signatureKind, image],
  );
  const onDone = useCallback((updated: PersonRecord) => onUpdated(updated, { action: 'consentChanged', purpose, granted }), [onUpdated, purpose, granted]);
  const form = useSubmit(change, onDone);
  const confirmStep = useConfirmStep(form.submit);
  const signatureIssue = form.issueFor('signature.image') ?? form.issueFor('signature');

  const purposeTitle = t(`registration:consent.${purpose}.title`);
  const id = 'consent-change';
  return (
    <ActionForm
      id={id}
      title={t(granted ? 'records:consents.grantTitle' : 'records:consents.withdrawTitle', { purpose: purposeTitle })}
      intro={t(granted ? `records:consents.grantIntro.${purpose}` : `records:consents.withdrawIntro.${purpose}`)}
      onSubmit={confirmStep.ask}
      busy={form.busy}
      errorCode={form.errorCode}
      submitLabel={t(granted ? 'records:consents.grantSubmit' : 'records:consents.withdrawSubmit')}
      onCancel={onCancel}
      footer={
        confirmStep.confirming ? (
          <ConfirmPrompt
            id={id}
            text={t(granted ? 'records:consents.grantConfirm' : 'records:consents.withdrawConfirm', { purpose: purposeTitle })}
            yes={t('records:consents.confirmYes')}
            no={t('records:consents.confirmNo')}
            onYes={confirmStep.confirm}
            onNo={confirmStep.cancel}
          />
        ) : undefined
      }
    >
      <fieldset className="field form-grid__full" aria-describedby={`${id}-signature-error`}>
        <legend>{t('records:signature.kind')}</legend>
        <div className="choices">
          <label className="choice">
            <input type="radio" name={`${id}-signature`} checked={signatureKind === 'paper'} onChange={() => setSignatureKind('paper')} />
            {t('records:signature.paperOption')}
          </label>
          <label className="choice">
            <input type="radio" name={`${id}-signature`} checked={signatureKind === 'drawn'} onChange={() => setSignatureKind('drawn')} />
            {t('records:signature.drawnOption')}
          </label>
        </div>
        {signatureKind === 'drawn' ? (
          <SignaturePad id={`${id}-signature-pad`} value={image} onChange={setImage} invalid={signatureIssue !== undefined} errorId={`${id}-signature-error`} />
        ) : null}
        <IssueMessage as="p" className="group-issue" id={`${id}-signature-error`} issue={signatureIssue} />
      </fieldset>
    </ActionForm>
  );
}
