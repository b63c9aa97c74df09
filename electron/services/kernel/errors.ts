import type { ErrorCode, FieldIssue } from '../../../shared/contract/errors';

/** A refusal the user can act on; its code crosses the boundary and is translated by the renderer. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string = code,
    readonly issues?: FieldIssue[],
  ) {
    super(message);
    this.name = 'AppError';
  }
}
