import type { syncCalls } from '../../shared/contract/sync-calls';
import type { StationServices } from '../services/index';
import { batchView } from '../services/sync/sync-status';
import { actor, type AreaHandlers } from './caller';

/** Maps each call of `syncCalls` to the service method that carries it out. */
export function syncHandlers(services: StationServices): AreaHandlers<keyof typeof syncCalls> {
  const { sync } = services;
  return {
    'sync:status': () => sync.status.status(),
    'sync:batches': async () => ({ batches: await sync.status.batches() }),
    'sync:rejections': async () => ({ records: await sync.rejections.list() }),
    'sync:export': (input, caller) => sync.transfer.exportToFolder(input.folder, actor(caller)),
    'sync:send': async (_input, caller) => ({ started: await sync.transfer.start(actor(caller)) }),
    'sync:cancelSend': async () => ({ cancelled: await sync.transfer.cancelSend() }),
    'sync:importAck': (input, caller) => sync.acks.apply(Buffer.from(input.content, 'base64'), actor(caller)),
    'sync:approve': async (input, caller) => batchView(await sync.batches.approve(input.batchId, actor(caller))),
    'sync:decline': async (input, caller) => ({ declined: await sync.batches.decline(input.batchId, actor(caller)) }),
    'sync:resend': async (input, caller) => ({ records: await sync.rejections.resend(input.seq, actor(caller)) }),
    'sync:settings': (input, caller) => sync.settings.change(input, actor(caller)),
    'sync:importProvinceKey': (input, caller) => sync.provinceKeys.import(input.use, input.pem, actor(caller)),
  };
}
