import type { AuditAction } from '../../../shared/domain/audit';
import type { DocumentEvent } from '../../../shared/domain/documents';
import { maskName } from '../../../shared/domain/masking';
import type { DocumentRow } from '../../db/rows';
import { appendDocumentEvent } from '../../db/repositories/documents';
import type { Executor } from '../../db/repositories/executor';
import type { Actor } from '../kernel/audit';
import type { DataProtection } from '../kernel/data-protection';
import { queueForSync } from '../kernel/outbox';
import type { StationContext } from '../kernel/context';

/** The recipient of a handed-over copy as stored (sealed): the document number is already masked. */
export interface StoredRecipient {
  name: string;
  relation: string;
  documentKind: string;
  document: string;
}

export function openRecipient(protection: DataProtection, sealed: string | null): StoredRecipient | null {
  const plain = protection.openOptional(sealed, 'document.recipient');
  return plain === null ? null : (JSON.parse(plain) as StoredRecipient);
}

/** What one step of a document leaves behind besides its row. */
export interface DocumentChange {
  /** The document as it stands after the step. */
  row: DocumentRow;
  event: DocumentEvent;
  stationCode: string;
  actor: Actor;
  at: string;
  /** The serial of the copy this step links to: the one re-issued, or the one that re-issues it. */
  linkedSerial?: string;
}

const AUDIT_ACTION: Readonly<Record<DocumentEvent, AuditAction>> = {
  issued: 'document_issue',
  printed: 'print',
  handed_over: 'document_hand_over',
  voided: 'document_void',
};

/**
 * The closed loop's record: every step of a document appends a history event and an audit entry and,
 * when its state changed, queues the document for the provincial system, all in the caller's
 * transaction, so a document never moves without all of them.
 */
export class DocumentJournal {
  constructor(private readonly ctx: StationContext) {}

  async record(trx: Executor, change: DocumentChange): Promise<void> {
    const { row } = change;
    const seq = await appendDocumentEvent(trx, {
      document_id: row.id,
      event: change.event,
      at: change.at,
      actor_id: change.actor.id,
      actor_role: change.actor.role,
    });
    // The audit detail is not sealed, so it names the document and never the void reason or recipient.
    await this.ctx.audit.append(trx, {
      actor: change.actor,
      stationCode: change.stationCode,
      action: AUDIT_ACTION[change.event],
      objectType: 'document',
      objectId: row.id,
      detail: { serial: row.serial, kind: row.kind, event: change.event, ...(change.linkedSerial ? { linkedSerial: change.linkedSerial } : {}) },
    });
    // A print changes nothing the province keeps; every other step is part of the closed loop it checks.
    if (change.event === 'printed') return;
    await queueForSync(trx, this.ctx.protection, {
      kind: 'document',
      entityId: row.id,
      version: seq,
      payload: this.syncPayload(row, change),
      createdAt: change.at,
    });
  }

  /**
   * The document as the provincial system receives it. Names are masked as on the document itself:
   * the closed loop is reported for every document, including those of people who declined to have
   * their personal data reported, so no personal field goes out in full.
   */
  private syncPayload(row: DocumentRow, change: DocumentChange) {
    const recipient = openRecipient(this.ctx.protection, row.recipient);
    return {
      id: row.id,
      serial: row.serial,
      kind: row.kind,
      state: row.state,
      event: change.event,
      subject: { type: row.subject_type, id: row.subject_id },
      language: row.language,
      payload: row.payload,
      issuedAt: row.issued_at,
      issuedBy: row.issued_by,
      replacesId: row.replaces_id,
      replacedById: row.replaced_by_id,
      handedOver:
        row.handed_over_at === null || recipient === null
          ? null
          : {
              at: row.handed_over_at,
              by: row.handed_over_by,
              recipientName: maskName(recipient.name),
              relation: recipient.relation,
              recipientDocumentKind: recipient.documentKind,
              recipientDocument: recipient.document,
            },
      voided: row.voided_at === null ? null : { at: row.voided_at, by: row.voided_by, reason: this.ctx.protection.openOptional(row.void_reason, 'document.void_reason') },
      at: change.at,
    };
  }
}
