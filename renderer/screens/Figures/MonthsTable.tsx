import { useT } from '../../i18n/index';
import type { Figures } from './types';
import { useFiguresFormat } from '../../hooks/useFiguresFormat';

const columns = ['signIns', 'people', 'messagesSubmitted', 'messagesApproved', 'sessionsHeld', 'expectedHeadCount', 'reach', 'responses'] as const;

/** The monthly series as numbers: what the charts draw, to read exactly. */
export function MonthsTable({ figures }: { figures: Figures }) {
  const { t } = useT();
  const format = useFiguresFormat();
  return (
    <div className="table-scroll">
      <table className="data-table figures-months" data-testid="figures-months">
        <caption>{t('figures:months.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('figures:export.month.month')}</th>
            {columns.map((column) => (
              <th key={column} scope="col">
                {t(`figures:export.month.${column}`)}
              </th>
            ))}
            <th scope="col">{t('figures:export.month.satisfiedShare')}</th>
          </tr>
        </thead>
        <tbody>
          {figures.months.map((month) => (
            <tr key={month.month} data-month={month.month}>
              <th scope="row">{format.month(month.month)}</th>
              {columns.map((column) => (
                <td key={column} data-column={column}>
                  {format.whole(month[column])}
                </td>
              ))}
              <td data-column="satisfiedShare">{month.responses === 0 ? t('figures:none') : format.percent(month.satisfied / month.responses)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
