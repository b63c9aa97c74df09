import type { ProvinceKeys } from '../keys/province-keys';
import type { ExportJobs } from './export-jobs';

/**
 * What the console's review and exports calls need beyond the database: the province's keys (the data key ring
 * opens the sealed sides of a review entry, the signing key signs an export's manifest), the folder export runs
 * are written to, and the runs under way. A hub started without them refuses those calls as `not_configured`.
 */
export interface ConsoleResources {
  keys: Pick<ProvinceKeys, 'signing' | 'data'>;
  /** Where export runs are written (`hub serve --exports DIR`); null: exports are refused as `not_configured`. */
  exportsFolder: string | null;
  exportJobs: ExportJobs;
}
