import type { BatchErrorCode } from '../../shared/domain/sync';

/** A whole-file refusal with the protocol's code (§12.1). */
export class SyncProtocolError extends Error {
  constructor(
    readonly code: BatchErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SyncProtocolError';
  }
}
