import { z } from 'zod';
import { call, keepsRecords, staff, voidsDocuments } from './call';
import {
  documentHandOverInput,
  documentIssueInput,
  documentList,
  documentListInput,
  documentPdf,
  documentPdfInput,
  documentPublicKey,
  documentVerification,
  documentVerifyInput,
  documentView,
  documentVoidInput,
} from '../validation/documents';

/** Signed documents (receipts, certificates): issued, handed over, voided, printed, verified from their QR code. */
export const documentsCalls = {
  /** Issues a document with the next serial of its kind and a signed QR payload; a re-issue voids the copy it replaces. */
  'documents:issue': call(documentIssueInput, documentView, keepsRecords),
  /** Records who collected a printed copy: name, relation, their document (kept masked) and drawn signature. */
  'documents:handOver': call(documentHandOverInput, documentView, keepsRecords),
  /** Voids a copy, issued or handed over, with the reason. */
  'documents:void': call(documentVoidInput, documentView, voidsDocuments),
  /** The latest documents by state and kind, names masked, for the staff screen. */
  'documents:list': call(documentListInput, documentList, keepsRecords),
  /** The PDF of an issued copy; every rendering is recorded as a print. */
  'documents:pdf': call(documentPdfInput, documentPdf, keepsRecords),
  /** Says whether a scanned QR payload is genuine, forged, voided or unknown to this station. */
  'documents:verify': call(documentVerifyInput, documentVerification, staff),
  /** The station's public key (PEM) for the province; an audited export. */
  'documents:publicKey': call(z.undefined(), documentPublicKey, ['admin']),
} as const;
