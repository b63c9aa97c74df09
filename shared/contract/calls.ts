import { z } from 'zod';
import { backupCalls } from './backup-calls';
import { consentCalls } from './consent-calls';
import { dashboardCalls } from './dashboard-calls';
import { educationCalls } from './education-calls';
import { figuresCalls } from './figures-calls';
import { memorialCalls } from './memorial-calls';
import { nameListCalls } from './name-list-calls';
import { settingsCalls } from './settings-calls';
import { staffCalls } from './staff-calls';
import { syncCalls } from './sync-calls';
import { anyone, call, confirmsDonations, keepsRecords, listsVisitors, readsAudit, registers, staff, voidsDocuments } from './call';
import { auditCheck, auditList, auditListInput } from '../validation/audit';
import {
  documentHandOverInput,
  documentIssueInput,
  documentList,
  documentListInput,
  documentPublicKey,
  documentVerification,
  documentVerifyInput,
  documentPdf,
  documentPdfInput,
  documentView,
  documentVoidInput,
} from '../validation/documents';
import { loginInput, session, staffAccount, staffAccountInput, unlockInput } from '../validation/staff';
import {
  bodyPaperworkRecordInput,
  followUpInput,
  heldChangeInput,
  personAmendInput,
  personRecord,
  personRef,
  refusalRecorded,
  refusalRecordInput,
  refusalRevokeInput,
  registrationAmendInput,
  registrationCreated,
  registrationCreateInput,
  registrationOptions,
  registrationRealiseInput,
  registrationWithdrawInput,
  revealed,
  revealInput,
  searchInput,
  searchResults,
  signatureImage,
  stemCellStatusInput,
} from '../validation/registration';
import { station, stationRenameInput, stationSetUp, stationSetupInput } from '../validation/station';
import {
  visitorList,
  visitorListInput,
  visitorRevealed,
  visitorRevealInput,
  visitorSignIn,
  visitorSignInInput,
} from '../validation/visitors';

/**
 * Every call the renderer can make, declared once with the roles that may make it. The preload, the
 * IPC registration, the station host, the CLI and the renderer's client all derive from this map, and
 * the dispatcher refuses a role that is not listed before the input is even read.
 */
export const contract = {
  /** The station this installation belongs to, or null before first-run setup. */
  'station:get': call(z.undefined(), station.nullable(), anyone, { duringSecretChange: true }),
  /** First-run setup: the station's code, name, kind and region, and its first administrator. Only once. */
  'station:setup': call(stationSetupInput, stationSetUp, anyone),
  /** Corrects the station's name (never its code); administrators only, audited with the old and new name. */
  'station:rename': call(stationRenameInput, station, ['admin']),

  /** Who is at the screen: the anonymous kiosk role or a signed-in staff member. */
  'session:get': call(z.undefined(), session, anyone, { whileLocked: true }),
  /** Staff sign-in; five failures in a row lock the account for 15 minutes. */
  'session:login': call(loginInput, session, anyone),
  /** Back to the anonymous kiosk role. */
  'session:logout': call(z.undefined(), session, anyone, { whileLocked: true }),
  /** Locks the staff screen at once (also done by the station after the idle time). */
  'session:lock': call(z.undefined(), session, staff, { whileLocked: true }),
  /** Reopens a locked staff screen with the staff member's PIN. */
  'session:unlock': call(unlockInput, session, staff, { whileLocked: true }),

  /** A memorial visitor signs in; saved and queued for sync in one transaction. */
  'visitor:signIn': call(visitorSignInInput, visitorSignIn, anyone),
  /** The latest sign-ins for staff, names masked. */
  'visitor:list': call(visitorListInput, visitorList, listsVisitors),
  /** One visitor's full name; an audited staff action. */
  'visitor:revealName': call(visitorRevealInput, visitorRevealed, listsVisitors),

  /** What the registration screens need to know of the station's settings (idle time, age range, …). */
  'registration:options': call(z.undefined(), registrationOptions, anyone),
  /** Registers one or more programs for a person found by document or created; one transaction. */
  'registration:create': call(registrationCreateInput, registrationCreated, registers),
  /** The receipt of a registration just made, printed at the kiosk once, minutes after; staff print any copy. */
  'registration:receipt': call(documentPdfInput, documentPdf, registers),
  /** Finds people by registration number, document number or full name; results masked. */
  'registration:search': call(searchInput, searchResults, keepsRecords),
  /** A new version of an active registration; the old one is kept. */
  'registration:amend': call(registrationAmendInput, personRecord, keepsRecords),
  /** Withdraws an active registration after checking the person's document; final for that record. */
  'registration:withdraw': call(registrationWithdrawInput, personRecord, keepsRecords),
  /** Records that the donation of an active registration took place; final for that record, no receipt. */
  'registration:realise': call(registrationRealiseInput, personRecord, confirmsDonations),
  /** Records a body donation's executor and close relatives' agreement. */
  'registration:bodyPaperwork': call(bodyPaperworkRecordInput, personRecord, keepsRecords),
  /** Moves a stem-cell volunteer one step on: sample taken (barcode), typed, in registry. */
  'registration:stemCellStatus': call(stemCellStatusInput, personRecord, keepsRecords),
  /** Logs a follow-up call to a stem-cell volunteer and its outcome. */
  'registration:followUp': call(followUpInput, personRecord, keepsRecords),
  /** A person's record with its full history, masked; every opening is audited. */
  'person:get': call(personRef, personRecord, keepsRecords),
  /** One full value of a person's record; an audited staff action. */
  'person:reveal': call(revealInput, revealed, keepsRecords),
  /** A person's latest drawn signature as an image; an audited staff action. */
  'person:signature': call(personRef, signatureImage, keepsRecords),
  /** New name or phone for a person; the earlier version is kept. */
  'person:amend': call(personAmendInput, personRecord, keepsRecords),
  /** Applies a phone held from the public kiosk as a new version of the person; audited. */
  'person:confirmHeldChange': call(heldChangeInput, personRecord, keepsRecords),
  /** Discards a phone held from the public kiosk; audited. */
  'person:discardHeldChange': call(heldChangeInput, personRecord, keepsRecords),
  /** Records a person's refusal of donation (不同意捐献). */
  'refusal:record': call(refusalRecordInput, refusalRecorded, keepsRecords),
  /** Revokes a refusal at the person's request, so that they can register. */
  'refusal:revoke': call(refusalRevokeInput, personRecord, keepsRecords),

  /** Issues a document with the next serial of its kind and a signed QR payload; a re-issue voids the copy it replaces. */
  'documents:issue': call(documentIssueInput, documentView, keepsRecords),
  /** Records who collected a printed copy: name, relation, their document (kept masked) and drawn signature. */
  'documents:handOver': call(documentHandOverInput, documentView, keepsRecords),
  /** Voids a copy, issued or handed over, with the reason. */
  'documents:void': call(documentVoidInput, documentView, voidsDocuments),
  /** The latest documents by state and kind, names masked, for the staff screen. */
  'documents:list': call(documentListInput, documentList, keepsRecords),
  /** Says whether a scanned QR payload is genuine, forged, voided or unknown to this station. */
  /** The PDF of an issued copy; every rendering is recorded as a print. */
  'documents:pdf': call(documentPdfInput, documentPdf, keepsRecords),
  'documents:verify': call(documentVerifyInput, documentVerification, staff),
  /** The station's public key (PEM) for the province; an audited export. */
  'documents:publicKey': call(z.undefined(), documentPublicKey, ['admin']),

  /** Staff accounts, for the administrator. */
  'staff:list': call(z.undefined(), z.object({ accounts: z.array(staffAccount) }), ['admin']),
  /** A new staff account with its role, password and PIN. */
  'staff:create': call(staffAccountInput, staffAccount, ['admin']),

  /** The audit trail, newest first, filtered by action, actor and time. */
  'audit:list': call(auditListInput, auditList, readsAudit),
  /** Walks the audit chain and names the first entry that does not follow from the one before. */
  'audit:verify': call(z.undefined(), auditCheck, readsAudit),

  ...memorialCalls,
  ...nameListCalls,
  ...educationCalls,
  ...figuresCalls,
  ...consentCalls,
  ...syncCalls,
  ...backupCalls,
  ...settingsCalls,
  ...dashboardCalls,
  ...staffCalls,
} as const;

export type Contract = typeof contract;
export type CallName = keyof Contract;
/** What a caller passes (before defaults and normalisation). */
export type CallInput<N extends CallName> = z.input<Contract[N]['input']>;
/** What a handler receives (after parsing). */
export type ParsedInput<N extends CallName> = z.output<Contract[N]['input']>;
export type CallOutput<N extends CallName> = z.output<Contract[N]['output']>;

export const callNames = Object.keys(contract) as CallName[];

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}
