import { useT } from '../../i18n/index';
import { useFormatDateTime } from '../../hooks/useFormatDateTime';
import type { PersonRecord } from './types';

/** Each version of the person's contact details (masked), oldest first. */
export function PersonHistory({ history }: { history: PersonRecord['history'] }) {
  const { t } = useT();
  const formatDateTime = useFormatDateTime();
  if (history.length === 0) return null;
  // Oldest first, as the registrations' histories read.
  const versions = [...history].sort((a, b) => a.version - b.version);
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="person-history">
        <caption>{t('records:person.history')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('records:history.version')}</th>
            <th scope="col">{t('records:history.at')}</th>
            <th scope="col">{t('records:history.actor')}</th>
            <th scope="col">{t('records:person.name')}</th>
            <th scope="col">{t('records:person.phone')}</th>
            <th scope="col">{t('records:history.note')}</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((entry) => (
            <tr key={entry.version}>
              <td className="numeric">{entry.version}</td>
              <td className="time">{formatDateTime(entry.at)}</td>
              <td>{entry.actorName ?? t('records:history.noActor')}</td>
              <td>{entry.name}</td>
              <td>{entry.phone}</td>
              <td>{entry.reason ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
