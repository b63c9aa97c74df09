import { useT } from '../../i18n/index';
import { useFormatDateTime } from '../../hooks/useFormatDateTime';
import type { DocumentView } from './types';

/** The document's append-only history: each event, when and by whom. */
export function DocumentHistory({ history }: { history: DocumentView['history'] }) {
  const { t } = useT();
  const formatDateTime = useFormatDateTime();
  return (
    <details className="document-history">
      <summary>{t('documentDesk:list.history')}</summary>
      <ol data-testid="document-history">
        {history.map((entry, index) => (
          <li key={`${entry.event}-${index}`}>
            {t(`documentDesk:event.${entry.event}`)} · {formatDateTime(entry.at)} · {entry.actorName ?? t('documentDesk:list.nobody')}
          </li>
        ))}
      </ol>
    </details>
  );
}
