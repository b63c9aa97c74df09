import type { AidCaseState, AidProgramme } from '../../shared/domain/aid';
import type { Program } from '../../shared/domain/programs';
import type { TargetStatus } from '../../shared/domain/figures';
import type { CareTally } from '../care/care-figures';
import type { CountedStemCellStatus } from '../figures/stem-cell-figures';
import type { FiguresTableId, IndicatorCode, UnknownReason } from './figures-tables';

/**
 * The words of the figures tables, and of the donor-family care tables that follow them, when they leave the hub
 * as files (CSV, XLSX) or on the yearly report, in Chinese and in English. The hub runs without i18next, so the
 * words live here, one object per language, typed so that English is as complete as Chinese. A console screen
 * translates the codes of `figuresTables` itself and may pass its own `FiguresHeadings` to `figuresExportTables`
 * instead.
 */

export const headingLanguages = ['zh-CN', 'en'] as const;
export type HeadingLanguage = (typeof headingLanguages)[number];

/** The words of a year's donor-family care tables (`care-export.ts`), which follow the figures tables. */
export interface CareHeadings {
  /** Each table's title (a workbook's sheet name, at most 28 characters): `{year}` is replaced by the year counted. */
  sheet: { summary: string; prefectures: string; stations: string; aid: string };
  /** The summary's lines, the year counted first; the same words head the columns per prefecture and station. */
  indicator: Record<'year' | keyof CareTally, string>;
  column: { programme: string; paid: string; paidYuan: string };
  programme: Record<AidProgramme, string>;
  aidState: Record<AidCaseState, string>;
}

/** Every word the exported tables use. */
export interface FiguresHeadings {
  /** The workbook's author. */
  creator: string;
  /** Which of a place's names (`prefecture-names.ts`) the tables show. */
  placeNames: 'zh' | 'en';
  sheet: Record<FiguresTableId, string>;
  column: {
    indicator: string;
    value: string;
    target: string;
    status: string;
    prefectureCode: string;
    prefecture: string;
    station: string;
    program: string;
    month: string;
    registrations: string;
    people: string;
    withdrawals: string;
    previousRegistrations: string;
    growth: string;
    growthStatus: string;
    volunteers: string;
    recontactShare: string;
    recontactStatus: string;
    visits: string;
    visitors: string;
    sessionsHeld: string;
    attendees: string;
    population: string;
    reachShare: string;
    reachTargetShare: string;
    reachStatus: string;
    satisfiedShare: string;
    satisfactionStatus: string;
    stemCellStatus: string;
    volunteersNow: string;
    registeredInPeriod: string;
  };
  indicator: Record<IndicatorCode, string>;
  status: Record<TargetStatus, string>;
  unknownReason: Record<UnknownReason, string>;
  program: Record<Program, string>;
  stemCellStatus: Record<CountedStemCellStatus, string>;
  /** A period written out: `{from}` and `{to}` are replaced by its days. */
  periodValue: string;
  /** A target that cannot be judged, with why: `{status}` and `{reason}` are replaced. */
  statusWithReason: string;
  care: CareHeadings;
}

const zhCN: FiguresHeadings = {
  creator: '生命接力省级平台',
  placeNames: 'zh',
  sheet: {
    summary: '概况',
    prefectures: '各州市',
    stations: '各站点',
    programs: '各项目',
    months: '各月',
    stemCell: '造血干细胞进展',
  },
  column: {
    indicator: '指标',
    value: '数值',
    target: '目标',
    status: '是否达标',
    prefectureCode: '州市代码',
    prefecture: '州市',
    station: '站点代码',
    program: '项目',
    month: '月份',
    registrations: '登记数',
    people: '登记人数',
    withdrawals: '撤回数',
    previousRegistrations: '上年同期登记数',
    growth: '同比增长',
    growthStatus: '增长是否达标',
    volunteers: '在册造血干细胞志愿者',
    recontactShare: '回访同意率',
    recontactStatus: '回访同意是否达标',
    visits: '来访登记次数',
    visitors: '来访人数',
    sessionsHeld: '已举办活动场次',
    attendees: '知识覆盖人数',
    population: '当地人口',
    reachShare: '知识覆盖率',
    reachTargetShare: '覆盖率目标',
    reachStatus: '覆盖是否达标',
    satisfiedShare: '满意率（4–5 分）',
    satisfactionStatus: '满意率是否达标',
    stemCellStatus: '环节',
    volunteersNow: '当前人数',
    registeredInPeriod: '本期登记人数',
  },
  indicator: {
    period: '统计期间',
    previousPeriod: '对比期间（上年同期）',
    registrations: '登记数',
    people: '登记人数',
    withdrawals: '撤回数',
    awaitingReview: '待审核登记数',
    previousRegistrations: '上年同期登记数',
    registrationGrowth: '登记同比增长',
    volunteers: '在册造血干细胞志愿者',
    recontactShare: '回访同意率',
    volunteerGrowth: '造血干细胞志愿者同比增长',
    visits: '来访登记次数',
    visitors: '来访人数',
    sessionsHeld: '已举办活动场次',
    reach: '知识覆盖人数',
    reachShare: '知识覆盖率（占当地人口）',
    satisfiedShare: '满意率（4–5 分）',
  },
  status: { met: '达标', not_met: '未达标', unknown: '无法判定' },
  unknownReason: {
    no_previous_year: '上年同期无登记',
    no_volunteers: '暂无志愿者',
    no_population: '未设置当地人口',
    no_answers: '暂无问卷',
  },
  program: { organ: '器官捐献', cornea: '角膜捐献', body: '遗体捐献', stem_cell: '造血干细胞志愿者' },
  stemCellStatus: { signed_up: '已报名', sample_taken: '已采样', typed: '已分型', in_registry: '已入库', withdrawn: '已退出', unknown: '未记录' },
  periodValue: '{from} 至 {to}',
  statusWithReason: '{status}（{reason}）',
  care: {
    sheet: { summary: '家庭关怀总览（{year}年）', prefectures: '各州市家庭关怀（{year}年）', stations: '各站点家庭关怀（{year}年）', aid: '人道救助（{year}年）' },
    indicator: {
      year: '关怀统计年度',
      familiesOnFile: '在册家庭',
      familiesCaredFor: '已关怀家庭（本年至少联系一次）',
      contacts: '联系次数',
      contactsPerFamily: '每户平均联系次数',
      invitations: '缅怀活动邀请',
      accepted: '接受邀请',
      attended: '到场参加',
      doNotContact: '要求不再联系的家庭',
    },
    column: { programme: '救助项目', paid: '本年发放笔数', paidYuan: '本年发放金额（元）' },
    programme: { condolence: '慰问金', hardship: '困难救助', study_grant: '助学金', funeral: '丧葬补助', bo_ai_visit: '博爱送万家' },
    aidState: { applied: '已申请', reviewed: '已审核', proposed: '已拟方案', granted: '已批准', on_notice: '公示中', paid: '已发放', rejected: '未予救助' },
  },
};

const en: FiguresHeadings = {
  creator: 'Relay Station provincial hub',
  placeNames: 'en',
  sheet: {
    summary: 'Summary',
    prefectures: 'Prefectures',
    stations: 'Stations',
    programs: 'Programs',
    months: 'Months',
    stemCell: 'Stem-cell pipeline',
  },
  column: {
    indicator: 'Indicator',
    value: 'Value',
    target: 'Target',
    status: 'Status',
    prefectureCode: 'Prefecture code',
    prefecture: 'Prefecture',
    station: 'Station code',
    program: 'Program',
    month: 'Month',
    registrations: 'Registrations',
    people: 'People',
    withdrawals: 'Withdrawals',
    previousRegistrations: 'Registrations a year before',
    growth: 'Growth',
    growthStatus: 'Growth status',
    volunteers: 'Stem-cell volunteers',
    recontactShare: 'Re-contact consent',
    recontactStatus: 'Re-contact status',
    visits: 'Sign-ins',
    visitors: 'Visitors',
    sessionsHeld: 'Sessions held',
    attendees: 'Knowledge reach',
    population: 'Local population',
    reachShare: 'Reach share',
    reachTargetShare: 'Reach target',
    reachStatus: 'Reach status',
    satisfiedShare: 'Satisfied (4–5)',
    satisfactionStatus: 'Satisfaction status',
    stemCellStatus: 'Step',
    volunteersNow: 'Volunteers now',
    registeredInPeriod: 'Registered in the period',
  },
  indicator: {
    period: 'Period',
    previousPeriod: 'Compared with (same days a year before)',
    registrations: 'Registrations',
    people: 'People',
    withdrawals: 'Withdrawals',
    awaitingReview: 'Registrations awaiting review',
    previousRegistrations: 'Registrations a year before',
    registrationGrowth: 'Registration growth',
    volunteers: 'Stem-cell volunteers on the register',
    recontactShare: 'Re-contact consent',
    volunteerGrowth: 'Stem-cell volunteer growth',
    visits: 'Sign-ins',
    visitors: 'Visitors',
    sessionsHeld: 'Sessions held',
    reach: 'Knowledge reach',
    reachShare: 'Reach (share of the local population)',
    satisfiedShare: 'Satisfied (4–5)',
  },
  status: { met: 'Met', not_met: 'Not met', unknown: 'Cannot be judged' },
  unknownReason: {
    no_previous_year: 'None a year before',
    no_volunteers: 'No volunteers',
    no_population: 'Population not set',
    no_answers: 'No answers',
  },
  program: { organ: 'Organ donation', cornea: 'Cornea donation', body: 'Body donation', stem_cell: 'Stem-cell volunteers' },
  stemCellStatus: { signed_up: 'Signed up', sample_taken: 'Sample taken', typed: 'Typed', in_registry: 'In the registry', withdrawn: 'Withdrawn', unknown: 'Not recorded' },
  periodValue: '{from} to {to}',
  statusWithReason: '{status} ({reason})',
  care: {
    sheet: { summary: 'Family care {year}', prefectures: 'Care by prefecture {year}', stations: 'Care by station {year}', aid: 'Aid by programme {year}' },
    indicator: {
      year: 'Year counted',
      familiesOnFile: 'Families on file',
      familiesCaredFor: 'Families cared for (contacted at least once in the year)',
      contacts: 'Contacts',
      contactsPerFamily: 'Contacts per family cared for',
      invitations: 'Remembrance invitations',
      accepted: 'Invitations accepted',
      attended: 'Attended',
      doNotContact: 'Families who asked not to be contacted',
    },
    column: { programme: 'Programme', paid: 'Payments in the year', paidYuan: 'Paid in the year (yuan)' },
    programme: { condolence: 'Condolence money', hardship: 'Hardship aid', study_grant: 'Study grant', funeral: 'Funeral help', bo_ai_visit: "Festival visit (Bo'ai)" },
    aidState: { applied: 'Applied', reviewed: 'Reviewed', proposed: 'Proposed', granted: 'Granted', on_notice: 'On public notice', paid: 'Paid', rejected: 'Rejected' },
  },
};

/** The exported tables' words in each language the hub writes. */
export const FIGURES_HEADINGS: Readonly<Record<HeadingLanguage, FiguresHeadings>> = { 'zh-CN': zhCN, en };
