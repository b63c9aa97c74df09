import type { ConsoleCallName } from '../../../shared/console/contract';
import type { ConsoleHandlersOf } from '../call-context';
import { accountsHandlers } from './accounts-handlers';
import { auditHandlers } from './audit-handlers';
import { exportsHandlers } from './exports-handlers';
import { figuresHandlers } from './figures-handlers';
import { ingestHandlers } from './ingest-handlers';
import { reviewHandlers } from './review-handlers';
import { sessionHandlers } from './session-handlers';
import { stationsHandlers } from './stations-handlers';

/** Every console call's handler; the type makes a call declared in the contract without a handler fail to compile. */
export const consoleHandlers: ConsoleHandlersOf<ConsoleCallName> = {
  ...sessionHandlers,
  ...accountsHandlers,
  ...auditHandlers,
  ...stationsHandlers,
  ...ingestHandlers,
  ...reviewHandlers,
  ...figuresHandlers,
  ...exportsHandlers,
};
