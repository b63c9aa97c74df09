import type { StationContext } from '../kernel/context';
import { ProvinceKeys } from './province-keys';
import type { StationSigningKey } from '../kernel/signing-key';
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

/** The sync area on one station: batches are signed with `signingKey`. */
export function createSyncServices(ctx: StationContext, signingKey: StationSigningKey): SyncServices {
  const provinceKeys = new ProvinceKeys(ctx);
  const batches = new SyncBatchWriter(ctx, signingKey);
  const acks = new SyncAcknowledgements(ctx, provinceKeys);
  const transfer = new SyncTransfer(ctx, batches, acks, provinceKeys, signingKey);
  return {
    batches,
    acks,
    transfer,
    status: new SyncStatusView(ctx, provinceKeys, transfer),
    rejections: new SyncRejections(ctx),
    settings: new SyncSettingsChange(ctx),
    provinceKeys,
  };
}
