import type { ExportCell } from '../../../electron/tables/table-export';
import { chinaDay } from '../code-lists';
import { EVENT_TYPE_TEXT, type ExportEvent } from '../export-event';

/** The national platforms the hub exports to. */
export const exportPlatforms = ['codac', 'cmdp', 'receiving-stations', 'social-card'] as const;
export type ExportPlatform = (typeof exportPlatforms)[number];

/** Whether a source confirms that the platform takes the column, or the column is this map's proposal. */
export type ColumnStatus = 'confirmed' | 'assumed';

/** One column of a platform's file: its header, where its value comes from, the code list it uses. */
export interface ExportColumn {
  /** The header, as the platform's form names the field. */
  column: string;
  /** Where the value comes from (a payload field, the station, the event). */
  source: string;
  /** The code list or format of the value; null for free text. */
  codeList: string | null;
  status: ColumnStatus;
  value(event: ExportEvent): ExportCell;
}

/** One file of a platform's export: the programs whose registrations go to it, and its columns in order. */
export interface ExportFileMap {
  /** The file's base name (`codac` → `codac.csv`, `codac.xlsx`). */
  file: string;
  /** The sheet title in the workbook. */
  title: string;
  programs: readonly string[];
  columns: readonly ExportColumn[];
}

/** A platform's versioned column map: any change to a column changes the version. */
export interface PlatformMap {
  platform: ExportPlatform;
  version: string;
  files: readonly ExportFileMap[];
}

/** The columns that date and identify every event, first in every file. */
export const EVENT_COLUMNS: readonly ExportColumn[] = [
  { column: '事件类型', source: 'event: registration (version 1), change, withdrawal (state withdrawn, or consent to report withdrawn)', codeList: '新增 / 变更 / 撤销', status: 'assumed', value: (event) => EVENT_TYPE_TEXT[event.type] },
  { column: '事件日期', source: "the station's commit time of the version (`changedAt`), China Standard Time", codeList: 'D8 YYYYMMDD', status: 'assumed', value: (event) => chinaDay(event.at) },
  { column: '事件原因', source: 'registration `event`, or `consent_withdrawn` for a tombstone', codeList: 'created / amended / body_paperwork / stem_cell_status / withdrawn / realised / consent_withdrawn', status: 'assumed', value: (event) => event.reason },
  { column: '登记编号', source: 'registration `number`', codeList: 'opaque, ≤32 characters', status: 'assumed', value: (event) => event.registrationNumber },
  { column: '登记机构代码', source: 'station code', codeList: null, status: 'assumed', value: (event) => event.stationCode },
  { column: '登记机构行政区划', source: 'station region code', codeList: 'GB/T 2260', status: 'assumed', value: (event) => event.stationRegion },
];

/** A column's value read from the registration; empty on a consent withdrawal, whose record is erased. */
export function fromRegistration(read: (registration: NonNullable<ExportEvent['registration']>) => ExportCell): (event: ExportEvent) => ExportCell {
  return (event) => (event.registration === null ? null : read(event.registration));
}
