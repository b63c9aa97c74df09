import { useT } from '../../i18n/index';
import { useFormatDateTime } from '../../hooks/useFormatDateTime';
import { StateBadge } from './StateBadge';
import type { Registration } from './types';
import { useChoiceSummary } from './useChoiceSummary';

/** Every version of a registration, oldest first: nothing is overwritten, so the list only grows. */
export function RegistrationHistory({ registration }: { registration: Registration }) {
  const { t } = useT();
  const formatDateTime = useFormatDateTime();
  const summary = useChoiceSummary();
  // Oldest first, whatever order the station lists them in: the table reads as the record's story.
  const versions = [...registration.history].sort((a, b) => a.version - b.version);
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="registration-history">
        <caption>{t('records:history.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('records:history.version')}</th>
            <th scope="col">{t('records:history.event')}</th>
            <th scope="col">{t('records:history.at')}</th>
            <th scope="col">{t('records:history.actor')}</th>
            <th scope="col">{t('records:history.state')}</th>
            <th scope="col">{t('records:history.choice')}</th>
            <th scope="col">{t('records:history.note')}</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((entry) => (
            <tr key={entry.version} data-event={entry.event}>
              <td className="numeric">{entry.version}</td>
              <td className="nowrap">{t(`registration:event.${entry.event}`)}</td>
              <td className="time">{formatDateTime(entry.at)}</td>
              <td>{entry.actorName ?? t('records:history.noActor')}</td>
              <td>
                <StateBadge state={entry.state} />
              </td>
              <td>{summary(entry.choice)}</td>
              <td>{entry.note ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The follow-up calls made to a volunteer, oldest first. */
export function FollowUpList({ followUps }: { followUps: Registration['followUps'] }) {
  const { t } = useT();
  const formatDateTime = useFormatDateTime();
  if (followUps.length === 0) return null;
  const calls = [...followUps].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="follow-ups">
        <caption>{t('records:followUps.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('records:history.at')}</th>
            <th scope="col">{t('records:history.actor')}</th>
            <th scope="col">{t('records:followUps.outcome')}</th>
            <th scope="col">{t('records:history.note')}</th>
          </tr>
        </thead>
        <tbody>
          {calls.map((call, index) => (
            <tr key={`${call.at}-${index}`}>
              <td className="time">{formatDateTime(call.at)}</td>
              <td>{call.actorName ?? t('records:history.noActor')}</td>
              <td>{t(`registration:followUpOutcome.${call.outcome}`)}</td>
              <td>{call.note ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
