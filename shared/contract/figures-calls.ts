import { z } from 'zod';
import { call, readsFigures, setsFigureTargets } from './call';
import { exportedFile, figures, figuresExportInput, figuresInput, figureTargets, figureTargetsInput } from '../validation/figures';

/** Memorial and education figures per site and period, against the targets; their export; the targets' settings. */
export const figuresCalls = {
  /** Visitors, messages, sessions, reach and satisfaction of a site over a period, with a series per month; audited as a view. */
  'figures:get': call(figuresInput, figures, readsFigures),
  /** The same figures as a CSV or XLSX file, headers in the language on screen; audited as an export. */
  'figures:export': call(figuresExportInput, exportedFile, readsFigures),
  /** The local population (or not set) and the reach target the figures are judged against. */
  'figures:targets': call(z.undefined(), figureTargets, readsFigures),
  /** Sets the local population and the yearly reach target; audited as a settings change. */
  'figures:setTargets': call(figureTargetsInput, figureTargets, setsFigureTargets),
} as const;
