import { documentTypeCode, relationCode, registrationStatus } from '../code-lists';
import { EVENT_COLUMNS, fromRegistration, type ExportColumn, type PlatformMap } from './column-map';
import { personColumns } from './person-columns';

/** The executor's relation: GB/T 4761 for a person, 单位 for a unit or community (Chongqing Art. 8, Wuhan). */
function executorRelation(kind: string): string {
  return kind === 'unit' || kind === 'community' ? '单位' : relationCode('relative');
}

const STATUS_COLUMNS: readonly ExportColumn[] = [
  { column: '登记状态', source: 'registration state', codeList: '有效 / 已撤销 / 已实现', status: 'confirmed', value: fromRegistration((r) => registrationStatus(r.state)) },
  { column: '实现日期', source: 'realisedOn', codeList: 'D8 YYYYMMDD', status: 'assumed', value: fromRegistration((r) => r.realisedOn?.replaceAll('-', '') ?? null) },
];

/**
 * The body- and cornea-donation receiving stations. Their forms differ (national-platforms.md §3): the body
 * form names an executor and the close relatives' agreement, the cornea form neither, so each kind has a file
 * of its own. The donor's identity, the scope of the donation and the executor are confirmed by the
 * Chongqing and Wuhan regulations; the rest is assumed.
 */
export const RECEIVING_STATIONS_MAP: PlatformMap = {
  platform: 'receiving-stations',
  version: '2026.12-1',
  files: [
    {
      file: 'body',
      title: '遗体捐献登记',
      programs: ['body'],
      columns: [
        ...EVENT_COLUMNS,
        ...personColumns({ name: true, sex: true, birthDate: true, documentType: true, documentNumber: true }),
        { column: '捐献范围', source: 'program body', codeList: '全部遗体', status: 'confirmed', value: fromRegistration(() => '全部遗体') },
        { column: '执行人类型', source: 'choice.paperwork.executor.kind', codeList: 'relative / guardian / unit / community', status: 'confirmed', value: fromRegistration((r) => r.body?.executor?.kind ?? null) },
        { column: '执行人姓名', source: 'choice.paperwork.executor.name', codeList: null, status: 'confirmed', value: fromRegistration((r) => r.body?.executor?.name ?? null) },
        { column: '执行人关系', source: 'choice.paperwork.executor.kind', codeList: 'GB/T 4761 (97), or 单位', status: 'assumed', value: fromRegistration((r) => (r.body?.executor ? executorRelation(r.body.executor.kind) : null)) },
        { column: '执行人电话', source: 'choice.paperwork.executor.phone', codeList: null, status: 'confirmed', value: fromRegistration((r) => r.body?.executor?.phone ?? null) },
        {
          column: '执行人证件类型',
          source: 'choice.paperwork.executor.document.kind',
          codeList: 'WS 364.3 CV02.01.101',
          status: 'assumed',
          value: fromRegistration((r) => (r.body?.executor?.documentKind ? documentTypeCode(r.body.executor.documentKind) : null)),
        },
        { column: '执行人证件号码', source: 'choice.paperwork.executor.document.number', codeList: null, status: 'assumed', value: fromRegistration((r) => r.body?.executor?.documentNumber ?? null) },
        {
          column: '直系亲属意见',
          source: 'choice.paperwork.relatives',
          codeList: 'relation (GB/T 4761) name 同意/不同意, separated by ；',
          status: 'confirmed',
          value: fromRegistration((r) => (r.body === null ? null : r.body.relatives.map((relative) => `${relationCode(relative.relation)} ${relative.name ?? ''} ${relative.agrees ? '同意' : '不同意'}`).join('；'))),
        },
        { column: '无近亲属', source: 'choice.paperwork.noCloseRelatives', codeList: '是 / 否', status: 'assumed', value: fromRegistration((r) => (r.body === null ? null : r.body.noCloseRelatives ? '是' : '否')) },
        ...STATUS_COLUMNS,
      ],
    },
    {
      file: 'cornea',
      title: '角膜捐献登记',
      programs: ['cornea'],
      columns: [
        ...EVENT_COLUMNS,
        ...personColumns({ name: true, sex: true, documentType: true, documentNumber: true, phone: true }),
        { column: '捐献范围', source: 'program cornea', codeList: '眼角膜', status: 'confirmed', value: fromRegistration(() => '眼角膜') },
        ...STATUS_COLUMNS,
      ],
    },
  ],
};
