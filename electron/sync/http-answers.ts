import type { ServerResponse } from 'node:http';
import type { BatchErrorCode } from '../../shared/domain/sync';
import { ACK_CONTENT_TYPE } from './http-transport';

/**
 * The answers of the protocol's HTTP API (docs/sync-protocol.md §10.2, §12.1) as a server writes them: JSON
 * errors with their statuses, signed refusals, acknowledgements and "still processing". Shared by every server
 * of the protocol (the provincial hub, and the stand-ins the station's tests put in front of it).
 */

/** HTTP statuses of the whole-batch codes (§12.1). */
export const statusOf: Record<BatchErrorCode, number> = {
  malformed_container: 400,
  decryption_failed: 400,
  recipient_key_unknown: 422,
  manifest_invalid: 400,
  protocol_unsupported: 400,
  station_unknown: 403,
  station_key_unknown: 403,
  signature_invalid: 422,
  batch_id_mismatch: 400,
  batch_replayed: 409,
  batch_id_conflict: 409,
  schema_unsupported: 422,
  payload_hash_mismatch: 422,
  payload_invalid: 422,
  batch_too_large: 413,
  batch_unknown: 404,
  rate_limited: 429,
  unavailable: 503,
  internal_error: 500,
};

/** Codes outside the protocol, for requests that are not one of its calls. */
export type HttpOnlyCode = 'not_found' | 'method_not_allowed' | 'length_required' | 'unauthorized';

const HTTP_ONLY_STATUS: Record<HttpOnlyCode, number> = { not_found: 404, method_not_allowed: 405, length_required: 411, unauthorized: 401 };

/** A JSON body with its length. */
export function sendJson(response: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  const body = Buffer.from(JSON.stringify(value), 'utf8');
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length, ...headers });
  response.end(body);
}

/** `{"error":{"code","message"}}` with the status of §12.1. */
export function sendError(response: ServerResponse, code: BatchErrorCode | HttpOnlyCode, message: string, headers: Record<string, string> = {}): void {
  const status = code in statusOf ? statusOf[code as BatchErrorCode] : HTTP_ONLY_STATUS[code as HttpOnlyCode];
  sendJson(response, status, { error: { code, message } }, headers);
}

/**
 * A whole-batch refusal: `{"error":{"code","message"},"ack"}` with the signed refusal (base64) beside the code
 * when the manifest was read; without it the station takes the refusal as passing.
 */
export function sendRefusal(response: ServerResponse, code: BatchErrorCode, message: string, ack: Buffer | null, headers: Record<string, string> = {}): void {
  sendJson(response, statusOf[code], { error: { code, message }, ...(ack ? { ack: ack.toString('base64') } : {}) }, headers);
}

/** 200 with the signed acknowledgement bytes. */
export function sendAck(response: ServerResponse, ack: Buffer): void {
  response.writeHead(200, { 'content-type': ACK_CONTENT_TYPE, 'content-length': ack.length });
  response.end(ack);
}

/** 202 while the batch is being processed: ask again in a second (§10.2). */
export function sendProcessing(response: ServerResponse): void {
  sendJson(response, 202, { state: 'processing' }, { 'retry-after': '1' });
}
