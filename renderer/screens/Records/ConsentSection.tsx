import { useT } from '../../i18n/index';
import { consentPurposes } from '../../../shared/domain/consents';
import { isChangeableConsentPurpose, type ChangeableConsentPurpose } from '../../../shared/validation/consents';
import { useFormatDateTime } from '../../hooks/useFormatDateTime';
import { ConsentChangeForm } from './ConsentChangeForm';
import type { OnUpdated, PersonRecord } from './types';

interface ConsentSectionProps {
  record: PersonRecord;
  /** The purpose whose change form is open, if any. */
  changing: ChangeableConsentPurpose | null;
  onChanging: (purpose: ChangeableConsentPurpose | null) => void;
  onUpdated: OnUpdated;
}

/**
 * The person's answer to each consent as it stands, with the text version and when it was given.
 * Reporting to the province and follow-up contact may be withdrawn or given again here; the donation
 * intent goes with its registration and memorial publication with the name list.
 */
export function ConsentSection({ record, changing, onChanging, onUpdated }: ConsentSectionProps) {
  const { t } = useT();
  const formatDateTime = useFormatDateTime();
  if (record.consents.length === 0) return null;
  const open = changing === null ? undefined : record.consents.find((consent) => consent.purpose === changing);
  // In the order the registration form asks them, whichever changed last.
  const consents = [...record.consents].sort((a, b) => consentPurposes.indexOf(a.purpose) - consentPurposes.indexOf(b.purpose));

  return (
    <section aria-label={t('records:consents.title')} data-testid="consent-section">
      <div className="table-scroll">
        <table className="data-table" data-testid="consents">
          <caption>{t('records:consents.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('records:consents.purpose')}</th>
              <th scope="col">{t('records:consents.answer')}</th>
              <th scope="col">{t('records:consents.textVersion')}</th>
              <th scope="col">{t('records:consents.at')}</th>
              <th scope="col">{t('records:consents.change')}</th>
            </tr>
          </thead>
          <tbody>
            {consents.map((consent) => {
              const purposeTitle = t(`registration:consent.${consent.purpose}.title`);
              const changeable = isChangeableConsentPurpose(consent.purpose) ? consent.purpose : null;
              return (
                <tr key={consent.purpose} data-testid={`consent-${consent.purpose}`}>
                  <th scope="row">{purposeTitle}</th>
                  <td data-testid="consent-answer">{t(consent.granted ? 'records:consents.granted' : 'records:consents.declined')}</td>
                  <td className="mono">{consent.textVersion}</td>
                  <td className="time">{formatDateTime(consent.at)}</td>
                  <td>
                    {changeable === null ? null : (
                      <button
                        type="button"
                        aria-label={t(consent.granted ? 'records:consents.withdrawTitle' : 'records:consents.grantTitle', { purpose: purposeTitle })}
                        aria-expanded={changing === changeable}
                        onClick={() => onChanging(changeable)}
                      >
                        {t(consent.granted ? 'records:consents.withdraw' : 'records:consents.grantAgain')}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {open !== undefined && changing !== null ? (
        <ConsentChangeForm
          key={`${changing}-${String(open.granted)}`}
          record={record}
          purpose={changing}
          granted={!open.granted}
          onUpdated={onUpdated}
          onCancel={() => onChanging(null)}
        />
      ) : null}
    </section>
  );
}
