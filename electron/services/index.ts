import type { Kysely } from 'kysely';
import type { StationDatabase } from '../db/schema';
import { AccountService } from './station/accounts';
import { AuditTrail } from './kernel/audit';
import { BackupService } from './backup/backup';
import { BackupSettingsStore } from './backup/backup-settings';
import { RecoveryKeys } from './backup/recovery';
import { systemClock, type Clock } from './kernel/clock';
import type { DataProtection } from './kernel/data-protection';
import { DocumentJournal } from './documents/document-journal';
import { DocumentPrinting, type FontProvider } from './documents/document-printing';
import { DocumentService } from './documents/documents';
import { FigureTargets } from './figures/figure-targets';
import { FiguresService } from './figures/figures';
import { PrinterSettings } from './settings/printer-settings';
import { createEducationServices, type EducationServices } from './education';
import { MemorialNameService } from './name-list/memorial-names';
import { SessionRegistry } from './station/staff-sessions';
import { createSyncServices, type SyncServices } from './sync';
import { createDashboardServices, type DashboardServices } from './dashboard';
import { StationSigningKey } from './kernel/signing-key';
import { StationSettings } from './kernel/settings';
import { SettingsChanges } from './settings/settings-changes';
import { SetupService } from './station/setup';
import { StationService } from './kernel/station';
import { PersonChanges } from './registration/person-changes';
import { PersonConsents } from './registration/person-consents';
import { PersonRecords } from './registration/person-records';
import { PersonRegistry } from './registration/person-registry';
import { RegistrationJournal } from './registration/registration-journal';
import { RegistrationService } from './registration/registrations';
import { VisitorService } from './memorial/visitors';
import { MessageModeration } from './memorial/message-moderation';
import { MessageWall } from './memorial/message-wall';
import { VisitorRetention } from './memorial/visitor-retention';
import { VisitorSettings } from './memorial/visitor-settings';

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
