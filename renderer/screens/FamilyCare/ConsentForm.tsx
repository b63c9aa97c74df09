import { useCallback, useState } from 'react';
import { useT } from '../../i18n/index';
import type { CallInput } from '../../../shared/contract/calls';
import { FAMILY_CONSENT_TEXT_VERSION, familyConsentPurposes, type FamilyConsentPurpose } from '../../../shared/domain/family';
import { ApiError, call, checkInput } from '../../api/client';
import { ActionForm } from '../../components/ActionForm';
import { Field } from '../../components/Field';
import { IssueMessage } from '../../components/IssueMessage';
import { localToday } from '../../hooks/useFormatDate';
import { useSubmit } from '../../hooks/useSubmit';
import { MemberOptions } from './MemberOptions';
import type { Family, OnFamilyChanged } from './types';

interface ConsentFormProps {
  family: Family;
  /** Names shown for the members (masked unless staff chose to show them). */
  memberName: (memberId: string) => string;
  onChanged: OnFamilyChanged;
  onCancel: () => void;
}

/** A consent a member gives or refuses for the family, to the text of its version; the latest per purpose stands. */
export function ConsentForm({ family, memberName, onChanged, onCancel }: ConsentFormProps) {
  const { t } = useT();
  const [purpose, setPurpose] = useState<FamilyConsentPurpose>('name_engraving');
  const [granted, setGranted] = useState<'yes' | 'no' | ''>('');
  const [memberId, setMemberId] = useState('');
  const [givenOn, setGivenOn] = useState(localToday());

  const record = useCallback(() => {
    const input: CallInput<'family:consent'> = { familyId: family.id, memberId, purpose, granted: granted === 'yes', givenOn, textVersion: FAMILY_CONSENT_TEXT_VERSION };
    // No default answer: a consent ticked by mistake would engrave a name the family never agreed to.
    // Said together with the station's own checks, so that one press names everything still missing.
    if (granted === '') throw new ApiError('validation_failed', [{ path: 'granted', reason: 'required' }, ...checkInput('family:consent', input)]);
    return call('family:consent', input);
  }, [family.id, memberId, purpose, granted, givenOn]);
  const onDone = useCallback((updated: Family) => onChanged(updated, 'consentRecorded'), [onChanged]);
  const form = useSubmit(record, onDone);

  return (
    <ActionForm
      id="family-consent"
      title={t('familyDesk:consents.form.title')}
      onSubmit={form.onSubmit}
      busy={form.busy}
      errorCode={form.errorCode}
      submitLabel={t('familyDesk:consents.form.submit')}
      onCancel={onCancel}
    >
      <Field id="family-consent-purpose" label={t('familyDesk:consents.purpose')} issue={form.issueFor('purpose')}>
        <select id="family-consent-purpose" value={purpose} onChange={(e) => setPurpose(e.target.value as FamilyConsentPurpose)}>
          {familyConsentPurposes.map((option) => (
            <option key={option} value={option}>
              {t(`family:consentPurpose.${option}`)}
            </option>
          ))}
        </select>
      </Field>
      <div className="form-grid__full consent-text">
        <p data-testid="family-consent-text">{t(`family:consentText.${purpose}`)}</p>
        <small className="field__hint">{t('familyDesk:consents.version', { version: FAMILY_CONSENT_TEXT_VERSION })}</small>
      </div>
      <fieldset className={form.issueFor('granted') ? 'field field--invalid form-grid__full' : 'field form-grid__full'}>
        <legend>{t('familyDesk:consents.form.answer')}</legend>
        <div className="choices">
          {(['yes', 'no'] as const).map((answer) => (
            <label key={answer} className="choice">
              <input type="radio" name="family-consent-granted" value={answer} checked={granted === answer} onChange={() => setGranted(answer)} />
              {t(answer === 'yes' ? 'familyDesk:consents.form.grants' : 'familyDesk:consents.form.refuses')}
            </label>
          ))}
        </div>
        <IssueMessage issue={form.issueFor('granted')} />
      </fieldset>
      <Field id="family-consent-member" label={t('familyDesk:consents.givenBy')} issue={form.issueFor('memberId')}>
        <select id="family-consent-member" value={memberId} onChange={(e) => setMemberId(e.target.value)}>
          <option value="">{t('common:choose')}</option>
          <MemberOptions family={family} memberName={memberName} />
        </select>
      </Field>
      <Field id="family-consent-given-on" label={t('familyDesk:consents.givenOn')} issue={form.issueFor('givenOn')}>
        <input id="family-consent-given-on" type="date" value={givenOn} max={localToday()} onChange={(e) => setGivenOn(e.target.value)} />
      </Field>
    </ActionForm>
  );
}
