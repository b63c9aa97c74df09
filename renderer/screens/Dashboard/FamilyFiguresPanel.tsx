import { useCallback, useEffect } from 'react';
import { useT } from '../../i18n/index';
import type { CallOutput } from '../../../shared/contract/calls';
import type { AidProgramme } from '../../../shared/domain/aid';
import { call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useFiguresFormat } from '../../hooks/useFiguresFormat';
import { useLoad } from '../../hooks/useLoad';

type FamilyFigures = CallOutput<'family:figures'>;

/** Fen per yuan: money crosses the calls in fen (分) and is shown in yuan. */
const FEN_PER_YUAN = 100;

function fetchFigures(year: number): Promise<FamilyFigures> {
  return call('family:figures', { year });
}

/** The family-care figures of the dashboard's year, and the aid paid in it per programme. */
export function FamilyFiguresPanel({ year }: { year: number }) {
  const { t } = useT();
  const format = useFiguresFormat();
  const { data, errorCode, load } = useLoad(useCallback(fetchFigures, []));

  useEffect(() => {
    void load(year);
  }, [load, year]);

  if (errorCode !== null) return <ErrorBanner code={errorCode} />;
  if (data === null) return null;
  const rows: Array<[string, string]> = [
    [t('familyDesk:dashboard.familiesOpen'), format.whole(data.familiesOpen)],
    [t('familyDesk:dashboard.familiesContacted'), format.whole(data.familiesContacted)],
    [t('familyDesk:dashboard.contacts'), format.whole(data.contacts)],
    [t('familyDesk:dashboard.contactsPerFamily'), format.decimal(data.contactsPerFamily)],
    [t('familyDesk:dashboard.followUpsOverdue'), format.whole(data.followUpsOverdue)],
  ];
  return (
    <section aria-labelledby="dashboard-family-title" data-testid="dashboard-family">
      <h2 id="dashboard-family-title">{t('familyDesk:dashboard.title')}</h2>
      <div className="table-scroll">
        <table className="data-table dashboard-table" data-testid="dashboard-family-figures">
          <caption>{t('familyDesk:dashboard.caption', { year: data.year })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('familyDesk:dashboard.figure')}</th>
              <th scope="col">{t('familyDesk:dashboard.value')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([label, value]) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                <td>{value}</td>
              </tr>
            ))}
            {data.invitations.map((invitation) => (
              <tr key={invitation.ceremony} data-ceremony={invitation.ceremony}>
                <th scope="row">{t(`family:ceremony.${invitation.ceremony}`)}</th>
                <td>
                  {t('familyDesk:dashboard.invitations', {
                    ceremony: t(`family:ceremony.${invitation.ceremony}`),
                    sent: format.whole(invitation.sent),
                    accepted: format.whole(invitation.accepted),
                    attended: format.whole(invitation.attended),
                  })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {data.aidPaid.length === 0 ? (
        <p className="dashboard-empty">{t('familyDesk:dashboard.noAid')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table dashboard-table" data-testid="dashboard-aid-paid">
            <caption>{t('familyDesk:dashboard.aidCaption', { year: data.year })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('familyDesk:dashboard.aidProgramme')}</th>
                <th scope="col">{t('familyDesk:dashboard.aidCases')}</th>
                <th scope="col">{t('familyDesk:dashboard.aidAmount')}</th>
              </tr>
            </thead>
            <tbody>
              {data.aidPaid.map((paid) => (
                <tr key={paid.programme}>
                  <th scope="row">{t(`aid:programme.${paid.programme as AidProgramme}`)}</th>
                  <td>{format.whole(paid.cases)}</td>
                  <td>{format.decimal(paid.amountFen / FEN_PER_YUAN)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
