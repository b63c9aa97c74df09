import { useT } from '../../i18n/index';
import { CONSENT_TEXT_VERSION, consentPurposes } from '../../../shared/domain/consents';
import { IssueMessage } from '../../components/IssueMessage';
import { ChoiceGroup, invalidProps } from './ChoiceGroup';
import type { OptionalConsent, StepProps, YesNo } from './draft';

/**
 * Separate consent per purpose, each with its own text: the donation intent is required, every other
 * purpose is answered yes or no on its own (nothing is ticked in advance). The version shown is the one
 * of these texts, which come with the build and are sent with the answers.
 */
export function ConsentsStep({ draft, update, issueFor }: StepProps) {
  const { t } = useT();
  return (
    <>
      {consentPurposes.map((purpose) =>
        purpose === 'donation_intent' ? (
          <IntentConsent key={purpose} {...{ draft, update, issueFor }} />
        ) : (
          <OptionalConsentItem key={purpose} purpose={purpose} {...{ draft, update, issueFor }} />
        ),
      )}
      <p className="registration__fine-print">{t('registration:statement')}</p>
      <p className="registration__fine-print" data-testid="consent-version">
        {t('registration:consentVersion', { version: CONSENT_TEXT_VERSION })}
      </p>
    </>
  );
}

function IntentConsent({ draft, update, issueFor }: StepProps) {
  const { t } = useT();
  const issue = issueFor('consents.donation_intent');
  const errorId = 'consent-donation_intent-error';
  return (
    <fieldset className={issue ? 'form-section registration__consent field--invalid' : 'form-section registration__consent'}>
      <legend>{t('registration:consent.donation_intent.title')}</legend>
      <span className="registration__tag">{t('kiosk:consents.required')}</span>
      <p>{t('registration:consent.donation_intent.text')}</p>
      <label className="choice">
        <input
          type="checkbox"
          checked={draft.donationIntent}
          onChange={(event) => update({ donationIntent: event.target.checked })}
          {...invalidProps(errorId, issue)}
        />
        <span className="choice__label">{t('kiosk:consents.agreeIntent')}</span>
      </label>
      <IssueMessage id={errorId} issue={issue} />
    </fieldset>
  );
}

function OptionalConsentItem({ purpose, draft, update, issueFor }: StepProps & { purpose: OptionalConsent }) {
  const { t } = useT();
  return (
    <ChoiceGroup<Exclude<YesNo, ''>>
      name={`consent-${purpose}`}
      type="radio"
      className="form-section registration__consent"
      legend={t(`registration:consent.${purpose}.title`)}
      description={
        <>
          <span className="registration__tag">{t('kiosk:consents.optional')}</span>
          <p>{t(`registration:consent.${purpose}.text`)}</p>
        </>
      }
      issue={issueFor(`consents.${purpose}`)}
      options={[
        { value: 'yes', label: t('kiosk:consents.agree') },
        { value: 'no', label: t('kiosk:consents.decline') },
      ]}
      isChecked={(answer) => draft.optionalConsents[purpose] === answer}
      onToggle={(answer) => update({ optionalConsents: { ...draft.optionalConsents, [purpose]: answer } })}
    />
  );
}
