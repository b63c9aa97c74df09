import { d8, documentRegionCode, documentTypeCode, ethnicGroupCode, nationalityCode, sexCode } from '../code-lists';
import { fromRegistration, type ColumnStatus, type ExportColumn } from './column-map';

/** Which of the person's columns a platform is confirmed to take. */
export type ConfirmedPersonFields = Partial<Record<'name' | 'sex' | 'birthDate' | 'nationality' | 'documentType' | 'documentNumber' | 'ethnicGroup' | 'phone' | 'region', true>>;

const status = (confirmed: true | undefined): ColumnStatus => (confirmed ? 'confirmed' : 'assumed');

/** The person's identity columns, coded per WS 363 and the GB/T lists, as every register but the social card takes them. */
export function personColumns(confirmed: ConfirmedPersonFields): ExportColumn[] {
  return [
    { column: '姓名', source: 'person.name', codeList: 'WS 363 DE02.01.039.00, ≤50', status: status(confirmed.name), value: fromRegistration((r) => r.person.name) },
    { column: '性别', source: 'person.sex', codeList: 'GB/T 2261.1', status: status(confirmed.sex), value: fromRegistration((r) => sexCode(r.person.sex)) },
    { column: '出生日期', source: 'person.birthDate', codeList: 'D8 YYYYMMDD', status: status(confirmed.birthDate), value: fromRegistration((r) => d8(r.person.birthDate)) },
    { column: '国籍', source: 'person.documentKind and documentNumber', codeList: 'GB/T 2659 numeric', status: status(confirmed.nationality), value: fromRegistration((r) => nationalityCode(r.person.documentKind, r.person.documentNumber)) },
    { column: '民族', source: 'person.ethnicGroup', codeList: 'GB/T 3304', status: status(confirmed.ethnicGroup), value: fromRegistration((r) => ethnicGroupCode(r.person.ethnicGroup)) },
    ...documentColumns(confirmed),
    { column: '户籍地行政区划', source: "person.documentNumber's address code (resident ID only)", codeList: 'GB/T 2260', status: status(confirmed.region), value: fromRegistration((r) => documentRegionCode(r.person.documentKind, r.person.documentNumber)) },
    { column: '手机号码', source: 'person.phone', codeList: '11 digits', status: status(confirmed.phone), value: fromRegistration((r) => r.person.phone) },
  ];
}

/** The identity document: its national type code, the station's finer kind beside it, and its number. */
export function documentColumns(confirmed: ConfirmedPersonFields): ExportColumn[] {
  return [
    { column: '证件类型', source: 'person.documentKind', codeList: 'WS 364.3 CV02.01.101', status: status(confirmed.documentType), value: fromRegistration((r) => documentTypeCode(r.person.documentKind)) },
    { column: '证件类型(本地)', source: 'person.documentKind', codeList: 'station document kind (docs/sync-protocol.md §5.3)', status: 'assumed', value: fromRegistration((r) => r.person.documentKind) },
    { column: '证件号码', source: 'person.documentNumber', codeList: 'GB 11643 for the resident ID', status: status(confirmed.documentNumber), value: fromRegistration((r) => r.person.documentNumber) },
  ];
}
