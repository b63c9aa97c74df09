import { bloodGroup, relationCode, wmdaSex, wmdaStatus } from '../code-lists';
import type { ExportContact } from '../export-event';
import { EVENT_COLUMNS, fromRegistration, type ExportColumn, type PlatformMap } from './column-map';
import { personColumns } from './person-columns';

/** The Rh factor in words: a cell starting with + or - would be neutralised as a formula. */
function rhText(rh: string | null): string | null {
  return rh === '+' ? '阳性' : rh === '-' ? '阴性' : null;
}

function contactColumns(index: number): ExportColumn[] {
  const contact = (contacts: readonly ExportContact[]): ExportContact | undefined => contacts[index];
  const label = `联系人${index + 1}`;
  const source = `choice.emergencyContacts[${index}]`;
  return [
    { column: `${label}姓名`, source: `${source}.name`, codeList: null, status: 'confirmed', value: fromRegistration((r) => contact(r.stemCell?.contacts ?? [])?.name ?? null) },
    {
      column: `${label}关系`,
      source: `${source}.relation`,
      codeList: 'GB/T 4761 (relative 97, friend 99)',
      status: 'assumed',
      value: fromRegistration((r) => {
        const found = contact(r.stemCell?.contacts ?? []);
        return found === undefined ? null : relationCode(found.relation);
      }),
    },
    { column: `${label}电话`, source: `${source}.phone`, codeList: '11 digits', status: 'confirmed', value: fromRegistration((r) => contact(r.stemCell?.contacts ?? [])?.phone ?? null) },
  ];
}

/**
 * CMDP (中华骨髓库): stem-cell volunteers, their two contacts and their status. The volunteer's contact
 * details and two relatives or friends are confirmed (入库须知); the status travels in the WMDA/EMDIS
 * vocabulary CMDP uses internationally. No HLA result: the lab returns it to CMDP, the station holds only
 * the sample's barcode.
 */
export const CMDP_MAP: PlatformMap = {
  platform: 'cmdp',
  version: '2026.12-1',
  files: [
    {
      file: 'cmdp',
      title: '造血干细胞捐献志愿者',
      programs: ['stem_cell'],
      columns: [
        ...EVENT_COLUMNS,
        ...personColumns({ name: true, phone: true }),
        { column: 'D_SEX', source: 'person.sex', codeList: 'WMDA/EMDIS D_SEX (M/F)', status: 'confirmed', value: fromRegistration((r) => wmdaSex(r.person.sex)) },
        ...contactColumns(0),
        ...contactColumns(1),
        { column: 'D_ABO', source: 'choice.bloodType', codeList: 'WMDA/EMDIS D_ABO (A/B/O/AB)', status: 'confirmed', value: fromRegistration((r) => bloodGroup(r.stemCell?.bloodType ?? null).abo) },
        { column: 'Rh', source: 'choice.bloodType', codeList: '阳性 / 阴性', status: 'assumed', value: fromRegistration((r) => rhText(bloodGroup(r.stemCell?.bloodType ?? null).rh)) },
        { column: '样本条码', source: 'sampleBarcode', codeList: 'opaque', status: 'assumed', value: fromRegistration((r) => r.stemCell?.sampleBarcode ?? null) },
        { column: '站点状态', source: 'stemCellStatus', codeList: 'signed_up / sample_taken / typed / in_registry / withdrawn', status: 'assumed', value: fromRegistration((r) => r.stemCell?.status ?? null) },
        { column: 'D_STATUS', source: 'stemCellStatus and state', codeList: 'WMDA/EMDIS D_STATUS (AV, DE)', status: 'confirmed', value: (event) => (event.registration === null ? 'DE' : wmdaStatus(event.registration.stemCell?.status ?? null, event.registration.state).status) },
        {
          column: 'D_STAT_REASON',
          source: 'stemCellStatus and state',
          codeList: 'WMDA/EMDIS D_STAT_REASON (PR)',
          status: 'confirmed',
          value: (event) => (event.registration === null ? 'PR' : wmdaStatus(event.registration.stemCell?.status ?? null, event.registration.state).reason),
        },
      ],
    },
  ],
};
