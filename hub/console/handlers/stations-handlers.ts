import type { stationsCalls } from '../../../shared/console/stations-calls';
import { stationsOverview } from '../../stations/stations-overview';
import type { ConsoleHandlersOf } from '../call-context';

/** The handlers of the console's stations calls (`shared/console/stations-calls.ts`), one per call. */
export const stationsHandlers: ConsoleHandlersOf<keyof typeof stationsCalls & string> = {
  'stations:overview': async (context, { silentAfterDays }) => {
    const stations = await stationsOverview({ db: context.db, engine: context.engine }, context.provinceCode, { silentAfterDays, now: context.now });
    return { silentAfterDays, stations };
  },
};
