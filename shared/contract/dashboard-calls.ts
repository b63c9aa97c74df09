import { call, readsFigures } from './call';
import { exportedFile } from '../validation/figures';
import { dashboard, dashboardExportInput, dashboardExportJob, dashboardExportProgress, dashboardInput } from '../validation/dashboard';

/** The station manager's dashboard: registration figures against the provincial targets, and their export. */
export const dashboardCalls = {
  /** One year's figures (this year by default) against the year before and the targets; audited as a view. */
  'dashboard:get': call(dashboardInput, dashboard, readsFigures),
  /** Every table of the dashboard as one CSV or XLSX file, headers in the language on screen; audited as an export. */
  'dashboard:export': call(dashboardExportInput, exportedFile, readsFigures),
  /** The same export started in the background, for a screen that shows its progress; audited as an export. */
  'dashboard:exportStart': call(dashboardExportInput, dashboardExportProgress, readsFigures),
  /** How far a started export has come; a screen polling it does not keep the staff session awake. */
  'dashboard:exportProgress': call(dashboardExportJob, dashboardExportProgress, readsFigures, { polling: true }),
  /** The finished file of a started export, handed over once. */
  'dashboard:exportResult': call(dashboardExportJob, exportedFile, readsFigures),
} as const;
