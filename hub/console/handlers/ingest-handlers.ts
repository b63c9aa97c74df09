import type { ingestCalls } from '../../../shared/console/ingest-calls';
import { ingestLog } from '../../ingest-log/ingest-log';
import type { ConsoleHandlersOf } from '../call-context';

/** The handlers of the console's ingest calls (`shared/console/ingest-calls.ts`), one per call. */
export const ingestHandlers: ConsoleHandlersOf<keyof typeof ingestCalls & string> = {
  'ingest:log': async (context, { page, pageSize, station, outcome }) => {
    const log = await ingestLog({ db: context.db, engine: context.engine }, context.provinceCode, { page: page ?? null, pageSize, station, outcome });
    return {
      nextPage: log.nextPage,
      // The staff-facing sentence stays on the hub: the screen translates the code in its own language.
      entries: log.entries.map(({ refusal, rejections, ...entry }) => ({ ...entry, refusalCode: refusal?.code ?? null, rejectedByCode: rejections?.byCode ?? null })),
    };
  },
};
