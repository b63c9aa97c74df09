import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendError } from './http-answers';

/**
 * How a server of the protocol reads an upload (PUT /v1/batches/{batchId}, docs/sync-protocol.md §10.2): the
 * declared length checked before any byte is read, then the body shown to a judge of its head as it comes in,
 * so that a file no registered station signed is refused before the rest of it is held.
 */

/** What a judge of the first bytes says: 'more' to see more of them, 'authentic' to read on, else a refusal. */
export type HeadVerdict<Refusal> = 'more' | 'authentic' | Refusal;

/** The whole body, the refusal the judge gave (the rest never read), or 'gone' when the client left first. */
export type UploadRead<Refusal> = { kind: 'body'; body: Buffer } | { kind: 'refused'; refusal: Refusal } | { kind: 'gone' };

/** The head is judged again each time the bytes so far have doubled: linear work however the client slices its body. */
const FIRST_HEAD_CHECK_BYTES = 128;

/**
 * The Content-Length of an upload when it is given and within `maxBytes`; otherwise answers 411 or 413
 * (closing the connection, so that the body is never read) and returns null.
 */
export function declaredUploadLength(request: IncomingMessage, response: ServerResponse, maxBytes: number): number | null {
  const lengthHeader = request.headers['content-length'];
  if (lengthHeader === undefined || !/^\d+$/.test(lengthHeader)) {
    sendError(response, 'length_required', 'Content-Length is required', { connection: 'close' });
    return null;
  }
  const length = Number(lengthHeader);
  if (length > maxBytes) {
    sendError(response, 'batch_too_large', `the limit is ${maxBytes} bytes`, { connection: 'close' });
    return null;
  }
  return length;
}

/**
 * Reads an upload of `length` bytes, showing the bytes so far to `judgeHead` until it decides. A judge may
 * answer at once or later (a database look-up): the request is paused meanwhile, so nothing more is read
 * before the verdict. A refusal stops the reading there and the rest of the body is never held. Rejects
 * when the judge throws.
 */
export function readUpload<Refusal>(
  request: IncomingMessage,
  length: number,
  judgeHead: (prefix: Buffer) => HeadVerdict<Refusal> | Promise<HeadVerdict<Refusal>>,
): Promise<UploadRead<Refusal>> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let nextCheckAt: number | null = FIRST_HEAD_CHECK_BYTES;
    let settled = false;
    let judging = false;
    let endedWhileJudging = false;

    const finish = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      request.removeAllListeners('data');
      outcome();
    };
    const done = (read: UploadRead<Refusal>): void => finish(() => resolve(read));
    const fail = (error: unknown): void => {
      request.pause();
      finish(() => reject(error));
    };
    const atEnd = (): void => done(size === length ? { kind: 'body', body: Buffer.concat(chunks) } : { kind: 'gone' });

    /** Applies a verdict; true when reading goes on. */
    const apply = (verdict: HeadVerdict<Refusal>): boolean => {
      if (verdict === 'more') {
        nextCheckAt = size * 2;
        return true;
      }
      nextCheckAt = null;
      if (verdict === 'authentic') return true;
      request.pause();
      done({ kind: 'refused', refusal: verdict });
      return false;
    };

    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      chunks.push(chunk);
      if (nextCheckAt === null || (size < nextCheckAt && size < length)) return;
      let verdict: HeadVerdict<Refusal> | Promise<HeadVerdict<Refusal>>;
      try {
        verdict = judgeHead(Buffer.concat(chunks));
      } catch (error) {
        fail(error);
        return;
      }
      if (!(verdict instanceof Promise)) {
        apply(verdict);
        return;
      }
      judging = true;
      request.pause();
      verdict.then(
        (answer) => {
          judging = false;
          if (settled || !apply(answer)) return;
          if (endedWhileJudging) atEnd();
          else request.resume();
        },
        (error: unknown) => fail(error),
      );
    });
    request.on('end', () => {
      if (judging) endedWhileJudging = true;
      else atEnd();
    });
    request.on('aborted', () => done({ kind: 'gone' }));
    request.on('error', () => done({ kind: 'gone' }));
  });
}
