import type { CallOutput, ParsedInput } from '../../../shared/contract/calls';
import { stationDate } from '../../../shared/domain/age';
import { formatFenAsYuan } from '../../../shared/domain/aid';
import { maskName } from '../../../shared/domain/masking';
import { Translators } from '../../../shared/i18n/translator';
import { casesOnNotice, findAidMembers } from '../../db/repositories/aid-cases';
import { buildAidNotice } from '../../pdf/aid-notice';
import type { FontSet } from '../../pdf/fonts';
import { tablesToXlsx } from '../../tables/table-export';
import type { Actor } from '../kernel/audit';
import type { StationContext } from '../kernel/context';
import { memberName } from './aid-case-views';

type NoticeList = CallOutput<'aid:notice'>;

const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The public notice of aid (公示): the cases whose notice covers a day, as a list, a PDF to post and a
 * sheet. Whoever applied, and whether or not the family may be contacted, the notice shows only the
 * applicant's name masked (surname and `*`), the programme and the amount granted: enough for the public
 * to object, never who the family is in full. Each file is an audited export.
 */
export class AidNoticeService {
  private readonly translators = new Translators();

  constructor(
    private readonly ctx: StationContext,
    private readonly fonts: () => Promise<FontSet>,
  ) {}

  /** The cases on notice on a day (today by default), names masked. */
  async list(input: ParsedInput<'aid:notice'>): Promise<NoticeList> {
    const on = input.on ?? stationDate(this.ctx.clock.now());
    const rows = await casesOnNotice(this.ctx.db, on);
    const members = await findAidMembers(
      this.ctx.db,
      rows.map((row) => row.applicant_member_id),
    );
    return {
      on,
      entries: rows.map((row) => {
        const applicant = members.get(row.applicant_member_id);
        return {
          caseId: row.id,
          maskedName: maskName(applicant === undefined ? '' : memberName(this.ctx.protection, applicant)),
          programme: row.programme,
          // A case on notice has been granted; the paid ones keep the amount granted too.
          amountGrantedFen: row.amount_granted_fen ?? 0,
          noticeFrom: row.notice_from!,
          noticeTo: row.notice_to!,
        };
      }),
    };
  }

  /** The notice as an A4 PDF in the language asked for. */
  async pdf(input: ParsedInput<'aid:noticePdf'>, actor: Actor): Promise<CallOutput<'aid:noticePdf'>> {
    const notice = await this.list({ on: input.on });
    const t = await this.translators.for(input.language);
    const station = await this.ctx.station.require();
    const result = await buildAidNotice(
      {
        language: input.language,
        stationName: station.name,
        on: notice.on,
        lines: notice.entries.map((entry) => ({
          maskedName: entry.maskedName,
          programme: t(`aid:programme.${entry.programme}`),
          amountYuan: formatFenAsYuan(entry.amountGrantedFen),
          noticeFrom: entry.noticeFrom,
          noticeTo: entry.noticeTo,
        })),
      },
      await this.fonts(),
    );
    await this.recordExport(actor, notice, 'pdf');
    return { fileName: `${t('aid:notice.fileName', { date: notice.on })}.pdf`, contentBase64: result.pdf.toString('base64'), missing: result.missing };
  }

  /** The notice as an XLSX sheet, headers in the language asked for; the amount in yuan, as a number. */
  async xlsx(input: ParsedInput<'aid:noticeXlsx'>, actor: Actor): Promise<CallOutput<'aid:noticeXlsx'>> {
    const notice = await this.list({ on: input.on });
    const t = await this.translators.for(input.language);
    const content = await tablesToXlsx(
      [
        {
          title: t('aid:notice.sheetName'),
          headers: [t('aid:notice.columnName'), t('aid:notice.columnProgramme'), t('aid:notice.columnAmount'), t('aid:notice.columnPeriod')],
          rows: notice.entries.map((entry) => [
            entry.maskedName,
            t(`aid:programme.${entry.programme}`),
            { decimal: entry.amountGrantedFen / 100 },
            t('aid:notice.period', { from: entry.noticeFrom, to: entry.noticeTo }),
          ]),
        },
      ],
      t('aid:notice.title'),
    );
    await this.recordExport(actor, notice, 'xlsx');
    return { fileName: `${t('aid:notice.fileName', { date: notice.on })}.xlsx`, mediaType: XLSX_MEDIA_TYPE, contentBase64: content.toString('base64') };
  }

  private async recordExport(actor: Actor, notice: NoticeList, format: 'pdf' | 'xlsx'): Promise<void> {
    const station = await this.ctx.station.require();
    await this.ctx.audit.record({
      actor,
      stationCode: station.code,
      action: 'export',
      objectType: 'aid_case',
      detail: { file: 'aid_notice', format, on: notice.on, cases: notice.entries.length },
    });
  }
}
