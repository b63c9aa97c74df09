import type { SerialDocument } from './registration-number';

/**
 * The closed loop of a document with a serial number: issued (by whom, when) →
 * handed over (to whom, relation, their document masked, a drawn signature, when) or voided (why).
 * Handed over is not final: a handed-over copy can still be voided, because a re-issue (lost or damaged
 * certificate) must void the copy the person holds. Voided is final.
 */
export const documentStates = ['issued', 'handed_over', 'voided'] as const;
export type DocumentState = (typeof documentStates)[number];

/** What the append-only history of a document records. Printing is an event, not a state. */
export const documentEvents = ['issued', 'printed', 'handed_over', 'voided'] as const;
export type DocumentEvent = (typeof documentEvents)[number];

/** What a document is about: a registration record, a person, or a life-education session. */
export const documentSubjectTypes = ['registration', 'person', 'session'] as const;
export type DocumentSubjectType = (typeof documentSubjectTypes)[number];

/**
 * The record each document is issued for. A receipt and a registration certificate attest one
 * registration; a donor card and the certificates given after a donation are the person's; an
 * attendance certificate belongs to a session.
 */
export const documentSubjectOf: Readonly<Record<SerialDocument, DocumentSubjectType>> = {
  receipt: 'registration',
  donor_card: 'person',
  registration_certificate: 'registration',
  memorial_certificate: 'person',
  honour_certificate: 'person',
  attendance_certificate: 'session',
};

/** Who collects a document, relative to the person it is about. */
export const recipientRelations = [
  'self',
  'spouse',
  'parent',
  'child',
  'sibling',
  'other_relative',
  'executor',
  'organisation',
  'other',
] as const;
export type RecipientRelation = (typeof recipientRelations)[number];

/** The void reason recorded on a copy when a re-issue replaces it. */
export const REISSUE_VOID_REASON = 'reissued';

/** Only a copy still at the station can be handed over: once. */
export function canHandOver(state: DocumentState): boolean {
  return state === 'issued';
}

/** A copy can be voided until it is voided: also after hand-over, when a re-issue replaces it. */
export function canVoid(state: DocumentState): boolean {
  return state !== 'voided';
}

/**
 * Only a copy still at the station is printed (again after a paper jam, say; every print is audited).
 * A copy that has left the station is replaced by a re-issue, never printed a second time.
 */
export function canPrint(state: DocumentState): boolean {
  return state === 'issued';
}

export function isDocumentState(value: unknown): value is DocumentState {
  return typeof value === 'string' && (documentStates as readonly string[]).includes(value);
}
