import type { CallOutput } from '../../../shared/contract/calls';

/** One site's figures over a period, as the station computed them. */
export type Figures = CallOutput<'figures:get'>;
export type MonthFigures = Figures['months'][number];
/** The local population and the targets, as stored. */
export type FigureTargetSettings = CallOutput<'figures:targets'>;

/** What the screen asks for: a period and, when the station holds several, a site. */
export interface FiguresQuery {
  from: string;
  to: string;
  site?: string;
}
