import { useT } from '../../i18n/index';
import { familyConsentPurposes } from '../../../shared/domain/family';
import { useFormatDate } from '../../hooks/useFormatDate';
import { ConsentForm } from './ConsentForm';
import type { Family, OnFamilyChanged } from './types';

interface ConsentsSectionProps {
  family: Family;
  memberName: (memberId: string) => string;
  recording: boolean;
  onRecording: (open: boolean) => void;
  onChanged: OnFamilyChanged;
}

/** What the family consents to (engraving, publicity, being contacted): the standing answer of each, with who gave it. */
export function ConsentsSection({ family, memberName, recording, onRecording, onChanged }: ConsentsSectionProps) {
  const { t } = useT();
  const formatDate = useFormatDate();
  return (
    <section aria-labelledby="family-consents-title" data-testid="family-consents">
      <h2 id="family-consents-title">{t('familyDesk:consents.title')}</h2>
      <div className="table-scroll">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('familyDesk:consents.purpose')}</th>
              <th scope="col">{t('familyDesk:consents.standing')}</th>
              <th scope="col">{t('familyDesk:consents.givenBy')}</th>
              <th scope="col">{t('familyDesk:consents.givenOn')}</th>
              <th scope="col">{t('familyDesk:consents.textVersion')}</th>
            </tr>
          </thead>
          <tbody>
            {familyConsentPurposes.map((purpose) => {
              const consent = family.standingConsents.find((candidate) => candidate.purpose === purpose);
              return (
                <tr key={purpose} data-testid="family-consent" data-purpose={purpose}>
                  <th scope="row">{t(`family:consentPurpose.${purpose}`)}</th>
                  <td data-testid="family-consent-state">
                    {consent === undefined ? t('familyDesk:consents.none') : consent.granted ? t('familyDesk:consents.granted') : t('familyDesk:consents.refused')}
                  </td>
                  <td>{consent ? memberName(consent.memberId) : ''}</td>
                  <td>{consent ? formatDate(consent.givenOn) : ''}</td>
                  <td className="mono">{consent?.textVersion ?? ''}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {recording ? (
        <ConsentForm family={family} memberName={memberName} onChanged={onChanged} onCancel={() => onRecording(false)} />
      ) : (
        <div className="actions">
          <button type="button" onClick={() => onRecording(true)}>
            {t('familyDesk:consents.form.open')}
          </button>
        </div>
      )}
    </section>
  );
}
