import { createHash, hkdfSync } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import { chainHash, GENESIS_HASH, type AuditFields, type ChainCheck } from '../../electron/security/audit-chain';
import type { KeyRing } from '../../electron/security/key-ring';
import type { HubEngine } from '../db/engine';
import type { Executor } from '../db/repositories/executor';
import type { ConsoleAuditTable, HubDatabase } from '../db/schema';

/**
 * The console's audit trail: who did what at the console or the hub's command line, a keyed hash chain per
 * province (the station's chain, `electron/security/audit-chain.ts`). The key is derived from the hub's data key
 * ring, so whoever can write to the database alone cannot recompute a consistent chain.
 */

/** The role an entry names when the hub's operator acted at the command line (no console account). */
export const OPERATOR_ROLE = 'operator';

/** What one entry records; `detail` never holds a personal value (a name, a document, a phone number). */
export interface ConsoleAuditFacts {
  accountId: string | null;
  actorRole: string;
  action: string;
  /** What the action was about, e.g. `account:<id>`. */
  subject: string | null;
  detail?: Record<string, unknown> | null;
}

/** An entry as stored. */
export interface ConsoleAuditRow {
  seq: number;
  at: string;
  accountId: string | null;
  actorRole: string;
  action: string;
  subject: string | null;
  detail: string | null;
  prevHash: string;
  hash: string;
}

/** The chain's key: HKDF-SHA-256 of the data key ring's audit key (never rotated), under the console's own label. */
export function consoleAuditKey(ring: KeyRing): Buffer {
  return Buffer.from(hkdfSync('sha256', ring.auditKey, Buffer.alloc(0), 'relay-hub/console-audit/v1', 32));
}

function lockKey(provinceCode: string): string {
  return createHash('sha256').update(`relay-station hub console:${provinceCode}`).digest().readBigInt64BE(0).toString();
}

/**
 * Makes the console's writes of one province take turns until the transaction ends: appending to the chain (one
 * seq after another) and the account changes that must see every other one (the last administrator). On SQLite a
 * transaction holds the only connection already.
 */
export async function lockConsole(trx: Transaction<HubDatabase>, engine: HubEngine, provinceCode: string): Promise<void> {
  if (engine === 'postgres') await sql`select pg_advisory_xact_lock(${lockKey(provinceCode)}::bigint)`.execute(trx);
}

function chainFields(provinceCode: string, row: Omit<ConsoleAuditRow, 'prevHash' | 'hash'>): AuditFields {
  // The station's fields: the province stands where the station's code stands, the subject as the object.
  return {
    seq: row.seq,
    at: row.at,
    actorId: row.accountId,
    actorRole: row.actorRole,
    stationCode: provinceCode,
    action: row.action,
    objectType: null,
    objectId: row.subject,
    detail: row.detail,
  };
}

/** Appends one entry after the province's last, inside the caller's transaction (so it commits with the work it records). */
export async function appendConsoleAudit(
  trx: Transaction<HubDatabase>,
  engine: HubEngine,
  auditKey: Buffer,
  provinceCode: string,
  facts: ConsoleAuditFacts,
  at: Date,
): Promise<number> {
  await lockConsole(trx, engine, provinceCode);
  const last = await trx
    .selectFrom('console_audit')
    .select(['seq', 'hash'])
    .where('province_code', '=', provinceCode)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const seq = (last ? Number(last.seq) : 0) + 1;
  const prevHash = last?.hash ?? GENESIS_HASH;
  const row = {
    seq,
    at: at.toISOString(),
    accountId: facts.accountId,
    actorRole: facts.actorRole,
    action: facts.action,
    subject: facts.subject,
    detail: facts.detail ? JSON.stringify(facts.detail) : null,
  };
  const hash = chainHash(auditKey, prevHash, chainFields(provinceCode, row));
  await trx
    .insertInto('console_audit')
    .values({
      province_code: provinceCode,
      seq,
      at: row.at,
      account_id: row.accountId,
      actor_role: row.actorRole,
      action: row.action,
      subject: row.subject,
      detail: row.detail,
      prev_hash: prevHash,
      hash,
    })
    .execute();
  return seq;
}

/** Appends one entry in a transaction of its own: an operator's command, a refused call. */
export function appendConsoleAuditAlone(db: Executor, engine: HubEngine, auditKey: Buffer, provinceCode: string, facts: ConsoleAuditFacts, at: Date): Promise<number> {
  return db.transaction().execute((trx) => appendConsoleAudit(trx, engine, auditKey, provinceCode, facts, at));
}

/** An entry as either engine reads it back (PostgreSQL's bigint seq as text). */
function rowOf(row: Omit<ConsoleAuditTable, 'province_code' | 'seq'> & { seq: number | string }): ConsoleAuditRow {
  return {
    seq: Number(row.seq),
    at: row.at,
    accountId: row.account_id,
    actorRole: row.actor_role,
    action: row.action,
    subject: row.subject,
    detail: row.detail,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/** A page of entries, newest first: those below `beforeSeq` (all when null), at most `limit`. */
export async function consoleAuditPage(db: Executor, provinceCode: string, beforeSeq: number | null, limit: number): Promise<ConsoleAuditRow[]> {
  let query = db.selectFrom('console_audit').selectAll().where('province_code', '=', provinceCode);
  if (beforeSeq !== null) query = query.where('seq', '<', beforeSeq);
  const rows = await query.orderBy('seq', 'desc').limit(limit).execute();
  return rows.map(rowOf);
}

/** How many entries are read at a time while the chain is walked: a long trail is never held whole. */
const VERIFY_PAGE = 2_000;

/**
 * Walks the province's chain from seq 1, a page at a time, and names the first entry that does not follow from
 * the one before, with the reasons of `verifyChain`: a seq out of turn, a link to another hash, or a hash
 * that is not the entry's own (an edited entry shows at itself, a deleted one at the entry after it).
 */
export async function verifyConsoleAudit(db: Executor, auditKey: Buffer, provinceCode: string): Promise<ChainCheck> {
  let count = 0;
  let prevHash = GENESIS_HASH;
  for (;;) {
    const rows = await db
      .selectFrom('console_audit')
      .selectAll()
      .where('province_code', '=', provinceCode)
      .where('seq', '>', count)
      .orderBy('seq', 'asc')
      .limit(VERIFY_PAGE)
      .execute();
    if (rows.length === 0) return { ok: true, count };
    for (const stored of rows) {
      const row = rowOf(stored);
      if (row.seq !== count + 1) return { ok: false, brokenSeq: row.seq, reason: 'sequence_gap', count };
      if (row.prevHash !== prevHash) return { ok: false, brokenSeq: row.seq, reason: 'prev_hash_mismatch', count };
      if (row.hash !== chainHash(auditKey, row.prevHash, chainFields(provinceCode, row))) return { ok: false, brokenSeq: row.seq, reason: 'hash_mismatch', count };
      count += 1;
      prevHash = row.hash;
    }
  }
}
