import type { ConsoleErrorCode } from '../../shared/console/errors';

/** A console call refused for a reason the screens translate: thrown by handlers, answered as its code. */
export class ConsoleRefusal extends Error {
  constructor(readonly code: ConsoleErrorCode) {
    super(code);
    this.name = 'ConsoleRefusal';
  }
}
