import type { CallName, CallOutput, ParsedInput } from '../../shared/contract/calls';
import { SYSTEM_ACTOR_ROLE } from '../../shared/domain/audit';
import type { Actor } from '../services/kernel/audit';
import type { Session } from '../services/station/staff-sessions';

/** Who is calling: the transport's key for the window or tab, and its session. */
export interface Caller {
  sessionKey: string;
  session: Session;
  /** The command line at the station's own machine (see `CallerContext.system`). */
  system?: boolean;
}

/** One handler per contract call; TypeScript refuses a map that misses or adds a call. */
export type Handlers = { [N in CallName]: (input: ParsedInput<N>, caller: Caller) => Promise<CallOutput<N>> };

/** The handlers of one area's calls (e.g. `keyof typeof memorialCalls`), kept in that area's file. */
export type AreaHandlers<Names extends CallName> = Pick<Handlers, Names>;

/** Who the audit trail names: the staff member signed in, the kiosk, or 'system' for the command line. */
export function actor(caller: Caller): Actor {
  if (caller.system === true) return { id: null, role: SYSTEM_ACTOR_ROLE };
  return { id: caller.session.staffId, role: caller.session.role };
}
