import { useT } from '../../i18n/index';
import { surveyScores } from '../../../shared/domain/education';
import { CountCharts } from '../../components/charts/CountCharts';
import type { Figures } from './types';
import { useFiguresFormat } from '../../hooks/useFiguresFormat';

/** Visitors per month, attendance per month (against the expected head count) and the spread of survey scores. */
export function FigureCharts({ figures }: { figures: Figures }) {
  const { t } = useT();
  const format = useFiguresFormat();
  const months = figures.months.map((month) => ({ ...month, label: format.month(month.month) }));
  const scores = surveyScores.map((score, index) => ({ label: t('figures:charts.score', { score }), answers: figures.satisfaction.byScore[index] ?? 0 }));
  return (
    <CountCharts
      charts={[
        {
          testId: 'chart-visitors',
          title: t('figures:charts.visitors'),
          data: months,
          series: [{ key: 'people', label: t('figures:charts.people') }, { key: 'signIns', label: t('figures:charts.signIns') }],
        },
        {
          testId: 'chart-attendance',
          title: t('figures:charts.attendance'),
          data: months,
          series: [{ key: 'reach', label: t('figures:charts.reach') }, { key: 'expectedHeadCount', label: t('figures:charts.expected') }],
        },
        {
          testId: 'chart-satisfaction',
          title: t('figures:charts.satisfaction'),
          data: scores,
          series: [{ key: 'answers', label: t('figures:charts.answers') }],
        },
      ]}
    />
  );
}
