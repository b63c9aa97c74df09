import type { Kysely } from 'kysely';
import type { StationDatabase } from '../db/schema';
import { createAidServices, type AidServices } from './aid';
import { createBackupServices, type BackupServices } from './backup';
import { createDashboardServices, type DashboardServices } from './dashboard';
import { createDocumentServices, type DocumentServices } from './documents';
import type { FontProvider } from './documents/document-printing';
import { createEducationServices, type EducationServices } from './education';
import { createFamilyServices, type FamilyServices } from './family';
import { createFiguresServices, type FiguresServices } from './figures';
import { createIdCardServices, type IdCardOptions, type IdCardServices } from './id-card';
import type { AuditTrail } from './kernel/audit';
import { systemClock, type Clock } from './kernel/clock';
import { createStationContext } from './kernel/context';
import type { DataProtection } from './kernel/data-protection';
import type { StationSettings } from './kernel/settings';
import { StationSigningKey } from './kernel/signing-key';
import type { StationService } from './kernel/station';
import { createMemorialServices, type MemorialServices } from './memorial';
import { createNameListServices, type NameListServices } from './name-list';
import { createRegistrationServices, type RegistrationServices } from './registration';
import { createSettingsServices, type SettingsServices } from './settings';
import { createStationServices, type StationAreaServices } from './station';
import { createSyncServices, type SyncServices } from './sync';

/** Every service of one station: the kernel's, then each area's under the names its callers use. */
export interface StationServices
  extends StationAreaServices,
    SettingsServices,
    MemorialServices,
    RegistrationServices,
    DocumentServices,
    NameListServices,
    FiguresServices,
    BackupServices,
    IdCardServices,
    AidServices,
    FamilyServices {
  station: StationService;
  settings: StationSettings;
  audit: AuditTrail;
  protection: DataProtection;
  education: EducationServices;
  sync: SyncServices;
  dashboard: DashboardServices;
}

/** Builds every service on one database; the only place that knows how the areas depend on each other. */
export function createServices(
  db: Kysely<StationDatabase>,
  protection: DataProtection,
  clock: Clock = systemClock,
  fonts: FontProvider = () => Promise.reject(new Error('no fonts were given to this station')),
  idCard: IdCardOptions = {},
): StationServices {
  const ctx = createStationContext(db, protection, clock);
  // Documents and sync batches are signed with the same station key.
  const signingKey = new StationSigningKey(protection, clock);
  const backup = createBackupServices(ctx);
  const documents = createDocumentServices(ctx, signingKey, fonts);
  const figures = createFiguresServices(ctx);
  const family = createFamilyServices(ctx);
  return {
    station: ctx.station,
    settings: ctx.settings,
    audit: ctx.audit,
    protection,
    ...createStationServices(ctx, backup.recovery, () => backup.backup.hasPendingRestore()),
    ...createSettingsServices(ctx),
    // An invitation code typed at the visitor sign-in records that the invited family came.
    ...createMemorialServices(ctx, (trx, code, actor, moment) => family.remembrance.checkInAtKiosk(trx, code, actor, moment)),
    ...createRegistrationServices(ctx, documents.documents),
    ...documents,
    education: createEducationServices(ctx),
    ...createNameListServices(ctx),
    ...figures,
    sync: createSyncServices(ctx, signingKey),
    dashboard: createDashboardServices(ctx, figures.figures, (year) => family.familyFigures.figures({ year })),
    ...backup,
    ...createIdCardServices(ctx, idCard),
    ...family,
    ...createAidServices(ctx, fonts),
  };
}
