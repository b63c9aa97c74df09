import type { StationServices } from '../services/index';
import { aidHandlers } from './aid-handlers';
import { auditHandlers } from './audit-handlers';
import { backupHandlers } from './backup-handlers';
import type { Handlers } from './caller';
import { dashboardHandlers } from './dashboard-handlers';
import { documentsHandlers } from './documents-handlers';
import { educationHandlers } from './education-handlers';
import { familyHandlers } from './family-handlers';
import { figuresHandlers } from './figures-handlers';
import { idCardHandlers } from './id-card-handlers';
import { memorialHandlers } from './memorial-handlers';
import { nameListHandlers } from './name-list-handlers';
import { personHandlers } from './person-handlers';
import { registrationHandlers } from './registration-handlers';
import { settingsHandlers } from './settings-handlers';
import { staffHandlers } from './staff-handlers';
import { stationHandlers } from './station-handlers';
import { syncHandlers } from './sync-handlers';

/** Maps each contract call to the service method that carries it out: one map per area, `<area>-handlers.ts`. */
export function createHandlers(services: StationServices): Handlers {
  return {
    ...stationHandlers(services),
    ...staffHandlers(services),
    ...registrationHandlers(services),
    ...personHandlers(services),
    ...documentsHandlers(services),
    ...auditHandlers(services),
    ...memorialHandlers(services),
    ...nameListHandlers(services),
    ...educationHandlers(services),
    ...figuresHandlers(services),
    ...syncHandlers(services),
    ...backupHandlers(services),
    ...settingsHandlers(services),
    ...dashboardHandlers(services),
    ...idCardHandlers(services),
    ...familyHandlers(services),
    ...aidHandlers(services),
  };
}
