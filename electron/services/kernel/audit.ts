import type { Kysely } from 'kysely';
import type { CallOutput, ParsedInput } from '../../../shared/contract/calls';
import type { AuditAction, AuditObjectType } from '../../../shared/domain/audit';
import type { StationDatabase } from '../../db/schema';
import type { Executor } from '../../db/repositories/executor';
import { findAuditEntries, insertAuditEntry, lastAuditEntry, walkAuditLog } from '../../db/repositories/audit';
import { chainHash, GENESIS_HASH, verifyChain, type AuditFields, type ChainedAuditEntry } from '../../security/audit-chain';
import { nameAuditObjects } from './audit-names';
import type { Clock } from './clock';
import type { DataProtection } from './data-protection';

/** Who did something: a staff member, the anonymous kiosk, or the station's command line. */
export interface Actor {
  id: string | null;
  role: string;
}

export interface AuditEvent {
  actor: Actor;
  stationCode: string;
  action: AuditAction;
  objectType?: AuditObjectType;
  objectId?: string;
  detail?: Record<string, unknown>;
}

function toIso(value: string | undefined): string | undefined {
  return value === undefined ? undefined : new Date(value).toISOString();
}

/**
 * The append-only, hash-chained audit trail. Entries are appended inside the caller's transaction,
 * so an action and its audit entry commit together or not at all.
 */
export class AuditTrail {
  constructor(
    private readonly db: Kysely<StationDatabase>,
    private readonly protection: DataProtection,
    private readonly clock: Clock,
  ) {}

  /** Appends one entry chained to the last; call it inside the transaction of the action it records. */
  async append(trx: Executor, event: AuditEvent): Promise<void> {
    const last = await lastAuditEntry(trx);
    const fields: AuditFields = {
      seq: (last?.seq ?? 0) + 1,
      at: this.clock.now().toISOString(),
      actorId: event.actor.id,
      actorRole: event.actor.role,
      stationCode: event.stationCode,
      action: event.action,
      objectType: event.objectType ?? null,
      objectId: event.objectId ?? null,
      detail: event.detail === undefined ? null : JSON.stringify(event.detail),
    };
    const prevHash = last?.hash ?? GENESIS_HASH;
    await insertAuditEntry(trx, {
      seq: fields.seq,
      at: fields.at,
      actor_id: fields.actorId,
      actor_role: fields.actorRole,
      station_code: fields.stationCode,
      action: fields.action,
      object_type: fields.objectType,
      object_id: fields.objectId,
      detail: fields.detail,
      prev_hash: prevHash,
      hash: chainHash(this.protection.auditKey, prevHash, fields),
    });
  }

  /** Appends an entry in a transaction of its own, for events that change nothing else. */
  async record(event: AuditEvent): Promise<void> {
    await this.db.transaction().execute((trx) => this.append(trx, event));
  }

  async list(input: ParsedInput<'audit:list'>): Promise<CallOutput<'audit:list'>> {
    const rows = await findAuditEntries(this.db, {
      action: input.action,
      actorId: input.actorId,
      from: toIso(input.from),
      to: toIso(input.to),
      beforeSeq: input.beforeSeq,
      limit: input.limit,
    });
    const objectNames = await nameAuditObjects(
      this.db,
      rows.map((row) => ({ objectType: row.object_type, objectId: row.object_id })),
    );
    return {
      entries: rows.map((row, index) => ({
        seq: row.seq,
        at: row.at,
        actorId: row.actor_id,
        actorName: row.actor_name,
        actorRole: row.actor_role,
        stationCode: row.station_code,
        action: row.action as AuditAction,
        objectType: row.object_type,
        objectId: row.object_id,
        objectName: objectNames[index] ?? null,
      })),
    };
  }

  /** Walks the whole chain; names the first entry that does not follow from the one before. */
  async verify(): Promise<CallOutput<'audit:verify'>> {
    const entries: ChainedAuditEntry[] = [];
    for await (const row of walkAuditLog(this.db)) {
      entries.push({
        seq: row.seq,
        at: row.at,
        actorId: row.actor_id,
        actorRole: row.actor_role,
        stationCode: row.station_code,
        action: row.action,
        objectType: row.object_type,
        objectId: row.object_id,
        detail: row.detail,
        prevHash: row.prev_hash,
        hash: row.hash,
      });
    }
    const check = verifyChain(this.protection.auditKey, entries);
    return check.ok
      ? { ok: true, count: check.count, brokenSeq: null, reason: null }
      : { ok: false, count: check.count, brokenSeq: check.brokenSeq, reason: check.reason };
  }
}
