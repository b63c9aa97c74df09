import type { Executor } from './executor';
import type { AuditLogRow, NewAuditLogRow } from '../rows';

export async function lastAuditEntry(db: Executor): Promise<Pick<AuditLogRow, 'seq' | 'hash'> | undefined> {
  return db.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
}

export async function insertAuditEntry(db: Executor, row: NewAuditLogRow): Promise<void> {
  await db.insertInto('audit_log').values(row).execute();
}

export interface AuditFilter {
  action?: string;
  actorId?: string;
  from?: string;
  to?: string;
  beforeSeq?: number;
  limit: number;
}

/** An audit entry with its actor's display name (null for the kiosk, the command line or a removed account). */
export type AuditRowWithActor = AuditLogRow & { actor_name: string | null };

/** Newest first, with the actor's display name. */
export async function findAuditEntries(db: Executor, filter: AuditFilter): Promise<AuditRowWithActor[]> {
  let query = db
    .selectFrom('audit_log')
    .leftJoin('staff', 'staff.id', 'audit_log.actor_id')
    .selectAll('audit_log')
    .select('staff.display_name as actor_name');
  if (filter.action) query = query.where('audit_log.action', '=', filter.action);
  if (filter.actorId) query = query.where('audit_log.actor_id', '=', filter.actorId);
  if (filter.from) query = query.where('audit_log.at', '>=', filter.from);
  if (filter.to) query = query.where('audit_log.at', '<=', filter.to);
  if (filter.beforeSeq) query = query.where('audit_log.seq', '<', filter.beforeSeq);
  return query.orderBy('audit_log.seq', 'desc').limit(filter.limit).execute();
}

/** The whole log in chain order, a page at a time, so verifying a long log needs little memory. */
export async function* walkAuditLog(db: Executor, pageSize = 1000): AsyncGenerator<AuditLogRow> {
  let after = 0;
  for (;;) {
    const page = await db.selectFrom('audit_log').selectAll().where('seq', '>', after).orderBy('seq').limit(pageSize).execute();
    yield* page;
    const last = page.at(-1);
    if (!last || page.length < pageSize) return;
    after = last.seq;
  }
}
