import type { auditCalls } from '../../../shared/console/audit-calls';
import { consoleAuditPage, verifyConsoleAudit } from '../audit-trail';
import type { ConsoleHandlersOf } from '../call-context';

function parsedDetail(detail: string | null): Record<string, unknown> | null {
  if (detail === null) return null;
  try {
    const value: unknown = JSON.parse(detail);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : { value };
  } catch {
    // An entry altered by hand may hold anything: shown as text, and audit:verify names it.
    return { unreadable: detail };
  }
}

/** The console's audit trail, for the auditor and the administrator. */
export const auditHandlers: ConsoleHandlersOf<keyof typeof auditCalls> = {
  'audit:list': async (context, { beforeSeq, limit }) => {
    const rows = await consoleAuditPage(context.db, context.provinceCode, beforeSeq ?? null, limit);
    const ids = [...new Set(rows.map((row) => row.accountId).filter((id): id is string => id !== null))];
    const names = new Map<string, string>();
    if (ids.length > 0) {
      const accounts = await context.db.selectFrom('console_account').select(['id', 'username']).where('province_code', '=', context.provinceCode).where('id', 'in', ids).execute();
      for (const account of accounts) names.set(account.id, account.username);
    }
    const entries = rows.map((row) => ({
      seq: row.seq,
      at: row.at,
      accountId: row.accountId,
      username: row.accountId === null ? null : (names.get(row.accountId) ?? null),
      actorRole: row.actorRole,
      action: row.action,
      subject: row.subject,
      detail: parsedDetail(row.detail),
    }));
    const last = rows[rows.length - 1];
    return { entries, nextBeforeSeq: rows.length === limit && last !== undefined && last.seq > 1 ? last.seq : null };
  },

  'audit:verify': async (context) => {
    const check = await verifyConsoleAudit(context.db, context.auditKey, context.provinceCode);
    return check.ok
      ? { ok: true, count: check.count, brokenSeq: null, reason: null }
      : { ok: false, count: check.count, brokenSeq: check.brokenSeq, reason: check.reason };
  },
};
