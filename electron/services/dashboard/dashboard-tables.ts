import type { TFunction } from 'i18next';
import type { CallOutput } from '../../../shared/contract/calls';
import type { TargetStatus } from '../../../shared/domain/figures';
import type { ExportCell, ExportTable } from '../../tables/table-export';

type Dashboard = CallOutput<'dashboard:get'>;
type FamilyFigures = CallOutput<'family:figures'>;

/**
 * Every table of the dashboard, headers and names in the chosen language: the summary against the
 * targets, then months, programs, stations, years, the stem-cell pipeline, where registrants heard
 * of donation, the sessions they named, and the care of donor families in the dashboard's year.
 */
export function dashboardTables(dashboard: Dashboard, t: TFunction, family: FamilyFigures): ExportTable[] {
  const share = (value: number | null): ExportCell => (value === null ? null : { share: value });
  const status = (value: TargetStatus, unknownKey: string) => t(value === 'unknown' ? `dashboard:status.${unknownKey}` : `dashboard:status.${value}`);
  const column = (key: string) => t(`dashboard:export.column.${key}`);
  const line = (key: string, value: ExportCell, target: ExportCell = null, met: string | null = null): ExportCell[] => [
    t(`dashboard:export.row.${key}`),
    value,
    target,
    met,
  ];
  const { registrations, stemCell, memorial } = dashboard;
  const { growth } = registrations;
  const { recontact } = stemCell;
  const tallyHeaders = ['registered', 'withdrawn', 'realised'].map(column);

  const summary: ExportTable = {
    title: t('dashboard:export.sheet.summary'),
    headers: ['indicator', 'value', 'target', 'status'].map(column),
    rows: [
      line('station', dashboard.station),
      line('period', t('dashboard:export.periodValue', { from: dashboard.from, to: dashboard.to })),
      line('previousPeriod', t('dashboard:export.periodValue', { from: dashboard.previous.from, to: dashboard.previous.to })),
      line('registered', registrations.registered),
      line('previousRegistered', growth.previous),
      line('growth', share(growth.growth), share(growth.target), status(growth.status, 'noPreviousYear')),
      line('withdrawn', registrations.withdrawn),
      line('realised', registrations.realised),
      line('stemCellVolunteers', recontact.volunteers),
      line('recontactShare', share(recontact.share), share(recontact.targetShare), status(recontact.status, 'noVolunteers')),
      line('visitors', memorial.visits.people),
      line('signIns', memorial.visits.signIns),
      line('sessionsHeld', memorial.sessions.held),
      line('reach', memorial.reach.reach, memorial.reach.targetPeople, status(memorial.reach.status, 'noPopulation')),
      line('reachShare', share(memorial.reach.share), share(memorial.reach.periodTargetShare), status(memorial.reach.status, 'noPopulation')),
      line('satisfiedShare', share(memorial.satisfaction.share), share(memorial.satisfaction.targetShare), status(memorial.satisfaction.status, 'noAnswers')),
    ],
  };
  const months: ExportTable = {
    title: t('dashboard:export.sheet.months'),
    headers: [column('month'), ...tallyHeaders, column('previousRegistered')],
    rows: dashboard.months.map((month) => [month.month, month.registered, month.withdrawn, month.realised, month.previousRegistered]),
  };
  const programs: ExportTable = {
    title: t('dashboard:export.sheet.programs'),
    headers: [column('program'), ...tallyHeaders, column('previousRegistered')],
    rows: dashboard.programs.map((row) => [t(`dashboard:program.${row.program}`), row.registered, row.withdrawn, row.realised, row.previousRegistered]),
  };
  const stations: ExportTable = {
    title: t('dashboard:export.sheet.stations'),
    headers: [column('station'), ...tallyHeaders],
    rows: dashboard.stations.map((row) => [row.station, row.registered, row.withdrawn, row.realised]),
  };
  const years: ExportTable = {
    title: t('dashboard:export.sheet.years'),
    headers: [column('year'), ...tallyHeaders],
    rows: dashboard.years.map((row) => [String(row.year), row.registered, row.withdrawn, row.realised]),
  };
  const pipeline: ExportTable = {
    title: t('dashboard:export.sheet.stemCell'),
    headers: [column('step'), column('volunteers')],
    rows: stemCell.steps.map((step) => [t(`dashboard:step.${step.status}`), step.volunteers]),
  };
  const heardFrom: ExportTable = {
    title: t('dashboard:export.sheet.heardFrom'),
    headers: [column('source'), column('registrations')],
    rows: dashboard.heardFrom.map((row) => [t(`dashboard:heardFrom.${row.source}`), row.registrations]),
  };
  const sessions: ExportTable = {
    title: t('dashboard:export.sheet.sessions'),
    headers: [column('session'), column('date'), column('registrations')],
    rows: dashboard.sessions.map((row) => [row.title ?? t('dashboard:sessions.unknown'), row.date, row.registrations]),
  };
  return [summary, months, programs, stations, years, pipeline, heardFrom, sessions, ...familyCareTables(family, t)];
}

/** The donor-family care of a year: families cared for and contacts, invitations per ceremony, aid paid per programme. */
function familyCareTables(family: FamilyFigures, t: TFunction): ExportTable[] {
  const column = (key: string) => t(`dashboard:export.column.${key}`);
  const care: ExportTable = {
    title: t('dashboard:export.sheet.familyCare'),
    headers: [column('indicator'), column('value')],
    rows: [
      [t('dashboard:export.row.familiesOpen'), family.familiesOpen],
      [t('dashboard:export.row.familiesContacted'), family.familiesContacted],
      [t('dashboard:export.row.familyContacts'), family.contacts],
      [t('dashboard:export.row.contactsPerFamily'), family.contactsPerFamily],
      ...family.contactsByKind.map((row): ExportCell[] => [t(`family:contactKind.${row.kind}`), row.count]),
      [t('dashboard:export.row.followUpsOverdue'), family.followUpsOverdue],
    ],
  };
  const remembrance: ExportTable = {
    title: t('dashboard:export.sheet.remembrance'),
    headers: ['ceremony', 'invited', 'accepted', 'attended'].map(column),
    rows: family.invitations.map((row) => [t(`family:ceremony.${row.ceremony}`), row.sent, row.accepted, row.attended]),
  };
  const aid: ExportTable = {
    title: t('dashboard:export.sheet.aidPaid'),
    headers: ['aidProgramme', 'aidCases', 'aidAmountYuan'].map(column),
    // Money is kept in fen; the table shows yuan.
    rows: family.aidPaid.map((row) => [t(`aid:programme.${row.programme}`), row.cases, row.amountFen / 100]),
  };
  return [care, remembrance, aid];
}
