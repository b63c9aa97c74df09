import type { StationContext } from '../kernel/context';
import { IdCardReaderService, type CardReaderFactory, type IdCardPollerTuning } from './id-card-reader';

export { IdCardReaderService, type CardReaderFactory, type IdCardPollerTuning } from './id-card-reader';

/** The ID-card reader area on one station. */
export interface IdCardServices {
  idCard: IdCardReaderService;
}

/** How a station's reader is built: the settings' reader by default; tests hand in their own and a faster poller. */
export interface IdCardOptions {
  createReader?: CardReaderFactory;
  tuning?: IdCardPollerTuning;
}

export function createIdCardServices(ctx: StationContext, options: IdCardOptions = {}): IdCardServices {
  return { idCard: new IdCardReaderService(ctx, options.createReader, options.tuning) };
}
