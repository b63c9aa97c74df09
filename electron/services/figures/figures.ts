import type { TFunction } from 'i18next';
import type { CallOutput, ParsedInput } from '../../../shared/contract/calls';
import {
  monthsOf,
  reachAgainstTarget,
  SATISFACTION_TARGET_SHARE,
  satisfactionAgainstTarget,
  type TargetStatus,
} from '../../../shared/domain/figures';
import { SATISFIED_FROM_SCORE, surveyScores } from '../../../shared/domain/education';
import { stationDayBounds } from '../../../shared/domain/visitors';
import { Translators } from '../../../shared/i18n/translator';
import type { Executor } from '../../db/repositories/executor';
import {
  cancelledSessionCount,
  groupHeadCountsByMonth,
  heldSessionsByMonth,
  messagesByMonth,
  sitesWithRecords,
  surveyScoresByMonth,
  visitsByMonth,
  walkInsByMonth,
} from '../../db/repositories/figures';
import type { Actor } from '../kernel/audit';
import { AppError } from '../kernel/errors';
import type { FigureTargets } from './figure-targets';
import { tablesToCsv, tablesToXlsx, type ExportCell, type ExportTable } from '../../tables/table-export';
import type { StationContext } from '../kernel/context';

type Figures = CallOutput<'figures:get'>;
type MonthFigures = Figures['months'][number];
type Period = Pick<ParsedInput<'figures:get'>, 'site' | 'from' | 'to'>;

const mediaTypes = {
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

/**
 * The figures memorial parks and life-education bases are judged on, per site and period: visitors,
 * messages, sessions held, reach (group head counts and walk-ins) against a share of the local
 * population, and satisfaction against 95 %; a series per month for the charts; CSV and XLSX export.
 * Every reading is audited as a view, every file as an export.
 */
export class FiguresService {
  private readonly translators = new Translators();

  constructor(
    private readonly ctx: StationContext,
    private readonly targets: FigureTargets,
  ) {}

  /** One site's figures over a period (this station's when no site is named). */
  async get(input: ParsedInput<'figures:get'>, actor: Actor): Promise<Figures> {
    return this.computeAudited(input, actor, 'view', {});
  }

  /** The same figures as a CSV or XLSX file with headers in the chosen language. */
  async export(input: ParsedInput<'figures:export'>, actor: Actor): Promise<CallOutput<'figures:export'>> {
    const t = await this.translators.for(input.language);
    const figures = await this.computeAudited(input, actor, 'export', { format: input.format });
    const tables = figureTables(figures, t);
    const content = input.format === 'csv' ? tablesToCsv(tables) : await tablesToXlsx(tables, t('figures:export.creator'));
    return {
      fileName: `figures-${figures.site}-${figures.from}-${figures.to}.${input.format}`,
      mediaType: mediaTypes[input.format],
      contentBase64: content.toString('base64'),
    };
  }

  /** Computes the figures and records who read or exported them, with the period, in one transaction. */
  private async computeAudited(
    input: ParsedInput<'figures:get'>,
    actor: Actor,
    action: 'view' | 'export',
    detail: Record<string, string>,
  ): Promise<Figures> {
    const station = await this.ctx.station.require();
    return this.ctx.db.transaction().execute(async (trx) => {
      const figures = await this.compute(trx, station.code, input);
      await this.ctx.audit.append(trx, {
        actor,
        stationCode: station.code,
        action,
        objectType: 'figures',
        objectId: figures.site,
        detail: { from: figures.from, to: figures.to, ...detail },
      });
      return figures;
    });
  }

  /** The local population (null while not set), the yearly reach target and the satisfaction target. */
  async targetSettings(): Promise<CallOutput<'figures:targets'>> {
    return { ...(await this.targets.current()), satisfactionTargetShare: SATISFACTION_TARGET_SHARE };
  }

  async setTargets(input: ParsedInput<'figures:setTargets'>, actor: Actor): Promise<CallOutput<'figures:targets'>> {
    return { ...(await this.targets.change(input, actor)), satisfactionTargetShare: SATISFACTION_TARGET_SHARE };
  }

  /**
   * Everything in one read transaction, so the totals and the months agree with each other. Not
   * audited here: the caller's view or export is.
   */
  async compute(trx: Executor, ownCode: string, period: Period): Promise<Figures> {
    const site = period.site ?? ownCode;
    const range = { from: stationDayBounds(period.from).from, to: stationDayBounds(period.to).to };
    const days = { from: period.from, to: period.to };
    const now = this.ctx.clock.now();
    const found = await sitesWithRecords(trx, range, days);
    const sites = [ownCode, ...found.filter((code) => code !== ownCode)];
    if (!sites.includes(site)) {
      throw new AppError('validation_failed', 'invalid input', [{ path: 'site', reason: 'site_unknown' }]);
    }
    const at = now.toISOString();
    const visits = await visitsByMonth(trx, site, days);
    const messages = await messagesByMonth(trx, site, range);
    const sessions = await heldSessionsByMonth(trx, site, days, at);
    const cancelled = await cancelledSessionCount(trx, site, days);
    const groups = await groupHeadCountsByMonth(trx, site, days, at);
    const walkIns = await walkInsByMonth(trx, site, days, at);
    const scores = await surveyScoresByMonth(trx, site, days, at);
    const settings = await this.targets.current(trx);

    const months = new Map<string, MonthFigures>(
      monthsOf(period.from, period.to).map((month) => [
        month,
        { month, signIns: 0, people: 0, messagesSubmitted: 0, messagesApproved: 0, sessionsHeld: 0, expectedHeadCount: 0, reach: 0, responses: 0, satisfied: 0 },
      ]),
    );
    const monthOf = (month: string) => {
      const entry = months.get(month);
      // Every row is inside the period, so its month is one of the period's; anything else is a bug.
      if (!entry) throw new Error(`figures row outside the period: ${month}`);
      return entry;
    };
    for (const row of visits) Object.assign(monthOf(row.month), { signIns: row.signIns, people: row.people });
    for (const row of messages) Object.assign(monthOf(row.month), { messagesSubmitted: row.submitted, messagesApproved: row.approved });
    for (const row of sessions) Object.assign(monthOf(row.month), { sessionsHeld: row.held, expectedHeadCount: row.expectedHeadCount });
    for (const row of [...groups, ...walkIns]) monthOf(row.month).reach += row.people;
    const byScore = surveyScores.map(() => 0);
    for (const row of scores) {
      const entry = monthOf(row.month);
      entry.responses += row.answers;
      if (row.score >= SATISFIED_FROM_SCORE) entry.satisfied += row.answers;
      byScore[row.score - 1] = (byScore[row.score - 1] ?? 0) + row.answers;
    }

    const groupPeople = sum(groups.map((row) => row.people));
    const walkInPeople = sum(walkIns.map((row) => row.people));
    const reach = groupPeople + walkInPeople;
    return {
      site,
      sites,
      from: period.from,
      to: period.to,
      generatedAt: at,
      visits: { signIns: sum(visits.map((row) => row.signIns)), people: sum(visits.map((row) => row.people)) },
      messages: { submitted: sum(messages.map((row) => row.submitted)), approved: sum(messages.map((row) => row.approved)) },
      sessions: {
        held: sum(sessions.map((row) => row.held)),
        cancelled,
        expectedHeadCount: sum(sessions.map((row) => row.expectedHeadCount)),
      },
      attendance: { reach, groups: groupPeople, walkIns: walkInPeople },
      // The population setting is this station's: another site's reach cannot be judged against it.
      reach: reachAgainstTarget({
        reach,
        localPopulation: site === ownCode ? settings.localPopulation : null,
        reachTargetPercent: settings.reachTargetPercent,
        from: period.from,
        to: period.to,
      }),
      satisfaction: satisfactionAgainstTarget(byScore),
      months: [...months.values()],
    };
  }
}

/** The figures as three tables: the summary against the targets, the months, and the survey scores. */
export function figureTables(figures: Figures, t: TFunction): ExportTable[] {
  const status = (value: TargetStatus, unknownKey: string) => (value === 'unknown' ? t(unknownKey) : t(`figures:status.${value}`));
  const share = (value: number | null): ExportCell => (value === null ? null : { share: value });
  const { reach, satisfaction } = figures;
  const line = (key: string, value: ExportCell, target: ExportCell = null, met: string | null = null): ExportCell[] => [
    t(`figures:export.row.${key}`),
    value,
    target,
    met,
  ];
  const summary: ExportTable = {
    title: t('figures:export.sheet.summary'),
    headers: [t('figures:export.column.indicator'), t('figures:export.column.value'), t('figures:export.column.target'), t('figures:export.column.status')],
    rows: [
      line('site', figures.site),
      line('period', t('figures:export.periodValue', { from: figures.from, to: figures.to })),
      line('people', figures.visits.people),
      line('signIns', figures.visits.signIns),
      line('messagesSubmitted', figures.messages.submitted),
      line('messagesApproved', figures.messages.approved),
      line('sessionsHeld', figures.sessions.held),
      line('sessionsCancelled', figures.sessions.cancelled),
      line('expectedHeadCount', figures.sessions.expectedHeadCount),
      line('reach', reach.reach, reach.targetPeople, status(reach.status, 'figures:status.noPopulation')),
      line('localPopulation', reach.localPopulation ?? t('figures:notSet')),
      line('reachShare', share(reach.share), share(reach.periodTargetShare), status(reach.status, 'figures:status.noPopulation')),
      line('responses', satisfaction.responses),
      line('meanScore', satisfaction.mean === null ? null : { decimal: satisfaction.mean }),
      line('satisfiedShare', share(satisfaction.share), share(satisfaction.targetShare), status(satisfaction.status, 'figures:status.noAnswers')),
    ],
  };
  const months: ExportTable = {
    title: t('figures:export.sheet.months'),
    headers: (['month', 'signIns', 'people', 'messagesSubmitted', 'messagesApproved', 'sessionsHeld', 'expectedHeadCount', 'reach', 'responses', 'satisfiedShare'] as const).map(
      (key) => t(`figures:export.month.${key}`),
    ),
    rows: figures.months.map((month) => [
      month.month,
      month.signIns,
      month.people,
      month.messagesSubmitted,
      month.messagesApproved,
      month.sessionsHeld,
      month.expectedHeadCount,
      month.reach,
      month.responses,
      month.responses === 0 ? null : { share: month.satisfied / month.responses },
    ]),
  };
  const scores: ExportTable = {
    title: t('figures:export.sheet.scores'),
    headers: [t('figures:export.column.score'), t('figures:export.column.answers')],
    rows: surveyScores.map((score, index) => [score, satisfaction.byScore[index] ?? 0]),
  };
  return [summary, months, scores];
}
