import { useT } from '../../i18n/index';
import { surveyScores } from '../../../shared/domain/education';
import { BarSeriesChart } from '../../components/charts/BarSeriesChart';
import type { Figures } from './types';
import { useFiguresFormat } from '../../hooks/useFiguresFormat';

/** Visitors per month, attendance per month (against the expected head count) and the spread of survey scores. */
export function FigureCharts({ figures }: { figures: Figures }) {
  const { t } = useT();
  const format = useFiguresFormat();
  const months = figures.months.map((month) => ({ ...month, label: format.month(month.month) }));
  const scores = surveyScores.map((score, index) => ({ label: t('figures:charts.score', { score }), answers: figures.satisfaction.byScore[index] ?? 0 }));
  return (
    <div className="figure-charts">
      <BarSeriesChart
        testId="chart-visitors"
        title={t('figures:charts.visitors')}
        data={months}
        categoryKey="label"
        series={[
          { key: 'people', label: t('figures:charts.people') },
          { key: 'signIns', label: t('figures:charts.signIns') },
        ]}
        formatValue={format.whole}
      />
      <BarSeriesChart
        testId="chart-attendance"
        title={t('figures:charts.attendance')}
        data={months}
        categoryKey="label"
        series={[
          { key: 'reach', label: t('figures:charts.reach') },
          { key: 'expectedHeadCount', label: t('figures:charts.expected') },
        ]}
        formatValue={format.whole}
      />
      <BarSeriesChart
        testId="chart-satisfaction"
        title={t('figures:charts.satisfaction')}
        data={scores}
        categoryKey="label"
        series={[{ key: 'answers', label: t('figures:charts.answers') }]}
        formatValue={format.whole}
      />
    </div>
  );
}
