import { useT } from '../../i18n/index';
import { BarSeriesChart } from '../../components/charts/BarSeriesChart';
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
  const months = dashboard.months.map((month) => ({ ...month, label: format.month(month.month) }));
  const programs = dashboard.programs.map((row) => ({ ...row, label: t(`dashboard:program.${row.program}`) }));
  const steps = dashboard.stemCell.steps.map((step) => ({ ...step, label: t(`dashboard:step.${step.status}`) }));
  const heardFrom = dashboard.heardFrom.map((row) => ({ ...row, label: t(`dashboard:heardFrom.${row.source}`) }));
  return (
    <div className="figure-charts">
      <BarSeriesChart
        testId="dashboard-chart-months"
        title={t('dashboard:charts.months')}
        data={months}
        categoryKey="label"
        series={[
          { key: 'registered', label: t('dashboard:charts.registered') },
          { key: 'withdrawn', label: t('dashboard:charts.withdrawn') },
          { key: 'previousRegistered', label: t('dashboard:charts.previousRegistered') },
        ]}
        formatValue={format.whole}
      />
      <BarSeriesChart
        testId="dashboard-chart-programs"
        layout="rows"
        title={t('dashboard:charts.programs')}
        data={programs}
        categoryKey="label"
        series={[
          { key: 'registered', label: t('dashboard:charts.registered') },
          { key: 'previousRegistered', label: t('dashboard:charts.previousRegistered') },
        ]}
        formatValue={format.whole}
      />
      <BarSeriesChart
        testId="dashboard-chart-pipeline"
        layout="rows"
        title={t('dashboard:charts.pipeline')}
        data={steps}
        categoryKey="label"
        series={[{ key: 'volunteers', label: t('dashboard:charts.volunteers') }]}
        formatValue={format.whole}
      />
      <BarSeriesChart
        testId="dashboard-chart-heard-from"
        layout="rows"
        title={t('dashboard:charts.heardFrom')}
        data={heardFrom}
        categoryKey="label"
        series={[{ key: 'registrations', label: t('dashboard:charts.registrations') }]}
        formatValue={format.whole}
      />
    </div>
  );
}
