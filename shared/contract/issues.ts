import type { z } from 'zod';
import { isValidationReason } from '../validation/reasons';
import type { FieldIssue } from './errors';

/** Turns a schema's rejection into field issues whose reasons the renderer can translate. */
export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    reason: isValidationReason(issue.message) ? issue.message : 'invalid',
  }));
}
