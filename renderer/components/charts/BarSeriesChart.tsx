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
  testId?: string;
}

/**
 * Bars per category, one colour per series, in a figure with its caption. The chart library is held
 * here only, so screens describe what to draw and a change of library stays in this folder. Drawn
 * without animation: the numbers are what matter, and a still chart is what a test and a screenshot see.
 */
export function BarSeriesChart({ title, data, categoryKey, series, formatValue, testId }: BarSeriesChartProps) {
  const format = (value: unknown) => (typeof value === 'number' && formatValue ? formatValue(value) : String(value));
  return (
    <figure className="bar-chart" data-testid={testId}>
      <figcaption>{title}</figcaption>
      <BarChart responsive className="bar-chart__plot" data={[...data]} accessibilityLayer role="img" aria-label={title}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey={categoryKey} />
        <YAxis allowDecimals={false} tickFormatter={format} width={56} />
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
