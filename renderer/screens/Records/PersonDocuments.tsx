import { useState } from 'react';
import { useT } from '../../i18n/index';
import { canPrint } from '../../../shared/domain/documents';
import { useFormatDateTime } from '../../hooks/useFormatDateTime';
import { useOpenScreen } from '../../navigation';
import { PrintButton } from '../../components/PrintButton';
import type { PersonRecord } from './types';

/**
 * The person's documents, the receipt of every change among them, newest first. A copy still at the
 * station can be printed here; hand-over, void and re-issue are on the documents screen.
 */
export function PersonDocuments({ record }: { record: PersonRecord }) {
  const { t } = useT();
  const formatDateTime = useFormatDateTime();
  const openScreen = useOpenScreen();
  const [printed, setPrinted] = useState<string | null>(null);
  const numberOf = new Map(record.registrations.map((registration) => [registration.id, registration.number]));
  return (
    <section aria-labelledby="person-documents-title" data-testid="person-issued-documents">
      <h2 id="person-documents-title">{t('records:documents.title')}</h2>
      {record.documents.length === 0 ? <p className="empty">{t('records:documents.none')}</p> : null}
      {printed ? (
        <p role="status" className="success">
          {t('documentDesk:done.print', { serial: printed })}
        </p>
      ) : null}
      <ul className="person-documents">
        {record.documents.map((document) => (
          <li key={document.id} data-testid="person-issued-document" data-serial={document.serial}>
            <strong className="mono">{document.serial}</strong> <span>{t(`documentDesk:kind.${document.kind}`)}</span>{' '}
            {document.registrationId ? <span className="mono">{numberOf.get(document.registrationId) ?? ''}</span> : null}{' '}
            <span>{formatDateTime(document.issuedAt)}</span> <span className="badge">{t(`documentDesk:state.${document.state}`)}</span>{' '}
            {canPrint(document.state) ? <PrintButton document={document} onDone={(done) => setPrinted(done.serial)} /> : null}
          </li>
        ))}
      </ul>
      <div className="actions">
        <button type="button" onClick={() => openScreen('documents')}>
          {t('documentDesk:issue.openList')}
        </button>
      </div>
    </section>
  );
}
