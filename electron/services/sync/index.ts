import type { Kysely } from 'kysely';
import type { StationDatabase } from '../../db/schema';
import type { AuditTrail } from '../kernel/audit';
import type { Clock } from '../kernel/clock';
import type { DataProtection } from '../kernel/data-protection';
import { ProvinceKeys } from './province-keys';
import type { StationSettings } from '../kernel/settings';
import type { StationSigningKey } from '../kernel/signing-key';
import type { StationService } from '../kernel/station';
import { SyncAcknowledgements } from './sync-acks';
import { SyncBatchWriter } from './sync-batches';
import { SyncRejections } from './sync-rejections';
import { SyncSettingsChange } from './sync-settings';
import { SyncStatusView } from './sync-status';
import { SyncTransfer } from './sync-transfer';

/** Reporting to the provincial system: batches, acknowledgements, transports, what staff see of them. */
export interface SyncServices {
  batches: SyncBatchWriter;
  acks: SyncAcknowledgements;
  transfer: SyncTransfer;
  status: SyncStatusView;
  rejections: SyncRejections;
  settings: SyncSettingsChange;
  provinceKeys: ProvinceKeys;
}

export function createSyncServices(
  db: Kysely<StationDatabase>,
  clock: Clock,
  station: StationService,
  settings: StationSettings,
  protection: DataProtection,
  audit: AuditTrail,
  signingKey: StationSigningKey,
): SyncServices {
  const provinceKeys = new ProvinceKeys(db, clock, station, audit);
  const batches = new SyncBatchWriter(db, clock, station, settings, protection, audit, signingKey);
  const acks = new SyncAcknowledgements(db, clock, station, provinceKeys, audit);
  const transfer = new SyncTransfer(db, clock, station, settings, audit, batches, acks, provinceKeys, signingKey);
  return {
    batches,
    acks,
    transfer,
    status: new SyncStatusView(db, settings, provinceKeys, transfer),
    rejections: new SyncRejections(db, station, protection, audit),
    settings: new SyncSettingsChange(db, clock, station, settings, audit),
    provinceKeys,
  };
}
