import { z } from 'zod';
import { MAX_PARTY_SIZE, visitPurposes } from '../domain/visitors';
import { isoTimestamp, optionalPersonName } from './fields';

export const visitorSignInInput = z.object({
  partySize: z
    .number({ error: 'party_size_range' })
    .int({ error: 'party_size_range' })
    .min(1, { error: 'party_size_range' })
    .max(MAX_PARTY_SIZE, { error: 'party_size_range' }),
  purpose: z.enum(visitPurposes, { error: 'visit_purpose' }),
  visitorName: optionalPersonName,
});

export const visitorSignIn = z.object({
  id: z.string(),
  visitedAt: isoTimestamp,
  partySize: z.number().int(),
  purpose: z.enum(visitPurposes),
  /** Masked (surname + `*`) wherever it is listed. */
  visitorName: z.string().nullable(),
});

export const visitorListInput = z.object({
  limit: z.number().int().min(1).max(200).default(50),
});

export const visitorList = z.object({
  total: z.number().int(),
  visitors: z.array(visitorSignIn),
});

export const visitorRevealInput = z.object({ id: z.string().min(1) });

export const visitorRevealed = z.object({ id: z.string(), visitorName: z.string().nullable() });
