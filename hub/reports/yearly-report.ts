import { Canvas, type DocumentResult, type DrawStyle } from '../../electron/pdf/canvas';
import type { FontSet } from '../../electron/pdf/fonts';
import { A4, ACCENT, fitToWidth, MUTED, TINT } from '../../electron/pdf/page-style';
import type { HubStore } from '../db/open';
import { PROVINCE_UTC_OFFSET_HOURS } from '../figures/period';
import { FIGURES_HEADINGS } from './figures-headings';
import type { Judged, PrefectureRow, SummaryLine } from './figures-tables';
import { yearlyReportData, type YearlyReportData } from './yearly-report-data';

/**
 * The yearly report the provincial office files: one A4 page in Chinese, drawn with the station's PDF canvas
 * and fonts (`electron/pdf/`). It gives the province and the year, the headline figures against their targets
 * with 达标 / 未达标 written out (never told by colour alone), a small table per prefecture with growth on the
 * year before, and when it was made from which data. Only counts and shares: no person appears on it.
 */

const WORDS = FIGURES_HEADINGS['zh-CN'];

/** The report's fixed Chinese texts. */
const TEXT = {
  title: (province: string, year: number) => `${province}${year}年度人体器官（遗体、角膜）捐献与造血干细胞志愿者登记工作统计报告`,
  period: (from: string, to: string) => `统计期间：${from} 至 ${to}（北京时间）`,
  runningYear: '（本年度尚未结束，统计至今日）',
  previousPeriod: (from: string, to: string) => `对比期间：${from} 至 ${to}`,
  headline: '一、主要指标',
  prefectures: '二、各州（市）情况',
  notes: '三、说明',
  columns: { indicator: '指标', current: '本期', previous: '上年同期', target: '目标', result: '结果' },
  prefectureColumns: ['州（市）', '登记数', '上年同期', '同比增长', '撤回数', '回访同意率', '知识覆盖率', '满意率'],
  noPrefecture: '本期无分州（市）数据。',
  legend: '表中“√”为达标，“×”为未达标，“—”为无法判定（上年同期无登记、暂无志愿者、未设置当地人口或暂无问卷）。',
  madeAt: (moment: string) => `生成时间：${moment}（北京时间）`,
  source: (batch: string, station: string, moment: string, batches: number, stations: number) =>
    `数据来源：省级平台截至最近接收的批次 ${batch}（站点 ${station}，接收于 ${moment}）所存数据，共 ${batches} 个批次、${stations} 个站点。`,
  noSource: '数据来源：省级平台尚未接收任何批次。',
  privacy: '本报告仅含汇总数字，不含任何个人信息。',
  targets: '目标依据：登记数同比增长 10% 以上；造血干细胞志愿者回访同意率不低于 85%；知识覆盖人数不低于当地人口的 1.5%（按统计期间折算）；满意率不低于 95%。',
  growthTarget: '增长 ≥10%',
  atLeast: (share: string) => `≥${share}`,
};

const MARGIN = 42;
const WIDTH = A4.width - 2 * MARGIN;
const BODY: DrawStyle = { size: 9, weight: 'regular' };
const SMALL: DrawStyle = { size: 7.5, weight: 'regular', color: MUTED };
const HEADING: DrawStyle = { size: 11, weight: 'bold', color: ACCENT };
const TABLE_ROW = 15;
/** Room the legend and the notes under the prefectures' table take. */
const NOTES_HEIGHT = 130;

function counted(value: number | null): string {
  return value === null ? '—' : value.toLocaleString('en-US');
}

function percent(share: number | null, digits = 1): string {
  return share === null ? '—' : `${(share * 100).toFixed(digits)}%`;
}

function signedPercent(share: number | null): string {
  if (share === null) return '—';
  return `${share >= 0 ? '+' : ''}${(share * 100).toFixed(1)}%`;
}

/** A status in words, with why when it cannot be judged. */
function resultWords(judged: Judged | undefined): string {
  if (!judged) return '—';
  if (judged.status === 'unknown') return judged.reason ? `无法判定（${WORDS.unknownReason[judged.reason]}）` : WORDS.status.unknown;
  return judged.status === 'met' ? '√ 达标' : '× 未达标';
}

/** A share in a prefecture's cell, with its mark; a dash alone when there is no share. */
function markedShare(value: string, judged: Judged | null): string {
  if (judged === null || judged.value === null) return '—';
  if (judged.status === 'unknown') return `${value} —`;
  return `${value} ${judged.status === 'met' ? '√' : '×'}`;
}

/** A moment in the province's time, to the minute. */
function provinceMoment(iso: string): string {
  return new Date(Date.parse(iso) + PROVINCE_UTC_OFFSET_HOURS * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** Columns laid out by weight over the page's width. */
function columnBoxes(weights: readonly number[]): Array<{ x: number; width: number }> {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  let x = MARGIN;
  return weights.map((weight) => {
    const width = (WIDTH * weight) / total;
    const box = { x, width };
    x += width;
    return box;
  });
}

class ReportPage {
  y = MARGIN;

  constructor(readonly canvas: Canvas) {}

  text(text: string, style: DrawStyle, gapAfter = 0): void {
    this.y += this.canvas.text(text, { x: MARGIN, y: this.y, width: WIDTH }, style) + gapAfter;
  }

  heading(text: string): void {
    this.y += 6;
    this.text(text, HEADING, 2);
  }

  rule(weight = 0.5): void {
    this.canvas.doc.save().strokeColor(MUTED).lineWidth(weight).moveTo(MARGIN, this.y).lineTo(MARGIN + WIDTH, this.y).stroke().restore();
  }

  /** One row of a table: the first cell left, the others right; a header row bold on a tint. */
  row(cells: readonly string[], boxes: ReturnType<typeof columnBoxes>, header = false, height = TABLE_ROW): void {
    if (header) this.canvas.doc.save().rect(MARGIN, this.y, WIDTH, height).fill(TINT).restore();
    const size = Math.min(header ? 8 : 8.5, height * 0.6);
    const style: DrawStyle = { size, weight: header ? 'bold' : 'regular', leading: 1 };
    cells.forEach((cell, index) => {
      const box = boxes[index]!;
      const fitted = fitToWidth(this.canvas, cell, box.width - 6, style, Math.min(6, size));
      this.canvas.text(cell, { x: box.x + 3, y: this.y + (height - fitted.size) / 2, width: box.width - 6 }, { ...fitted, align: index === 0 ? 'left' : 'right' });
    });
    this.y += height;
    this.rule(header ? 0.6 : 0.25);
  }
}

function headlineLines(data: YearlyReportData): string[][] {
  const line = (indicator: SummaryLine['indicator']) => data.tables.summary.find((entry) => entry.indicator === indicator);
  const growth = line('registrationGrowth')?.judged;
  const recontact = line('recontactShare')?.judged;
  const reach = line('reachShare')?.judged;
  const reachPeople = line('reach');
  const satisfaction = line('satisfiedShare')?.judged;
  const registrations = line('registrations')?.value ?? 0;
  const previousRegistrations = line('previousRegistrations')?.value ?? null;
  return [
    [WORDS.indicator.registrations, counted(registrations), counted(previousRegistrations), TEXT.growthTarget, `${resultWords(growth)}（${signedPercent(growth?.value ?? null)}）`],
    [WORDS.indicator.people, counted(line('people')?.value ?? 0), '—', '—', '—'],
    [WORDS.indicator.withdrawals, counted(line('withdrawals')?.value ?? 0), '—', '—', '—'],
    [WORDS.indicator.volunteers, counted(line('volunteers')?.value ?? 0), '—', '—', '—'],
    [WORDS.indicator.recontactShare, percent(recontact?.value ?? null), '—', TEXT.atLeast(percent(recontact?.target ?? null, 0)), resultWords(recontact)],
    [WORDS.indicator.reach, counted(reachPeople?.value ?? 0), '—', counted(reachPeople?.judged?.target ?? null), resultWords(reachPeople?.judged)],
    [WORDS.indicator.reachShare, percent(reach?.value ?? null, 2), '—', TEXT.atLeast(percent(reach?.target ?? null, 2)), resultWords(reach)],
    [WORDS.indicator.satisfiedShare, percent(satisfaction?.value ?? null), '—', TEXT.atLeast(percent(satisfaction?.target ?? null, 0)), resultWords(satisfaction)],
    [WORDS.indicator.visitors, counted(line('visitors')?.value ?? 0), '—', '—', '—'],
    [WORDS.indicator.sessionsHeld, counted(line('sessionsHeld')?.value ?? 0), '—', '—', '—'],
  ];
}

function prefectureCells(row: PrefectureRow): string[] {
  return [
    row.prefectureName?.zh ?? row.prefectureCode,
    counted(row.registrations),
    counted(row.previousRegistrations),
    markedShare(signedPercent(row.growth?.value ?? null), row.growth),
    counted(row.withdrawals),
    markedShare(percent(row.recontact.value), row.recontact),
    markedShare(percent(row.reach.value, 2), row.reach),
    markedShare(percent(row.satisfaction.value), row.satisfaction),
  ];
}

/** Draws the report of the data given; `missing` lists characters no font could draw (none for the fixed texts). */
export async function buildYearlyReport(data: YearlyReportData, fonts: FontSet): Promise<DocumentResult> {
  const province = data.provinceName?.zh ?? data.provinceCode;
  const canvas = new Canvas(fonts, {
    language: 'zh-CN',
    title: `${province}${data.year}年度登记工作统计报告`,
    author: `${province}省级平台`,
    subject: `${data.period.from} 至 ${data.period.to}`,
  });
  canvas.addPage(A4.width, A4.height);
  const page = new ReportPage(canvas);

  const title = TEXT.title(province, data.year);
  page.text(title, { ...fitToWidth(canvas, title, WIDTH, { size: 15, weight: 'bold', color: ACCENT }, 11), align: 'center' }, 4);
  page.text(`${TEXT.period(data.period.from, data.period.to)}${data.wholeYear ? '' : TEXT.runningYear}    ${TEXT.previousPeriod(data.previousPeriod.from, data.previousPeriod.to)}`, { ...SMALL, align: 'center' }, 4);
  page.rule(1);

  page.heading(TEXT.headline);
  const headlineBoxes = columnBoxes([3.2, 1.4, 1.4, 1.4, 2.6]);
  const columns = TEXT.columns;
  page.row([columns.indicator, columns.current, columns.previous, columns.target, columns.result], headlineBoxes, true);
  for (const cells of headlineLines(data)) page.row(cells, headlineBoxes);

  page.heading(TEXT.prefectures);
  if (data.tables.prefectures.length === 0) page.text(TEXT.noPrefecture, BODY);
  else {
    const boxes = columnBoxes([1.8, 1.1, 1.1, 1.2, 0.9, 1.3, 1.3, 1.2]);
    // A province with many prefectures gets closer rows, so that the report stays one page.
    const rows = data.tables.prefectures.length + 1;
    const height = Math.min(TABLE_ROW, (A4.height - MARGIN - NOTES_HEIGHT - page.y) / rows);
    page.row(TEXT.prefectureColumns, boxes, true, height);
    for (const row of data.tables.prefectures) page.row(prefectureCells(row), boxes, false, height);
  }
  page.y += 3;
  page.text(TEXT.legend, SMALL);

  page.heading(TEXT.notes);
  page.text(TEXT.targets, SMALL, 2);
  const { lastBatch, batches, stations } = data.source;
  page.text(lastBatch ? TEXT.source(lastBatch.batchId, lastBatch.stationCode, provinceMoment(lastBatch.receivedAt), batches, stations) : TEXT.noSource, SMALL, 2);
  page.text(TEXT.madeAt(provinceMoment(data.madeAt)), SMALL, 2);
  page.text(TEXT.privacy, SMALL);
  return canvas.finish();
}

/** The report of a year as a PDF, with the data it was drawn from (for the console to show alongside). */
export async function yearlyReport(
  store: HubStore,
  provinceCode: string,
  input: { year: number; fonts: FontSet; now?: Date },
): Promise<DocumentResult & { data: YearlyReportData }> {
  const data = await yearlyReportData(store, provinceCode, input.year, input.now);
  return { ...(await buildYearlyReport(data, input.fonts)), data };
}
