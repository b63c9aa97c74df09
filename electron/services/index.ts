import type { Kysely } from 'kysely';
import type { StationDatabase } from '../db/schema';
import { AccountService } from './accounts';
import { AuditTrail } from './audit';
import { BackupService } from './backup';
import { BackupSettingsStore } from './backup-settings';
import { RecoveryKeys } from './recovery';
import { systemClock, type Clock } from './clock';
import type { DataProtection } from './data-protection';
import { DocumentJournal } from './document-journal';
import { DocumentPrinting, type FontProvider } from './document-printing';
import { DocumentService } from './documents';
import { FigureTargets } from './figure-targets';
import { FiguresService } from './figures';
import { PrinterSettings } from './printer-settings';
import { createEducationServices, type EducationServices } from './education-services';
import { MemorialNameService } from './memorial-names';
import { SessionRegistry } from './sessions';
import { createSyncServices, type SyncServices } from './sync-services';
import { createDashboardServices, type DashboardServices } from './dashboard-services';
import { StationSigningKey } from './signing-key';
import { StationSettings } from './settings';
import { SettingsChanges } from './settings-changes';
import { SetupService } from './setup';
import { StationService } from './station';
import { PersonChanges } from './person-changes';
import { PersonConsents } from './person-consents';
import { PersonRecords } from './person-records';
import { PersonRegistry } from './people';
import { RegistrationJournal } from './registration-journal';
import { RegistrationService } from './registrations';
import { VisitorService } from './visitors';
import { MessageModeration } from './message-moderation';
import { MessageWall } from './message-wall';
import { VisitorRetention } from './visitor-retention';
import { VisitorSettings } from './visitor-settings';

export interface StationServices {
  station: StationService;
  setup: SetupService;
  settings: StationSettings;
  settingsChanges: SettingsChanges;
  sessions: SessionRegistry;
  accounts: AccountService;
  audit: AuditTrail;
  protection: DataProtection;
  visitors: VisitorService;
  visitorSettings: VisitorSettings;
  visitorRetention: VisitorRetention;
  messageModeration: MessageModeration;
  messageWall: MessageWall;
  registrations: RegistrationService;
  personRecords: PersonRecords;
  personChanges: PersonChanges;
  personConsents: PersonConsents;
  documents: DocumentService;
  documentPrinting: DocumentPrinting;
  printerSettings: PrinterSettings;
  education: EducationServices;
  memorialNames: MemorialNameService;
  figures: FiguresService;
  sync: SyncServices;
  dashboard: DashboardServices;
  backup: BackupService;
  recovery: RecoveryKeys;
}

/** Builds every service on one database; the only place that knows how they depend on each other. */
export function createServices(
  db: Kysely<StationDatabase>,
  protection: DataProtection,
  clock: Clock = systemClock,
  fonts: FontProvider = () => Promise.reject(new Error('no fonts were given to this station')),
): StationServices {
  const audit = new AuditTrail(db, protection, clock);
  const station = new StationService(db, clock, audit);
  const settings = new StationSettings(db);
  const sessions = new SessionRegistry(clock, settings);
  const accounts = new AccountService(db, clock, sessions, settings, audit, station);
  const people = new PersonRegistry(protection);
  const personRecords = new PersonRecords(db, station, settings, protection, audit);
  const journal = new RegistrationJournal(protection, audit);
  const signingKey = new StationSigningKey(protection, clock);
  const documentJournal = new DocumentJournal(protection, audit);
  const documents = new DocumentService(db, clock, station, protection, audit, signingKey, documentJournal);
  const recovery = new RecoveryKeys(db, clock, station, protection, audit);
  const backup = new BackupService(clock, station, new BackupSettingsStore(db, clock, station, audit), protection, audit, recovery);
  return {
    station,
    setup: new SetupService(db, station, accounts, audit, sessions, recovery, () => backup.hasPendingRestore()),
    settings,
    settingsChanges: new SettingsChanges(db, clock, station, settings, audit),
    sessions,
    accounts,
    audit,
    protection,
    visitors: new VisitorService(db, clock, station, protection, audit),
    visitorSettings: new VisitorSettings(db, clock, station, settings, audit),
    visitorRetention: new VisitorRetention(db, clock, station, settings, audit),
    messageModeration: new MessageModeration(db, clock, station, protection, audit),
    messageWall: new MessageWall(db, protection),
    registrations: new RegistrationService(db, clock, station, settings, protection, audit, people, journal, personRecords, documents),
    personRecords,
    personChanges: new PersonChanges(db, clock, station, protection, audit, people, personRecords),
    personConsents: new PersonConsents(db, clock, station, protection, audit, personRecords),
    documents,
    printerSettings: new PrinterSettings(db, clock, station, settings, audit),
    documentPrinting: new DocumentPrinting(db, clock, station, settings, protection, documents, fonts),
    education: createEducationServices(db, clock, station, protection, audit),
    memorialNames: new MemorialNameService(db, clock, station, protection, audit),
    figures: new FiguresService(db, clock, station, audit, new FigureTargets(db, clock, station, audit)),
    sync: createSyncServices(db, clock, station, settings, protection, audit, signingKey),
    dashboard: createDashboardServices(db, clock, station, audit),
    backup,
    recovery,
  };
}
