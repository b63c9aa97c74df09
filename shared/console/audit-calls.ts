import { z } from 'zod';
import { consoleCall } from './call';
import { readsConsoleAudit } from './roles';
import { consoleAuditCheck, consoleAuditEntryView } from './values';

/** The console's audit trail: read a page at a time, newest first, and its chain checked. */
export const auditCalls = {
  /** A page of entries older than `beforeSeq` (the newest without it); `nextBeforeSeq` asks for the next page. */
  'audit:list': consoleCall(
    z.object({ beforeSeq: z.number().int().positive().optional(), limit: z.number().int().min(1).max(200).default(50) }),
    z.object({ entries: z.array(consoleAuditEntryView), nextBeforeSeq: z.number().int().positive().nullable() }),
    readsConsoleAudit,
  ),
  /** Walks the chain from the first entry and names the first that does not follow from the one before. */
  'audit:verify': consoleCall(z.undefined(), consoleAuditCheck, readsConsoleAudit),
} as const;
