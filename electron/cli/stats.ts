import type { TFunction } from 'i18next';
import { contract, type CallOutput } from '../../shared/contract/calls';
import type { FieldIssue } from '../../shared/contract/errors';
import { toFieldIssues } from '../../shared/contract/issues';
import { stationDate } from '../../shared/domain/age';
import { yearToDate } from '../../shared/domain/figures';
import { AppError } from '../services/kernel/errors';
import type { StationServices } from '../services/index';
import { SYSTEM_ACTOR } from './register';
import { reasonMessage } from './validate-id';

export interface StatsOptions {
  site?: string;
  from?: string;
  to?: string;
}

/** The figures, a usage error (a bad date or site, exit 2), or a refusal of the station (exit 1); messages translated. */
export type StatsResult =
  | { ok: true; figures: CallOutput<'figures:get'> }
  | { ok: false; usage: boolean; message: string };

/** The option a field of the call came from, for messages the reader can act on. */
const optionOf: Record<string, string> = { site: '--site', from: '--from', to: '--to' };

function describeIssues(t: TFunction, issues: readonly FieldIssue[]): string {
  return issues.map((issue) => t('cli:field', { path: optionOf[issue.path] ?? issue.path, reason: reasonMessage(t, issue.reason) })).join('\n');
}

/**
 * Memorial and education figures of a site over a period, as `figures:get` gives them to the staff
 * screen (parsed with its schema, audited as a view by the 'system' actor). Without dates: this year
 * so far; without a site: this station's own.
 */
export async function stationStats(services: StationServices, options: StatsOptions, t: TFunction, today = stationDate(new Date())): Promise<StatsResult> {
  const period = yearToDate(today);
  const spec = contract['figures:get'];
  const input = spec.input.safeParse({
    ...(options.site === undefined ? {} : { site: options.site }),
    from: options.from ?? period.from,
    to: options.to ?? (options.from === undefined ? period.to : today),
  });
  if (!input.success) return { ok: false, usage: true, message: describeIssues(t, toFieldIssues(input.error)) };
  try {
    return { ok: true, figures: spec.output.parse(await services.figures.get(input.data, SYSTEM_ACTOR)) };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    // A site the station holds nothing of is a usage error like a bad date: the reader typed it.
    if (error.code === 'validation_failed' && error.issues) return { ok: false, usage: true, message: describeIssues(t, error.issues) };
    return { ok: false, usage: false, message: t(`errors:${error.code}`) };
  }
}
