import type { CallOutput } from '../../../shared/contract/calls';
import type { RecipientRelation } from '../../../shared/domain/documents';
import { maskName } from '../../../shared/domain/masking';
import type { Language } from '../../../shared/i18n/languages';
import type { DocumentKind } from '../../../shared/validation/identity-document';
import type { DocumentRow } from '../../db/rows';
import { documentEventsOf, findDocumentsByIds } from '../../db/repositories/documents';
import type { Executor } from '../../db/repositories/executor';
import { listStaff } from '../../db/repositories/staff';
import { payloadClaims } from '../../security/document-signature';
import type { DataProtection } from '../kernel/data-protection';
import { openRecipient } from './document-journal';

export type DocumentView = CallOutput<'documents:list'>['documents'][number];

/**
 * Documents as staff screens show them: who issued, handed over and voided each by display name, the
 * linked copies by serial, the history, and every name masked. Reads everything in a few queries,
 * however many documents are listed.
 */
export async function readDocumentViews(db: Executor, protection: DataProtection, rows: DocumentRow[]): Promise<DocumentView[]> {
  const staffNames = new Map((await listStaff(db)).map((staff) => [staff.id, staff.display_name]));
  const nameOf = (id: string | null) => (id === null ? null : (staffNames.get(id) ?? null));
  const linkedIds = rows.flatMap((row) => [row.replaces_id, row.replaced_by_id]).filter((id): id is string => id !== null);
  const serials = new Map((await findDocumentsByIds(db, linkedIds)).map((row) => [row.id, row.serial]));
  const serialOf = (id: string | null) => (id === null ? null : (serials.get(id) ?? null));
  const events = await documentEventsOf(db, rows.map((row) => row.id));

  return rows.map((row) => {
    const recipient = openRecipient(protection, row.recipient);
    return {
      id: row.id,
      serial: row.serial,
      kind: row.kind,
      state: row.state,
      subject: { type: row.subject_type, id: row.subject_id },
      subjectName: payloadClaims(row.payload)?.subject ?? '',
      personId: row.person_id,
      language: row.language as Language,
      payload: row.payload,
      issuedAt: row.issued_at,
      issuedBy: nameOf(row.issued_by),
      handedOver:
        row.handed_over_at === null || recipient === null
          ? null
          : {
              at: row.handed_over_at,
              by: nameOf(row.handed_over_by),
              recipientName: maskName(recipient.name),
              relation: recipient.relation as RecipientRelation,
              recipientDocumentKind: recipient.documentKind as DocumentKind,
              recipientDocument: recipient.document,
            },
      voided: row.voided_at === null ? null : { at: row.voided_at, by: nameOf(row.voided_by) },
      replacesSerial: serialOf(row.replaces_id),
      replacedBySerial: serialOf(row.replaced_by_id),
      history: events
        .filter((event) => event.document_id === row.id)
        .map((event) => ({ event: event.event, at: event.at, actorName: nameOf(event.actor_id) })),
    };
  });
}
