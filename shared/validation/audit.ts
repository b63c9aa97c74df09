import { z } from 'zod';
import { auditActions } from '../domain/audit';
import { isoTimestamp } from './fields';

export const auditListInput = z.object({
  action: z.enum(auditActions).optional(),
  actorId: z.string().optional(),
  from: isoTimestamp.optional(),
  to: isoTimestamp.optional(),
  /** Entries older than this sequence number: the next page. */
  beforeSeq: z.number().int().positive().optional(),
  limit: z.number().int().min(1).max(200).default(50),
}).superRefine((input, ctx) => {
  // A range that ends before it starts would silently match nothing.
  if (input.from !== undefined && input.to !== undefined && Date.parse(input.from) > Date.parse(input.to)) {
    ctx.addIssue({ code: 'custom', message: 'date_range_reversed', path: ['to'] });
  }
});

export const auditEntry = z.object({
  seq: z.number().int(),
  at: isoTimestamp,
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  actorRole: z.string(),
  stationCode: z.string(),
  action: z.enum(auditActions),
  objectType: z.string().nullable(),
  objectId: z.string().nullable(),
  /** How a reader knows the object (a registration number, a serial, a username), or a short form of its id. */
  objectName: z.string().nullable(),
});

export const auditList = z.object({ entries: z.array(auditEntry) });

export const auditCheck = z.object({
  ok: z.boolean(),
  count: z.number().int(),
  brokenSeq: z.number().int().nullable(),
  reason: z.enum(['sequence_gap', 'prev_hash_mismatch', 'hash_mismatch']).nullable(),
});
