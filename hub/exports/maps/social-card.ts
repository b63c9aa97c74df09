import { chinaDay } from '../code-lists';
import { EVENT_COLUMNS, type PlatformMap } from './column-map';
import { documentColumns } from './person-columns';

/** The flag's kind per program. */
const FLAG_TEXT: Readonly<Record<string, string>> = { organ: '器官', cornea: '角膜', body: '遗体', stem_cell: '造血干细胞' };

/**
 * What the display-consent columns carry: the stations ask no consent to show the flag on a card (their
 * consent purposes are donation intent, reporting, follow-up contact and memorial publication), so every row
 * says 未采集 (not collected) and no date. A card issuer must not display a flag on this feed's word alone.
 */
export const DISPLAY_CONSENT_NOT_COLLECTED = '未采集';

/**
 * The donation-volunteer flag for the electronic social-security card and medical-insurance code pilots:
 * the document, the flag, its status and dates, and the display consent, nothing else. Never a name, an
 * organ choice, a phone or anything about health. No pilot's field list is public (national-platforms.md
 * §4): every column is assumed.
 */
export const SOCIAL_CARD_MAP: PlatformMap = {
  platform: 'social-card',
  version: '2026.12-1',
  files: [
    {
      file: 'social-card',
      title: '捐献志愿标识',
      programs: ['organ', 'cornea', 'body', 'stem_cell'],
      columns: [
        EVENT_COLUMNS[0]!,
        EVENT_COLUMNS[1]!,
        { ...EVENT_COLUMNS[3]!, column: '来源登记编号' },
        ...documentColumns({}),
        { column: '标识类型', source: 'registration program', codeList: '器官 / 角膜 / 遗体 / 造血干细胞', status: 'assumed', value: (event) => FLAG_TEXT[event.program] ?? event.program },
        {
          column: '标识状态',
          source: 'event type',
          codeList: '有效 / 已撤销',
          status: 'assumed',
          value: (event) => (event.type === 'withdrawn' ? '已撤销' : event.registration?.state === 'realised' ? '已实现' : '有效'),
        },
        { column: '生效日期', source: "the version's commit time, unless a withdrawal", codeList: 'D8 YYYYMMDD', status: 'assumed', value: (event) => (event.type === 'withdrawn' ? null : chinaDay(event.at)) },
        { column: '撤销日期', source: "the withdrawal's commit time", codeList: 'D8 YYYYMMDD', status: 'assumed', value: (event) => (event.type === 'withdrawn' ? chinaDay(event.at) : null) },
        { column: '亮证同意', source: 'none: the stations collect no display consent', codeList: '未采集', status: 'assumed', value: () => DISPLAY_CONSENT_NOT_COLLECTED },
        { column: '亮证同意日期', source: 'none: the stations collect no display consent', codeList: 'D8 YYYYMMDD', status: 'assumed', value: () => null },
      ],
    },
  ],
};

