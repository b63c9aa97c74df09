import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { seriesColours } from './palette';
import './charts.css';

export interface ChartSeries {
  /** The property of each datum that holds this series' value. */
  key: string;
  /** The series' name in the legend and the tooltip, already translated. */
  label: string;
}

interface BarSeriesChartProps {
  /** The chart's caption, already translated; also its accessible name. */
  title: string;
  data: ReadonlyArray<Record<string, string | number>>;
  /** The property of each datum that names its bar group (a month, a score). */
  categoryKey: string;
  series: readonly ChartSeries[];
  /** How a value reads in the tooltip and on the axis (the screen's number format). */
  formatValue?: (value: number) => string;
  /**
   * `columns` (the default) stands the bars up over their categories, for short names such as months;
   * `rows` lays them along, one row per category with its name in full beside it, for names too long to
   * share the width under columns.
   */
  layout?: 'columns' | 'rows';
  testId?: string;
}

/**
 * Bars per category, one colour per series, in a figure with its caption. The chart library is held
 * here only, so screens describe what to draw and a change of library stays in this folder. Drawn
 * without animation: the numbers are what matter, and a still chart is what a test and a screenshot see.
 */
export function BarSeriesChart({ title, data, categoryKey, series, formatValue, layout = 'columns', testId }: BarSeriesChartProps) {
  const format = (value: unknown) => (typeof value === 'number' && formatValue ? formatValue(value) : String(value));
  const rows = layout === 'rows';
  return (
    <figure className="bar-chart" data-testid={testId}>
      <figcaption>{title}</figcaption>
      <BarChart responsive className="bar-chart__plot" layout={rows ? 'vertical' : 'horizontal'} data={[...data]} accessibilityLayer role="img" aria-label={title}>
        <CartesianGrid strokeDasharray="3 3" vertical={rows} horizontal={!rows} />
        {rows ? (
          <>
            <XAxis type="number" allowDecimals={false} tickFormatter={format} />
            {/* Every name shown (interval 0), the axis as wide as the longest one: nothing skipped or cut. */}
            <YAxis type="category" dataKey={categoryKey} interval={0} width="auto" />
          </>
        ) : (
          <>
            <XAxis dataKey={categoryKey} />
            <YAxis allowDecimals={false} tickFormatter={format} width={56} />
          </>
        )}
        <Tooltip formatter={format} />
        {series.map((entry, index) => (
          <Bar key={entry.key} dataKey={entry.key} name={entry.label} fill={seriesColours[index % seriesColours.length]} isAnimationActive={false} />
        ))}
      </BarChart>
      {/* Our own legend rather than the library's, whose icons carry English labels for screen readers. */}
      {series.length > 1 ? (
        <ul className="bar-chart__legend">
          {series.map((entry, index) => (
            <li key={entry.key}>
              <svg className="bar-chart__swatch" viewBox="0 0 10 10" aria-hidden="true">
                <rect width="10" height="10" fill={seriesColours[index % seriesColours.length]} />
              </svg>
              {entry.label}
            </li>
          ))}
        </ul>
      ) : null}
    </figure>
  );
}
