import { z } from 'zod';
import { documentEvents, documentStates, documentSubjectOf, documentSubjectTypes, recipientRelations } from '../domain/documents';
import { serialDocuments } from '../domain/registration-number';
import { languages } from '../i18n/languages';
import { isoTimestamp, personName } from './fields';
import { documentKind, identityDocument } from './identity-fields';
import { shortText, signatureInput } from './registration';

const recordId = z.string({ error: 'required' }).min(1, { error: 'required' }).max(64, { error: 'invalid' });

/** A document kind with a serial number. */
export const serialDocumentKind = z.enum(serialDocuments, { error: 'document_kind' });

/** The same rules as a registrant's drawn signature: a PNG data URL of bounded size. */
const drawnSignature = signatureInput.options[0].shape.image;

/**
 * A new document: its kind, the record it is about, the language it is printed in and, for a re-issue,
 * the copy it replaces (which is voided in the same transaction). The record must be of the type the
 * kind is issued for (a receipt attests a registration, a donor card a person, …).
 */
export const documentIssueInput = z
  .object({
    kind: serialDocumentKind,
    subject: z.object(
      { type: z.enum(documentSubjectTypes, { error: 'document_subject' }), id: recordId },
      { error: 'required' },
    ),
    language: z.enum(languages, { error: 'invalid' }),
    replaces: recordId.nullish().transform((value) => value ?? null),
  })
  .superRefine((input, ctx) => {
    if (input.subject.type !== documentSubjectOf[input.kind]) {
      ctx.addIssue({ code: 'custom', message: 'document_subject', path: ['subject', 'type'] });
    }
  });

/**
 * The hand-over of a printed copy: who collected it, their relation to the subject, their identity
 * document (checked, then stored masked) and their signature drawn on the screen.
 */
export const documentHandOverInput = z.object({
  documentId: recordId,
  recipientName: personName,
  relation: z.enum(recipientRelations, { error: 'recipient_relation' }),
  recipientDocument: identityDocument,
  signature: drawnSignature,
});

export const documentVoidInput = z.object({ documentId: recordId, reason: shortText });

export const documentListInput = z.object({
  state: z.enum(documentStates, { error: 'invalid' }).optional(),
  kind: serialDocumentKind.optional(),
  limit: z.number({ error: 'invalid' }).int({ error: 'invalid' }).min(1, { error: 'invalid' }).max(200, { error: 'invalid' }).default(50),
});

/** A scanned QR payload. Anything up to the limit is accepted here: verification itself says what it is. */
export const documentVerifyInput = z.object({
  payload: z.string({ error: 'required' }).max(1000, { error: 'text_too_long' }),
});

// ---- What comes back (masked) ----

/** A document as the staff list shows it: names masked, the recipient's document masked. */
export const documentView = z.object({
  id: z.string(),
  serial: z.string(),
  kind: z.enum(serialDocuments),
  state: z.enum(documentStates),
  subject: z.object({ type: z.enum(documentSubjectTypes), id: z.string() }),
  /** The subject's masked name, as the payload carries it. */
  subjectName: z.string(),
  personId: z.string().nullable(),
  language: z.enum(languages),
  /** The signed QR payload, for printing. */
  payload: z.string(),
  issuedAt: isoTimestamp,
  issuedBy: z.string().nullable(),
  handedOver: z
    .object({
      at: isoTimestamp,
      by: z.string().nullable(),
      recipientName: z.string(),
      relation: z.enum(recipientRelations),
      recipientDocumentKind: documentKind,
      recipientDocument: z.string(),
    })
    .nullable(),
  voided: z.object({ at: isoTimestamp, by: z.string().nullable() }).nullable(),
  /** The serial of the copy this one re-issues, and of the copy that re-issued this one. */
  replacesSerial: z.string().nullable(),
  replacedBySerial: z.string().nullable(),
  history: z.array(z.object({ event: z.enum(documentEvents), at: isoTimestamp, actorName: z.string().nullable() })),
});

export const documentList = z.object({
  total: z.number().int(),
  documents: z.array(documentView),
});

/**
 * What a scanned payload is: `genuine` (signed by this station and not voided), `forged` (bad signature,
 * malformed, unknown version), `voided` (genuine, but the station voided that copy) or `unknown`
 * (signed by this station's key, but not a copy this station's records know). The claims are given for
 * every result but `forged`, whose claims nobody vouches for.
 */
export const documentVerification = z.object({
  result: z.enum(['genuine', 'forged', 'voided', 'unknown']),
  serial: z.string().nullable(),
  kind: z.enum(serialDocuments).nullable(),
  issuedOn: z.string().nullable(),
  subject: z.string().nullable(),
});

/** The station's public key for the province: PEM, and its SHA-256 fingerprint to read out and compare. */
export const documentPublicKey = z.object({
  publicKey: z.string(),
  fingerprint: z.string(),
  createdAt: isoTimestamp,
});

/** A document to render as PDF: recorded as printed, and refused once the copy has left the station. */
export const documentPdfInput = z.object({ documentId: z.string({ error: 'required' }).min(1, { error: 'required' }).max(64, { error: 'invalid' }) });

export const documentPdf = z.object({
  fileName: z.string(),
  /** The PDF itself, base64: both transports carry JSON. */
  contentBase64: z.string(),
  /** Characters no font could draw (`U+XXXX`), shown to staff so that nothing is dropped unnoticed. */
  missing: z.array(z.string()),
});
