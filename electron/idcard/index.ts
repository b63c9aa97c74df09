import type { IdCardReaderSettings } from '../../shared/domain/id-card';
import type { CardReader } from './reader';
import { SdtapiReader } from './sdtapi-reader';
import { SimulatedReader } from './simulated-reader';
import { TermbReader } from './termb-reader';

export { CardPoller, type CardOutcome, type CardPollerOptions, type PollAnswer } from './card-poller';
export type { CardReader, ReaderAttempt, ReaderOpening } from './reader';

/** The reader the settings name, or null when the station has none. Nothing is loaded or opened until the first poll. */
export function createCardReader(settings: IdCardReaderSettings): CardReader | null {
  switch (settings.kind) {
    case 'none':
      return null;
    case 'sdtapi':
      return new SdtapiReader(settings.libraryPath, settings.port);
    case 'termb':
      return new TermbReader(settings.libraryPath, settings.port);
    case 'simulated':
      return new SimulatedReader(settings.simulatorAddress);
  }
}
