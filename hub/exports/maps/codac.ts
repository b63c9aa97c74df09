import { ORGAN_NAMES, registrationStatus } from '../code-lists';
import { EVENT_COLUMNS, fromRegistration, type PlatformMap } from './column-map';
import { personColumns } from './person-columns';

/**
 * CODAC (中国人体器官捐献管理中心): organ registrations, changes and withdrawals. Confirmed by the 2014 online
 * form (national-platforms.md §1): 姓名, 国籍, 证件号码, 手机号码 and the organs chosen; the rest follows the
 * paper 登记表 as far as it is known, and is assumed.
 */
export const CODAC_MAP: PlatformMap = {
  platform: 'codac',
  version: '2026.12-1',
  files: [
    {
      file: 'codac',
      title: '器官捐献志愿登记',
      programs: ['organ'],
      columns: [
        ...EVENT_COLUMNS,
        ...personColumns({ name: true, nationality: true, documentNumber: true, phone: true }),
        {
          column: '捐献器官',
          source: 'choice.organs',
          codeList: '全部, or 心脏、肺脏、肝脏、肾脏、胰腺、小肠 (条例 Art. 2)',
          status: 'confirmed',
          value: fromRegistration((r) => (r.organs === 'all' ? '全部' : r.organs === null ? null : r.organs.map((organ) => ORGAN_NAMES[organ] ?? organ).join('、'))),
        },
        { column: '登记状态', source: 'registration state', codeList: '有效 / 已撤销 / 已实现', status: 'assumed', value: fromRegistration((r) => registrationStatus(r.state)) },
        { column: '实现日期', source: 'realisedOn', codeList: 'D8 YYYYMMDD', status: 'assumed', value: fromRegistration((r) => r.realisedOn?.replaceAll('-', '') ?? null) },
        { column: '登记渠道', source: 'channel', codeList: 'kiosk / staff / cli', status: 'assumed', value: fromRegistration((r) => r.channel) },
      ],
    },
  ],
};
