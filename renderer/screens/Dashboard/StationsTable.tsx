import { useT } from '../../i18n/index';
import { useFiguresFormat } from '../../hooks/useFiguresFormat';
import type { Dashboard } from './types';

const columns = ['registered', 'withdrawn', 'realised'] as const;

/** Registrations, withdrawals and donations realised per station code of the records. */
export function StationsTable({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useT();
  const format = useFiguresFormat();
  if (dashboard.stations.length === 0) {
    return <p className="dashboard-empty">{t('dashboard:stations.empty')}</p>;
  }
  return (
    <div className="table-scroll">
      <table className="data-table dashboard-table" data-testid="dashboard-stations">
        <caption>{t('dashboard:stations.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dashboard:stations.station')}</th>
            {columns.map((column) => (
              <th key={column} scope="col">
                {t(`dashboard:stations.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {dashboard.stations.map((row) => (
            <tr key={row.station} data-station={row.station}>
              <th scope="row">{row.station}</th>
              {columns.map((column) => (
                <td key={column} data-column={column}>
                  {format.whole(row[column])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
