import type { Language } from '../../shared/i18n/languages';
import { Canvas, type DocumentResult, type DrawStyle } from './canvas';
import type { FontSet } from './fonts';
import { Flow } from './flow';
import { A4, ACCENT, fitToWidth, MUTED, titleTracking } from './page-style';
import { documentTranslator, formatDocumentDate } from './texts';

/** One line of the public notice, already as printed: the name masked, the programme's label, the amount in yuan. */
export interface AidNoticeLine {
  maskedName: string;
  programme: string;
  amountYuan: string;
  noticeFrom: string;
  noticeTo: string;
}

/** The public notice of aid (人道救助公示) on a day. */
export interface AidNoticeModel {
  language: Language;
  stationName: string;
  /** The day the notice is of (YYYY-MM-DD). */
  on: string;
  lines: AidNoticeLine[];
}

const MARGIN = 56;
const BOTTOM = A4.height - 64;
const COLUMN_SHARES = [0.22, 0.26, 0.2, 0.32];

/**
 * The public notice on A4, to be posted: the station, the title, the day, a sentence on objections, then
 * the cases as a table (masked name, programme, amount, notice period), page after page as long as it
 * needs. No name is printed in full: the caller passes masked names only.
 */
export async function buildAidNotice(model: AidNoticeModel, fonts: FontSet): Promise<DocumentResult> {
  const t = await documentTranslator(model.language);
  const date = (iso: string) => formatDocumentDate(iso, model.language);
  const title = t('aid:notice.title');
  const canvas = new Canvas(fonts, { language: model.language, title: `${title} ${model.on}`, author: model.stationName, subject: t('aid:notice.subject') });
  canvas.addPage(A4.width, A4.height);
  const width = A4.width - 2 * MARGIN;
  let flow = new Flow(canvas, MARGIN, 60, width, true);
  flow.text(model.stationName, { size: 13, weight: 'bold', color: ACCENT, align: 'center' }).gap(4);
  const titleStyle: DrawStyle = { size: 24, weight: 'bold', align: 'center', tracking: titleTracking(model.language, 24) };
  flow.text(title, fitToWidth(canvas, title, width, titleStyle, 16)).gap(6);
  flow.text(t('aid:notice.on', { date: date(model.on) }), { size: 11, weight: 'regular', color: MUTED, align: 'center' }).gap(10);
  flow.rule(ACCENT, 1).gap(14);
  flow.text(t('aid:notice.intro'), { size: 11.5, weight: 'regular', leading: 1.6 }).gap(16);

  const columns = COLUMN_SHARES.map((share) => share * width);
  const header: DrawStyle = { size: 10, weight: 'bold', color: MUTED };
  const cell: DrawStyle = { size: 11, weight: 'regular' };
  const row = (cells: string[], style: DrawStyle) => {
    const pad = 6;
    const height = Math.max(...cells.map((text, index) => canvas.measure(text, columns[index]! - pad, style))) + 2 * pad;
    if (flow.y + height > BOTTOM) {
      canvas.addPage(A4.width, A4.height);
      flow = new Flow(canvas, MARGIN, 60, width, true);
    }
    flow.block(height, (top) => {
      let x = flow.x;
      cells.forEach((text, index) => {
        canvas.text(text, { x, y: top + pad, width: columns[index]! - pad }, style);
        x += columns[index]!;
      });
    });
    flow.rule('#c9d6cf', 0.6);
  };
  if (model.lines.length === 0) {
    flow.text(t('aid:notice.none'), cell);
  } else {
    flow.rule(ACCENT, 0.8);
    row([t('aid:notice.columnName'), t('aid:notice.columnProgramme'), t('aid:notice.columnAmount'), t('aid:notice.columnPeriod')], header);
    for (const line of model.lines) {
      row([line.maskedName, line.programme, line.amountYuan, t('aid:notice.period', { from: date(line.noticeFrom), to: date(line.noticeTo) })], cell);
    }
  }
  flow.gap(14);
  flow.text(t('aid:notice.footer'), { size: 9.5, weight: 'regular', color: MUTED });
  return canvas.finish();
}
