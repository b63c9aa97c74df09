import { useT } from '../../i18n/index';
import { CountCharts } from '../../components/charts/CountCharts';
import { useFiguresFormat } from '../../hooks/useFiguresFormat';
import type { Dashboard } from './types';

/**
 * Registrations and withdrawals per month (with the year before), per program, the stem-cell pipeline, and
 * where registrants heard of donation. Programs, steps and sources have long names: their bars lie in rows,
 * each name in full beside its bars.
 */
export function DashboardCharts({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useT();
  const format = useFiguresFormat();
  const registered = { key: 'registered', label: t('dashboard:charts.registered') };
  const previousRegistered = { key: 'previousRegistered', label: t('dashboard:charts.previousRegistered') };
  return (
    <CountCharts
      charts={[
        {
          testId: 'dashboard-chart-months',
          title: t('dashboard:charts.months'),
          data: dashboard.months.map((month) => ({ ...month, label: format.month(month.month) })),
          series: [registered, { key: 'withdrawn', label: t('dashboard:charts.withdrawn') }, previousRegistered],
        },
        {
          testId: 'dashboard-chart-programs',
          layout: 'rows',
          title: t('dashboard:charts.programs'),
          data: dashboard.programs.map((row) => ({ ...row, label: t(`dashboard:program.${row.program}`) })),
          series: [registered, previousRegistered],
        },
        {
          testId: 'dashboard-chart-pipeline',
          layout: 'rows',
          title: t('dashboard:charts.pipeline'),
          data: dashboard.stemCell.steps.map((step) => ({ ...step, label: t(`dashboard:step.${step.status}`) })),
          series: [{ key: 'volunteers', label: t('dashboard:charts.volunteers') }],
        },
        {
          testId: 'dashboard-chart-heard-from',
          layout: 'rows',
          title: t('dashboard:charts.heardFrom'),
          data: dashboard.heardFrom.map((row) => ({ ...row, label: t(`dashboard:heardFrom.${row.source}`) })),
          series: [{ key: 'registrations', label: t('dashboard:charts.registrations') }],
        },
      ]}
    />
  );
}
