import { useFiguresFormat } from '../../hooks/useFiguresFormat';
import { BarSeriesChart, type ChartSeries } from './BarSeriesChart';

/** One chart of {@link CountCharts}: whole counts per category, each datum named by its `label`. */
export interface CountChart {
  /** Also the chart's key among its neighbours. */
  testId: string;
  /** The chart's caption, already translated. */
  title: string;
  data: ReadonlyArray<Record<string, string | number> & { label: string }>;
  series: readonly ChartSeries[];
  /** See {@link BarSeriesChart}: `rows` for categories with long names. */
  layout?: 'columns' | 'rows';
}

/** Charts of whole counts side by side (the figures and the dashboard), numbers in the language on screen. */
export function CountCharts({ charts }: { charts: readonly CountChart[] }) {
  const format = useFiguresFormat();
  return (
    <div className="figure-charts">
      {charts.map((chart) => (
        <BarSeriesChart key={chart.testId} {...chart} categoryKey="label" formatValue={format.whole} />
      ))}
    </div>
  );
}
