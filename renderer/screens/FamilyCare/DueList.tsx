import { useEffect } from 'react';
import { useT } from '../../i18n/index';
import type { CallOutput } from '../../../shared/contract/calls';
import { call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useFormatDate } from '../../hooks/useFormatDate';
import { useLoad } from '../../hooks/useLoad';

type Due = CallOutput<'family:dueList'>;

function fetchDue(): Promise<Due> {
  return call('family:dueList', {});
}

interface DueListProps {
  onOpenFamily: (familyId: string) => void;
  /** Opens the family's page with the contact form for this follow-up. */
  onLogContact: (familyId: string, followUpId: string) => void;
}

/** What is due this week and what is overdue, across families, names masked; never a family not to be contacted. */
export function DueList({ onOpenFamily, onLogContact }: DueListProps) {
  const { t, i18n } = useT();
  const listFormat = new Intl.ListFormat(i18n.language);
  const formatDate = useFormatDate();
  const { data, errorCode, load } = useLoad(fetchDue);

  useEffect(() => {
    void load(undefined);
  }, [load]);

  return (
    <section className="panel panel--wide" aria-labelledby="family-due-title" data-testid="family-due">
      <h2 id="family-due-title">{t('familyDesk:due.title')}</h2>
      {data ? <p className="lead">{t('familyDesk:due.period', { from: formatDate(data.from), to: formatDate(data.to) })}</p> : null}
      <ErrorBanner code={errorCode} />
      {data?.items.length === 0 ? <p className="empty">{t('familyDesk:due.empty')}</p> : null}
      {data && data.items.length > 0 ? (
        <div className="table-scroll">
          <table className="data-table" data-testid="family-due-list">
            <thead>
              <tr>
                <th scope="col">{t('familyDesk:list.donor')}</th>
                <th scope="col">{t('familyDesk:followUps.kind')}</th>
                <th scope="col">{t('familyDesk:followUps.dueOn')}</th>
                <th scope="col">{t('familyDesk:due.members')}</th>
                <th scope="col">{t('familyDesk:page.channel')}</th>
                <th scope="col">{t('familyDesk:list.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((item) => (
                <tr key={item.followUpId} data-testid="family-due-item" data-family={item.familyId} data-overdue={item.overdue}>
                  <th scope="row">{item.donorName}</th>
                  <td>{t(`family:followUpKind.${item.kind}`)}</td>
                  <td>
                    {formatDate(item.dueOn)}
                    {item.overdue ? (
                      <>
                        {' '}
                        <span className="badge badge--overdue" data-testid="family-due-overdue">
                          {t('familyDesk:due.overdue')}
                        </span>
                      </>
                    ) : null}
                  </td>
                  <td>{listFormat.format(item.members.map((member) => t('familyDesk:due.member', { name: member.name, relation: t(`family:relation.${member.relationCode}`) })))}</td>
                  <td>{t(`family:channel.${item.preferredChannel}`)}</td>
                  <td>
                    <div className="actions">
                      <button type="button" className="small" onClick={() => onLogContact(item.familyId, item.followUpId)} aria-label={t('familyDesk:due.logOne', { name: item.donorName })}>
                        {t('familyDesk:due.log')}
                      </button>
                      <button type="button" className="small" onClick={() => onOpenFamily(item.familyId)} aria-label={t('familyDesk:due.openOne', { name: item.donorName })}>
                        {t('familyDesk:list.open')}
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
