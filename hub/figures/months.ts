import { sql, type RawBuilder } from 'kysely';
import { PROVINCE_UTC_OFFSET_HOURS, type MomentRange } from './period';

/**
 * The month a stored moment falls in, in the province's time, as plain comparisons against the months'
 * first moments. Parsing each moment as a date (`strftime` on SQLite, `to_char` on PostgreSQL) costs far more
 * than comparing it with a dozen boundaries, and the comparisons read the same on both engines: SQLite compares
 * the stored ISO-8601 UTC text, PostgreSQL the timestamptz.
 */

const HOUR_MS = 3_600_000;

/** A month of the range and the first UTC moment after it. */
interface MonthSpan {
  month: string;
  /** The first moment of the next month, ISO-8601 UTC. */
  end: string;
}

/** The months the range touches, in order, each with the moment it ends. */
function monthSpans(range: MomentRange): MonthSpan[] {
  const local = new Date(Date.parse(range.start) + PROVINCE_UTC_OFFSET_HOURS * HOUR_MS);
  let year = local.getUTCFullYear();
  let month = local.getUTCMonth();
  const spans: MonthSpan[] = [];
  for (;;) {
    const end = new Date(Date.UTC(year, month + 1, 1, -PROVINCE_UTC_OFFSET_HOURS)).toISOString();
    spans.push({ month: `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}`, end });
    if (end >= range.end) return spans;
    month += 1;
    if (month === 12) [year, month] = [year + 1, 0];
  }
}

/** A balanced CASE over the spans: a moment is compared with about log2(months) boundaries. */
function bucketOf(moment: RawBuilder<unknown>, spans: readonly MonthSpan[]): RawBuilder<string> {
  if (spans.length === 1) return sql<string>`${sql.lit(spans[0]!.month)}`;
  const middle = Math.ceil(spans.length / 2);
  const boundary = spans[middle - 1]!.end;
  // Literals, not parameters: PostgreSQL matches a grouped expression to the selected one only when they read alike.
  return sql<string>`(case when ${moment} < ${sql.lit(boundary)} then ${bucketOf(moment, spans.slice(0, middle))} else ${bucketOf(moment, spans.slice(middle))} end)`;
}

/**
 * The month (YYYY-MM, province time) of a moment column whose values lie in the range; a moment outside it
 * is put in the first or last month.
 */
export function monthOfMoment(column: string, range: MomentRange): RawBuilder<string> {
  return bucketOf(sql.ref(column), monthSpans(range));
}

/** One month of a range: its name (YYYY-MM, province time) and the part of the range that falls in it. */
export interface MonthOfRange {
  month: string;
  range: MomentRange;
}

/**
 * The months a range touches, in order, each with its part of the range. A table read month by month groups
 * each month's rows apart: on SQLite a few small sorts in memory instead of one over the whole range (which
 * spills to disk at a province's scale), and no month to work out row by row.
 */
export function monthsOfRange(range: MomentRange): MonthOfRange[] {
  let start = range.start;
  return monthSpans(range).map(({ month, end }) => {
    const part = { month, range: { start, end: end < range.end ? end : range.end } };
    start = end;
    return part;
  });
}
