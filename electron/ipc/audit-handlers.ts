import type { auditCalls } from '../../shared/contract/audit-calls';
import type { StationServices } from '../services/index';
import type { AreaHandlers } from './caller';

/** Maps each call of `auditCalls` to the service method that carries it out. */
export function auditHandlers(services: StationServices): AreaHandlers<keyof typeof auditCalls> {
  return {
    'audit:list': (input) => services.audit.list(input),
    'audit:verify': () => services.audit.verify(),
  };
}
