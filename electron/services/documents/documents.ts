import { createHash, randomUUID } from 'node:crypto';
import type { CallOutput, ParsedInput } from '../../../shared/contract/calls';
import { stationDate } from '../../../shared/domain/age';
import { canHandOver, canPrint, canVoid, REISSUE_VOID_REASON } from '../../../shared/domain/documents';
import { maskDocumentNumber } from '../../../shared/domain/masking';
import { formatSerialNumber } from '../../../shared/domain/registration-number';
import type { DocumentRow } from '../../db/rows';
import {
  bindKioskReceipt,
  countDocuments,
  documentEventsOf,
  findDocument,
  findDocumentBySerial,
  insertDocument,
  kioskReceiptSession,
  listDocuments,
  updateDocumentState,
  type DocumentStateChange,
} from '../../db/repositories/documents';
import type { Executor } from '../../db/repositories/executor';
import { findPersonById } from '../../db/repositories/people';
import { nextNumber } from '../../db/repositories/registrations';
import { verifyPayload } from '../../security/document-signature';
import type { Actor } from '../kernel/audit';
import type { DocumentJournal, StoredRecipient } from './document-journal';
import { resolveSubject } from './document-subjects';
import { readDocumentViews, type DocumentView } from './document-views';
import { AppError } from '../kernel/errors';
import { assertEnoughInk } from '../kernel/signature-ink';
import { documentKeys } from '../registration/person-registry';
import type { StationSigningKey } from '../kernel/signing-key';
import type { StationContext } from '../kernel/context';

type IssueInput = ParsedInput<'documents:issue'>;
type Verification = CallOutput<'documents:verify'>;

/** The scope of a document kind's serial numbers in the number_sequence table. */
function serialScope(kind: string): string {
  return `doc:${kind}`;
}

/** A kiosk caller's key as stored with its receipts: hashed, since on the station host it names a tab. */
function sessionHash(sessionKey: string): string {
  return createHash('sha256').update(sessionKey).digest('base64url');
}

/**
 * Documents with serial numbers and their closed loop: issue (serial allocated
 * and QR payload signed in the issuing transaction), print, hand over or void, re-issue. Each step
 * commits together with its history event, audit entry and outbox entry (see DocumentJournal).
 */
export class DocumentService {
  constructor(
    private readonly ctx: StationContext,
    private readonly signingKey: StationSigningKey,
    private readonly journal: DocumentJournal,
  ) {}

  /**
   * Issues a document: the next serial of its kind and year, and a payload signed with the station's
   * key (made now if this is the station's first document). A re-issue (`replaces`) voids the copy it
   * replaces with the reason "reissued" and links the two both ways, in the same transaction; it is
   * refused for a copy already voided or already replaced, or of another kind or record.
   */
  async issue(input: IssueInput, actor: Actor): Promise<DocumentView> {
    const station = await this.ctx.station.require();
    return this.ctx.db.transaction().execute(async (trx) => this.view(trx, await this.issueWithin(trx, input, actor, station.code)));
  }

  /**
   * Issues inside the caller's transaction, so that a receipt commits (or rolls back) together with
   * the registration change it attests.
   */
  async issueWithin(trx: Executor, input: IssueInput, actor: Actor, stationCode: string): Promise<DocumentRow> {
    const now = this.ctx.clock.now();
    const at = now.toISOString();
    const today = stationDate(now);
    const year = Number(today.slice(0, 4));
    const replaced = input.replaces === null ? null : await this.replaceable(trx, input.replaces, input);
    const subject = await resolveSubject(trx, this.ctx.protection, input.kind, input.subject, now);
    const key = await this.signingKey.ensure(trx);
    // Counted in this transaction: if anything after it fails, the number is rolled back with the
    // document, so serials stay gap-free and are never given twice.
    const serial = formatSerialNumber(stationCode, year, input.kind, await nextNumber(trx, serialScope(input.kind), year));
    const row: DocumentRow = {
      id: randomUUID(),
      serial,
      kind: input.kind,
      subject_type: input.subject.type,
      subject_id: input.subject.id,
      person_id: subject.personId,
      language: input.language,
      state: 'issued',
      issued_at: at,
      issued_by: actor.id,
      subject_version: subject.version,
      payload: this.signingKey.sign(key, { serial, issuedOn: today, subject: subject.maskedName }),
      replaces_id: replaced?.id ?? null,
      replaced_by_id: null,
      voided_at: null,
      voided_by: null,
      void_reason: null,
      handed_over_at: null,
      handed_over_by: null,
      recipient: null,
      recipient_signature: null,
    };
    await insertDocument(trx, row);
    await this.journal.record(trx, { row, event: 'issued', stationCode, actor, at, linkedSerial: replaced?.serial });
    if (replaced !== null) {
      const voided = await this.move(trx, replaced, {
        state: 'voided',
        voided_at: at,
        voided_by: actor.id,
        void_reason: this.ctx.protection.seal(REISSUE_VOID_REASON, 'document.void_reason'),
        replaced_by_id: row.id,
      });
      await this.journal.record(trx, { row: voided, event: 'voided', stationCode, actor, at, linkedSerial: serial });
    }
    return row;
  }

  /** Ties a receipt just issued at the kiosk to the kiosk caller that registered: only it may print it there. */
  async bindToKioskSession(trx: Executor, documentId: string, sessionKey: string): Promise<void> {
    await bindKioskReceipt(trx, documentId, sessionHash(sessionKey));
  }

  /** Records who collected a printed copy; once, and only for a copy that has not been voided. */
  async handOver(input: ParsedInput<'documents:handOver'>, actor: Actor): Promise<DocumentView> {
    return this.step(input.documentId, actor, 'handed_over', async (current, at, trx) => {
      if (current.state === 'voided') throw new AppError('document_voided');
      if (!canHandOver(current.state)) throw new AppError('document_already_handed_over');
      assertEnoughInk(input.signature, 'signature');
      if (input.relation === 'self' && current.person_id !== null && !(await this.isPersonsDocument(trx, current.person_id, input.recipientDocument))) {
        throw new AppError('handover_not_the_registrant');
      }
      const recipient: StoredRecipient = {
        name: input.recipientName,
        relation: input.relation,
        documentKind: input.recipientDocument.kind,
        // Only the masked number is kept: the hand-over needs to show whose card was seen, not the number.
        document: maskDocumentNumber(input.recipientDocument.normalized),
      };
      return {
        state: 'handed_over',
        handed_over_at: at,
        handed_over_by: actor.id,
        recipient: this.ctx.protection.seal(JSON.stringify(recipient), 'document.recipient'),
        recipient_signature: this.ctx.protection.seal(input.signature, 'document.recipient_signature'),
      };
    });
  }

  /** Voids a copy, issued or handed over, with the reason; final. */
  async void(input: ParsedInput<'documents:void'>, actor: Actor): Promise<DocumentView> {
    return this.step(input.documentId, actor, 'voided', (current, at) => {
      if (!canVoid(current.state)) throw new AppError('document_not_voidable');
      return { state: 'voided', voided_at: at, voided_by: actor.id, void_reason: this.ctx.protection.seal(input.reason, 'document.void_reason') };
    });
  }

  /**
   * Records one print of a copy still at the station (the first, or again after a paper jam), audited
   * as `print`, so that no serial is ever printed twice unseen. A copy handed over or voided is not
   * printed again: it is re-issued.
   */
  async recordPrint(documentId: string, actor: Actor): Promise<DocumentView> {
    return this.step(documentId, actor, 'printed', (current) => {
      if (current.state === 'voided') throw new AppError('document_voided');
      if (!canPrint(current.state)) throw new AppError('document_already_handed_over');
      return null;
    });
  }

  /**
   * The one print a kiosk may make: of a receipt issued at a kiosk (by the kiosk role, not by staff or
   * the command line) to this same kiosk caller (`sessionKey`), less than `windowMs` ago and never
   * printed. Checked and recorded in one transaction; anything else is `not_found` to the kiosk, which
   * must not learn what exists.
   */
  async recordKioskPrint(documentId: string, actor: Actor, sessionKey: string, windowMs: number): Promise<DocumentRow> {
    const station = await this.ctx.station.require();
    const now = this.ctx.clock.now();
    return this.ctx.db.transaction().execute(async (trx) => {
      const current = await findDocument(trx, documentId);
      if (!current || current.kind !== 'receipt' || current.state !== 'issued') throw new AppError('not_found');
      if ((await kioskReceiptSession(trx, current.id)) !== sessionHash(sessionKey)) throw new AppError('not_found');
      const events = await documentEventsOf(trx, [current.id]);
      const issuedAtKiosk = events.some((event) => event.event === 'issued' && event.actor_role === 'kiosk');
      const age = now.getTime() - Date.parse(current.issued_at);
      if (!issuedAtKiosk || age < 0 || age > windowMs || events.some((event) => event.event === 'printed')) throw new AppError('not_found');
      await this.journal.record(trx, { row: current, event: 'printed', stationCode: station.code, actor, at: now.toISOString() });
      return current;
    });
  }

  /** The latest documents for the staff screen, newest first, masked. */
  async list(input: ParsedInput<'documents:list'>): Promise<CallOutput<'documents:list'>> {
    const filter = { state: input.state, kind: input.kind };
    const rows = await listDocuments(this.ctx.db, { ...filter, limit: input.limit });
    return { total: await countDocuments(this.ctx.db, filter), documents: await readDocumentViews(this.ctx.db, this.ctx.protection, rows) };
  }

  /**
   * What a scanned payload is. Forged when this station's key did not sign it (or it is malformed);
   * otherwise the station's record decides: voided, unknown (a payload this station never recorded,
   * such as one from a database restored to an earlier day), or genuine.
   */
  async verify(input: ParsedInput<'documents:verify'>): Promise<Verification> {
    const publicKey = await this.signingKey.publicKey(this.ctx.db);
    const check = publicKey === null ? null : verifyPayload(input.payload, publicKey);
    if (check === null || check.status === 'forged') return { result: 'forged', serial: null, kind: null, issuedOn: null, subject: null };
    const { claims } = check;
    const row = await findDocumentBySerial(this.ctx.db, claims.serial);
    const result = row === undefined || row.payload !== input.payload.trim() ? 'unknown' : row.state === 'voided' ? 'voided' : 'genuine';
    return { result, serial: claims.serial, kind: claims.kind, issuedOn: claims.issuedOn, subject: claims.subject };
  }

  /** The station's public key as PEM for the province, made now if the station has none; an audited export. */
  async publicKey(actor: Actor): Promise<CallOutput<'documents:publicKey'>> {
    const station = await this.ctx.station.require();
    return this.ctx.db.transaction().execute(async (trx) => {
      const key = await this.signingKey.ensure(trx);
      await this.ctx.audit.append(trx, { actor, stationCode: station.code, action: 'export', objectType: 'signing_key', objectId: key.id });
      return { publicKey: this.signingKey.pem(key), fingerprint: key.id, createdAt: key.created_at };
    });
  }

  /**
   * The common shape of a step of one document: load it, let `decide` check the rules and say what
   * changes (null: nothing but the event), apply the change only from the state it was decided on,
   * journal it, and return the document as it now stands.
   */
  private async step(
    documentId: string,
    actor: Actor,
    event: 'handed_over' | 'voided' | 'printed',
    decide: (current: DocumentRow, at: string, trx: Executor) => DocumentStateChange | null | Promise<DocumentStateChange | null>,
  ): Promise<DocumentView> {
    const station = await this.ctx.station.require();
    const at = this.ctx.clock.now().toISOString();
    return this.ctx.db.transaction().execute(async (trx) => {
      const current = await findDocument(trx, documentId);
      if (!current) throw new AppError('not_found');
      const change = await decide(current, at, trx);
      const row = change === null ? current : await this.move(trx, current, change);
      await this.journal.record(trx, { row, event, stationCode: station.code, actor, at });
      return this.view(trx, row);
    });
  }

  /**
   * Whether a document shown at the hand-over is the one the person registered with: compared by its
   * blind index, so no number is opened. A collector who says "the person themself" must be that person.
   */
  private async isPersonsDocument(trx: Executor, personId: string, shown: { kind: string; normalized: string }): Promise<boolean> {
    const person = await findPersonById(trx, personId);
    return person !== undefined && documentKeys(this.ctx.protection, shown.kind, shown.normalized).includes(person.document_key);
  }

  /** Applies a state change decided on `current`; refused when another desk moved the document meanwhile. */
  private async move(trx: Executor, current: DocumentRow, change: DocumentStateChange): Promise<DocumentRow> {
    if (!(await updateDocumentState(trx, current.id, current.state, change))) throw new AppError('version_conflict');
    return { ...current, ...change };
  }

  /** The copy a re-issue replaces, after checking that it may be replaced by this very document. */
  private async replaceable(trx: Executor, id: string, input: IssueInput): Promise<DocumentRow> {
    const earlier = await findDocument(trx, id);
    if (!earlier) throw new AppError('not_found');
    if (earlier.replaced_by_id !== null) throw new AppError('document_replaced');
    if (earlier.state === 'voided') throw new AppError('document_voided');
    if (earlier.kind !== input.kind || earlier.subject_type !== input.subject.type || earlier.subject_id !== input.subject.id) {
      throw new AppError('validation_failed', 'invalid input', [{ path: 'replaces', reason: 'document_mismatch' }]);
    }
    return earlier;
  }

  private async view(trx: Executor, row: DocumentRow): Promise<DocumentView> {
    const [view] = await readDocumentViews(trx, this.ctx.protection, [row]);
    if (view === undefined) throw new Error(`document ${row.id} has no view`);
    return view;
  }
}
