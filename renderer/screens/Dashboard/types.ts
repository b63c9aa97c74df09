import type { CallOutput } from '../../../shared/contract/calls';

/** One year's dashboard, as the station computed it. */
export type Dashboard = CallOutput<'dashboard:get'>;
