import type { Kysely } from 'kysely';
import type { StationDatabase } from '../db/schema';
import { AccountService } from './accounts';
import { AuditTrail } from './audit';
import { systemClock, type Clock } from './clock';
import type { DataProtection } from './data-protection';
import { SessionRegistry } from './sessions';
import { StationSettings } from './settings';
import { SetupService } from './setup';
import { StationService } from './station';
import { VisitorService } from './visitors';

export interface StationServices {
  station: StationService;
  setup: SetupService;
  settings: StationSettings;
  sessions: SessionRegistry;
  accounts: AccountService;
  audit: AuditTrail;
  protection: DataProtection;
  visitors: VisitorService;
}

/** Builds every service on one database; the only place that knows how they depend on each other. */
export function createServices(
  db: Kysely<StationDatabase>,
  protection: DataProtection,
  clock: Clock = systemClock,
): StationServices {
  const station = new StationService(db, clock);
  const settings = new StationSettings(db);
  const sessions = new SessionRegistry(clock, settings);
  const audit = new AuditTrail(db, protection, clock);
  const accounts = new AccountService(db, clock, sessions, settings, audit, station);
  return {
    station,
    setup: new SetupService(db, station, accounts, audit, sessions),
    settings,
    sessions,
    accounts,
    audit,
    protection,
    visitors: new VisitorService(db, clock, station, protection, audit),
  };
}
