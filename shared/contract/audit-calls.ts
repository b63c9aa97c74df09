import { z } from 'zod';
import { call, readsAudit } from './call';
import { auditCheck, auditList, auditListInput } from '../validation/audit';

/** The audit trail: read by the auditor and the administrator, and its hash chain checked. */
export const auditCalls = {
  /** The audit trail, newest first, filtered by action, actor and time. */
  'audit:list': call(auditListInput, auditList, readsAudit),
  /** Walks the audit chain and names the first entry that does not follow from the one before. */
  'audit:verify': call(z.undefined(), auditCheck, readsAudit),
} as const;
