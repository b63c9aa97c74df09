import { useT } from '../../i18n/index';
import type { SerialDocument } from '../../../shared/domain/registration-number';
import { useFormatDateTime } from '../../hooks/useFormatDateTime';
import { useOpenScreen } from '../../navigation';
import { engravingTarget } from './engraving-entry';
import type { Family } from './types';

/** Why the donor's name may not be engraved yet, in words; null when the engraving consent stands. */
function engravingRefusal(family: Family): 'noConsent' | 'refused' | null {
  const consent = family.standingConsents.find((candidate) => candidate.purpose === 'name_engraving');
  if (consent === undefined) return 'noConsent';
  return consent.granted ? null : 'refused';
}

/**
 * The honour and memorial certificates given for the donor, where each stands in its closed loop (issued,
 * handed over…; the documents screen issues and hands them over), and the donor's name on the memorial
 * name list, added there only while the family's engraving consent stands (the desk's form opens begun
 * for the donor).
 */
export function RemembranceRecordsSection({ family }: { family: Family }) {
  const { t } = useT();
  const formatDateTime = useFormatDateTime();
  const openScreen = useOpenScreen();
  const refusal = engravingRefusal(family);
  // A donor already on the list is added again only for an engraving at another place.
  const listed = family.memorialNames.some((entry) => entry.state === 'published');
  return (
    <section aria-labelledby="family-certificates-title" data-testid="family-certificates">
      <h2 id="family-certificates-title">{t('familyDesk:certificates.title')}</h2>
      {family.certificates.length === 0 ? <p className="empty">{t('familyDesk:certificates.none')}</p> : null}
      <ul className="person-documents">
        {family.certificates.map((certificate) => (
          <li key={certificate.id} data-testid="family-certificate" data-serial={certificate.serialNumber}>
            <strong className="mono">{certificate.serialNumber}</strong> <span>{t(`documentDesk:kind.${certificate.kind as SerialDocument}`)}</span>{' '}
            <span>{formatDateTime(certificate.issuedAt)}</span>{' '}
            <span className="badge" data-testid="family-certificate-state">
              {t(`documentDesk:state.${certificate.state}`)}
            </span>
          </li>
        ))}
      </ul>
      <div className="actions">
        <button type="button" onClick={() => openScreen('documents')}>
          {t('familyDesk:certificates.openDocuments')}
        </button>
      </div>

      <h2 id="family-engraving-title">{t('familyDesk:engraving.title')}</h2>
      {family.memorialNames.length === 0 ? <p className="empty">{t('familyDesk:engraving.none')}</p> : null}
      <ul className="person-documents" aria-labelledby="family-engraving-title">
        {family.memorialNames.map((entry) => (
          <li key={entry.id} data-testid="family-memorial-name">
            <span>{t('familyDesk:engraving.entry', { year: entry.engravingYear, location: entry.wallLocation })}</span>{' '}
            <span className="badge">{t(`nameListDesk:state.${entry.state}`)}</span>
          </li>
        ))}
      </ul>
      {refusal === null ? (
        <>
          {listed ? (
            <p className="notice" data-testid="family-engraving-listed">
              {t('familyDesk:engraving.listed')}
            </p>
          ) : null}
          <div className="actions">
            <button type="button" onClick={() => openScreen('nameListDesk', engravingTarget(family))}>
              {t(listed ? 'familyDesk:engraving.addElsewhere' : 'familyDesk:engraving.add')}
            </button>
          </div>
        </>
      ) : (
        <p className="notice" data-testid="family-engraving-refusal">
          {t(`familyDesk:engraving.${refusal}`)}
        </p>
      )}
    </section>
  );
}
