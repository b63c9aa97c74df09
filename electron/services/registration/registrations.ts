import { randomUUID } from 'node:crypto';
import type { CallOutput, ParsedInput } from '../../../shared/contract/calls';
import type { FieldIssue } from '../../../shared/contract/errors';
import { stationDate, type CalendarDate } from '../../../shared/domain/age';
import { CONSENT_TEXT_VERSION, consentPurposes } from '../../../shared/domain/consents';
import { checkEligibility, checkStemCellContacts } from '../../../shared/domain/eligibility';
import { canAmend, canMoveStemCell, canRealise, canWithdraw, withdrawalStopsTyping } from '../../../shared/domain/lifecycle';
import { maskDocumentNumber, maskName } from '../../../shared/domain/masking';
import { KIOSK_COUNTDOWN_SECONDS, type RegistrationChannel, type RegistrationEvent, type RegistrationSettings } from '../../../shared/domain/registration';
import { formatRegistrationNumber } from '../../../shared/domain/registration-number';
import { defaultLanguage, type Language } from '../../../shared/i18n/languages';
import type { DocumentRow, PersonRow, RegistrationRow } from '../../db/rows';
import type { Executor } from '../../db/repositories/executor';
import { insertHeldChange } from '../../db/repositories/kiosk-held-changes';
import { findPersonById, insertConsents, insertSignature, standingRefusal } from '../../db/repositories/people';
import { findRegistration, insertFollowUp, insertRegistration, nextNumber, registrationsOf, updateRegistration } from '../../db/repositories/registrations';
import type { Actor } from '../kernel/audit';
import type { DataProtection } from '../kernel/data-protection';
import { AppError } from '../kernel/errors';
import { KioskAttempts, throttledRefusal, type KioskAttempt } from './kiosk-attempts';
import { assertEnoughInk } from '../kernel/signature-ink';
import { documentKeys, openPersonal, type PersonalFields, type PersonRegistry } from './person-registry';
import type { PersonRecords } from './person-records';
import type { RegistrationJournal } from './registration-journal';
import { recentSourceSessions, resolveHeardFrom } from './registration-sources';
import { writeAs, type StationContext } from '../kernel/context';

type CreateInput = ParsedInput<'registration:create'>;
type Choice = CreateInput['programs'][number];
type PersonInput = CreateInput['person'];
type PersonRecord = CallOutput<'person:get'>;

/** The changes a person is handed a receipt for: registration, amendment, withdrawal. */
const RECEIPTED_EVENTS: ReadonlySet<RegistrationEvent> = new Set(['created', 'amended', 'withdrawn']);

/**
 * Issues documents inside a registration's transaction. The document service satisfies it; declaring it
 * here keeps the registration area from importing the documents area, which imports registration.
 */
export interface ReceiptIssuer {
  issueWithin(trx: Executor, input: ParsedInput<'documents:issue'>, actor: Actor, stationCode: string): Promise<DocumentRow>;
  bindToKioskSession(trx: Executor, documentId: string, sessionKey: string): Promise<void>;
}

/** The scope of registration numbers in the number_sequence table. */
const REGISTRATION_NUMBER_SCOPE = 'registration';

export function personalFieldsOf(person: PersonInput): PersonalFields {
  return {
    name: person.name,
    documentKind: person.document.kind,
    documentNumber: person.document.normalized,
    phone: person.phone,
    ethnicGroup: person.ethnicGroup,
    birthDate: person.birthDate,
    sex: person.sex,
  };
}

function refused(issues: FieldIssue[]): AppError {
  return new AppError('validation_failed', 'invalid input', issues);
}

/**
 * Stores a signature with the person's record: the drawn image sealed, or the note that it is on paper.
 * Callers check a drawn image's ink first (assertEnoughInk), before anyone is looked up.
 */
export async function storeSignature(
  trx: Executor,
  protection: DataProtection,
  personId: string,
  signature: CreateInput['signature'],
  at: string,
): Promise<string> {
  const id = randomUUID();
  const image = signature.kind === 'drawn' ? protection.seal(signature.image, 'signature.image') : null;
  await insertSignature(trx, { id, person_id: personId, kind: signature.kind, image, at });
  return id;
}

/**
 * Registration of donation intents and every later change to them: amendment (a new version, the old
 * one kept), withdrawal, body-donation paperwork, stem-cell status and follow-up calls. Each change
 * commits together with its history row, its audit entry and its outbox entry.
 */
export class RegistrationService {
  private readonly kioskAttempts: KioskAttempts;

  constructor(
    private readonly ctx: StationContext,
    private readonly people: PersonRegistry,
    private readonly journal: RegistrationJournal,
    private readonly records: PersonRecords,
    private readonly receipts: ReceiptIssuer,
  ) {
    this.kioskAttempts = new KioskAttempts(ctx);
  }

  async options(): Promise<CallOutput<'registration:options'>> {
    const settings = await this.ctx.settings.registration();
    const station = await this.ctx.station.get();
    const recentSessions = station === null ? [] : await recentSourceSessions(this.ctx.db, station.code, stationDate(this.ctx.clock.now()));
    return {
      consentTextVersion: CONSENT_TEXT_VERSION,
      kioskIdleSeconds: settings.kioskIdleSeconds,
      countdownSeconds: KIOSK_COUNTDOWN_SECONDS,
      stemCellMinAge: settings.stemCellMinAge,
      stemCellMaxAge: settings.stemCellMaxAge,
      coolingOffDays: settings.coolingOffDays,
      bodyChangeNeedsNotarisation: settings.bodyChangeNeedsNotarisation,
      silentReceipts: (await this.ctx.settings.receiptPrinter()) !== null,
      recentSessions,
    };
  }

  /**
   * Registers each chosen program as its own record for the person found by document (or created).
   * Refused as a whole when the person's age does not allow a program on today's date, when a program
   * is already actively registered (`already_registered`: amend it instead), when a refusal is on
   * file, or when the document is known under another name. How the person heard of donation, when
   * answered, is stored on every registration of the call.
   *
   * At the public kiosk (`sessionKey` names the kiosk window or tab) every check of the input alone
   * comes before the person is looked up; each refusal met against the station's records is audited
   * with its real reason, and those that depend on a person on file all answer `see_staff`; a person on
   * file is never changed (a new phone is held for staff to confirm, their consents stand); and a
   * caller refused too often is answered `see_staff` without any look-up.
   */
  async create(input: CreateInput, actor: Actor, channel: RegistrationChannel, sessionKey?: string): Promise<CallOutput<'registration:create'>> {
    if (actor.role === 'kiosk' && input.signature.kind !== 'drawn') throw refused([{ path: 'signature', reason: 'signature_required' }]);
    // A check of the input alone: a tap instead of a name is refused the same for anyone, on file or not.
    if (input.signature.kind === 'drawn') assertEnoughInk(input.signature.image, 'signature.image');
    const station = await this.ctx.station.require();
    const now = this.ctx.clock.now();
    const ageIssues = await this.ageIssues(input, stationDate(now));
    if (ageIssues.length > 0) throw refused(ageIssues);
    if (actor.role !== 'kiosk') return this.register(input, actor, channel, station.code, now, null);

    if (sessionKey === undefined) throw new Error('a kiosk registration needs the kiosk caller');
    const attempt = { sessionKey, actor, stationCode: station.code, maskedDocument: maskDocumentNumber(input.person.document.normalized), programs: input.programs.map((choice) => choice.program) };
    try {
      return await this.register(input, actor, channel, station.code, now, attempt);
    } catch (error) {
      // Refused against the station's records (sessions, people): audited, the transaction being rolled back.
      if (error instanceof AppError) throw await this.kioskAttempts.refuse(attempt, error);
      throw error;
    }
  }

  /** Whether the person's age allows each program on the registration date. */
  private async ageIssues(input: CreateInput, today: CalendarDate): Promise<FieldIssue[]> {
    const settings = await this.ctx.settings.registration();
    return input.programs.flatMap((choice, index): FieldIssue[] => {
      const check = checkEligibility(choice.program, { birthDate: input.person.birthDate, registrationDate: today, settings });
      return check.ok ? [] : [{ path: `programs.${index}`, reason: check.reason, params: check.params }];
    });
  }

  private async register(
    input: CreateInput,
    actor: Actor,
    channel: RegistrationChannel,
    stationCode: string,
    now: Date,
    kiosk: KioskAttempt | null,
  ): Promise<CallOutput<'registration:create'>> {
    const at = now.toISOString();
    const today = stationDate(now);
    const fields = personalFieldsOf(input.person);
    return this.ctx.db.transaction().execute(async (trx) => {
      // Input only, before anyone is looked up: its answer cannot depend on who is on file.
      const heardFrom = await resolveHeardFrom(trx, input.heardFrom, stationCode, today);
      if (kiosk !== null && this.kioskAttempts.throttled(kiosk.sessionKey)) throw throttledRefusal();
      // At a desk the person is amended to what was typed; the kiosk changes nothing of a person on file.
      const found =
        kiosk === null
          ? { ...(await this.people.findOrCreate(trx, fields, stationCode, actor, at)), stored: fields, differingPhone: null }
          : await this.people.findOrCreateUnchanged(trx, fields, stationCode, actor, at);
      const person = found.row;
      if (await standingRefusal(trx, person.id)) throw new AppError('refusal_on_file');
      const active = (await registrationsOf(trx, [person.id])).filter((row) => row.state === 'active');
      const duplicates = input.programs.flatMap((choice, index) =>
        active.some((row) => row.program === choice.program) ? [{ path: `programs.${index}`, reason: 'invalid' as const }] : [],
      );
      if (duplicates.length > 0) throw new AppError('already_registered', 'already registered', duplicates);
      if (found.differingPhone !== null) await this.holdPhone(trx, person.id, found.differingPhone, actor, stationCode, at);

      const signatureId = await storeSignature(trx, this.ctx.protection, person.id, input.signature, at);
      // A person on file keeps the consents staff recorded; the kiosk gives consents only for someone new.
      if (kiosk === null || found.created) {
        await insertConsents(
          trx,
          consentPurposes.map((purpose) => ({
            person_id: person.id,
            purpose,
            granted: input.consents[purpose] ? 1 : 0,
            text_version: input.consents.textVersion,
            at,
            signature_id: signatureId,
          })),
        );
      }
      const year = Number(today.slice(0, 4));
      const created: RegistrationRow[] = [];
      for (const choice of input.programs) {
        const sequence = await nextNumber(trx, REGISTRATION_NUMBER_SCOPE, year);
        const row: RegistrationRow = {
          id: randomUUID(),
          number: formatRegistrationNumber(stationCode, year, sequence),
          person_id: person.id,
          program: choice.program,
          state: 'active',
          version: 1,
          channel,
          details: this.ctx.protection.seal(JSON.stringify(choice), 'registration.details'),
          stem_cell_status: choice.program === 'stem_cell' ? 'signed_up' : null,
          sample_barcode: null,
          registered_on: today,
          typing_stopped: 0,
          realised_on: null,
          ...heardFrom,
          created_at: at,
          updated_at: at,
        };
        await insertRegistration(trx, row);
        await this.journal.record(trx, { row, choice, event: 'created', note: null, person: found.stored, stationCode: stationCode, actor, at });
        created.push(row);
      }
      const receipts = [];
      for (const row of created) {
        const receipt = await this.issueReceipt(trx, row, input.receiptLanguage, actor, stationCode);
        if (kiosk !== null) await this.receipts.bindToKioskSession(trx, receipt.id, kiosk.sessionKey);
        receipts.push({ registrationId: row.id, documentId: receipt.id, serial: receipt.serial });
      }
      return {
        personId: person.id,
        name: maskName(fields.name),
        createdAt: at,
        registrations: created.map((row) => ({ id: row.id, number: row.number, program: row.program as Choice['program'], state: 'active' as const, version: 1 })),
        receipts,
      };
    });
  }

  /** A phone typed at the kiosk for a person on file: held, sealed, until staff confirm or discard it. */
  private async holdPhone(trx: Executor, personId: string, phone: string, actor: Actor, stationCode: string, at: string): Promise<void> {
    const id = randomUUID();
    await insertHeldChange(trx, { id, person_id: personId, phone: this.ctx.protection.seal(phone, 'kiosk_held_change.phone'), held_at: at, state: 'pending', decided_at: null, decided_by: null });
    await this.ctx.audit.append(trx, { actor, stationCode, action: 'create', objectType: 'kiosk_held_change', objectId: id, detail: { personId, field: 'phone' } });
  }

  /** A new version of an active registration with changed choices for the same program. */
  async amend(input: ParsedInput<'registration:amend'>, actor: Actor): Promise<PersonRecord> {
    return this.change(input, actor, async (trx, current, person, settings) => {
      if (!canAmend(current.state)) throw new AppError('registration_not_active');
      if (input.choice.program !== current.program) throw refused([{ path: 'choice.program', reason: 'program_mismatch' }]);
      if (current.program === 'body' && settings.bodyChangeNeedsNotarisation && !input.notarised) throw new AppError('notarisation_required');
      this.checkContacts(input.choice, person, 'choice');
      return { changes: { details: this.seal(input.choice) }, choice: input.choice, event: 'amended', note: input.reason };
    });
  }

  /** Withdraws an active registration: final for the record. The person's document must match. */
  async withdraw(input: ParsedInput<'registration:withdraw'>, actor: Actor): Promise<PersonRecord> {
    return this.change(input, actor, async (_trx, current, person, settings, personRow) => {
      if (!canWithdraw(current.state)) throw new AppError('registration_not_active');
      const keys = documentKeys(this.ctx.protection, input.identity.kind, input.identity.normalized);
      if (!keys.includes(personRow.document_key)) throw new AppError('identity_mismatch');
      if (current.program === 'body' && settings.bodyChangeNeedsNotarisation && !input.notarised) throw new AppError('notarisation_required');
      const changes: Partial<RegistrationRow> = { state: 'withdrawn' };
      if (current.program === 'stem_cell') {
        changes.stem_cell_status = 'withdrawn';
        // Within the cooling-off period a withdrawal also stops the typing of the sample.
        changes.typing_stopped = withdrawalStopsTyping(current.registered_on, this.ctx.clock.now(), settings.coolingOffDays) ? 1 : 0;
      }
      return { changes, choice: this.openChoice(current), event: 'withdrawn', note: input.reason };
    });
  }

  /**
   * Records that the donation of an active registration took place, on a day neither after the
   * station's today nor before the registration. Final for the record, and it opens the certificates
   * given to the family after a donation; no receipt, as none is handed to anyone for it.
   */
  async realise(input: ParsedInput<'registration:realise'>, actor: Actor): Promise<PersonRecord> {
    const today = stationDate(this.ctx.clock.now());
    return this.change(input, actor, async (_trx, current) => {
      if (!canRealise(current.state)) throw new AppError('registration_not_active');
      if (input.donatedOn > today) throw refused([{ path: 'donatedOn', reason: 'donation_date_future' }]);
      if (input.donatedOn < current.registered_on) throw refused([{ path: 'donatedOn', reason: 'donation_date_before_registration' }]);
      const changes: Partial<RegistrationRow> = { state: 'realised', realised_on: input.donatedOn };
      return { changes, choice: this.openChoice(current), event: 'realised', note: input.note };
    });
  }

  /** Records a body donation's executor and close relatives' agreement (a disagreement never passes validation). */
  async recordBodyPaperwork(input: ParsedInput<'registration:bodyPaperwork'>, actor: Actor): Promise<PersonRecord> {
    return this.change(input, actor, async (_trx, current) => {
      if (current.program !== 'body') throw new AppError('not_body_donation');
      if (!canAmend(current.state)) throw new AppError('registration_not_active');
      const choice = { program: 'body' as const, paperwork: input.paperwork };
      return { changes: { details: this.seal(choice) }, choice, event: 'body_paperwork', note: null };
    });
  }

  /** Moves a stem-cell volunteer one step on; the sample step records the barcode. */
  async setStemCellStatus(input: ParsedInput<'registration:stemCellStatus'>, actor: Actor): Promise<PersonRecord> {
    return this.change(input, actor, async (_trx, current) => {
      if (current.program !== 'stem_cell') throw new AppError('not_stem_cell');
      if (!canAmend(current.state)) throw new AppError('registration_not_active');
      const from = current.stem_cell_status ?? 'signed_up';
      if (!canMoveStemCell(from, input.status)) throw new AppError('stem_cell_transition');
      if (input.status === 'sample_taken' && input.sampleBarcode === null) throw refused([{ path: 'sampleBarcode', reason: 'required' }]);
      const changes: Partial<RegistrationRow> = { stem_cell_status: input.status };
      if (input.sampleBarcode !== null) changes.sample_barcode = input.sampleBarcode;
      return { changes, choice: this.openChoice(current), event: 'stem_cell_status', note: null };
    });
  }

  /** Logs a follow-up call to a stem-cell volunteer; audited, not a new version of the record. */
  async logFollowUp(input: ParsedInput<'registration:followUp'>, actor: Actor): Promise<PersonRecord> {
    return writeAs(this.ctx, async (trx, { station, at }) => {
      const current = await findRegistration(trx, input.registrationId);
      if (!current) throw new AppError('not_found');
      if (current.program !== 'stem_cell') throw new AppError('not_stem_cell');
      await insertFollowUp(trx, {
        registration_id: current.id,
        at,
        actor_id: actor.id,
        outcome: input.outcome,
        note: this.ctx.protection.sealOptional(input.note, 'follow_up.note'),
      });
      await this.ctx.audit.append(trx, { actor, stationCode: station.code, action: 'create', objectType: 'follow_up', objectId: current.id, detail: { outcome: input.outcome } });
      return this.records.read(trx, current.person_id);
    });
  }

  /**
   * The common shape of a change to one record: load it, let `decide` check the rules and say what
   * changes, write the new version only if nobody else wrote one since the screen read it
   * (`version_conflict`), journal it, and return the person's record as it now stands.
   */
  private async change(
    input: { registrationId: string; expectedVersion: number; receiptLanguage?: Language },
    actor: Actor,
    decide: (
      trx: Executor,
      current: RegistrationRow,
      person: PersonalFields,
      settings: RegistrationSettings,
      personRow: PersonRow,
    ) => Promise<{ changes: Partial<RegistrationRow>; choice: unknown; event: RegistrationEvent; note: string | null }>,
  ): Promise<PersonRecord> {
    const station = await this.ctx.station.require();
    const settings = await this.ctx.settings.registration();
    const at = this.ctx.clock.now().toISOString();
    return this.ctx.db.transaction().execute(async (trx) => {
      const current = await findRegistration(trx, input.registrationId);
      if (!current) throw new AppError('not_found');
      if (current.version !== input.expectedVersion) throw new AppError('version_conflict');
      const personRow = await findPersonById(trx, current.person_id);
      if (!personRow) throw new AppError('not_found');
      const person = openPersonal(this.ctx.protection, personRow);
      const decision = await decide(trx, current, person, settings, personRow);
      const row: RegistrationRow = { ...current, ...decision.changes, version: current.version + 1, updated_at: at };
      const { id: _id, number: _number, person_id: _personId, program: _program, created_at: _createdAt, ...changes } = row;
      if (!(await updateRegistration(trx, current.id, current.version, changes))) throw new AppError('version_conflict');
      await this.journal.record(trx, { row, choice: decision.choice, event: decision.event, note: decision.note, person, stationCode: station.code, actor, at });
      if (RECEIPTED_EVENTS.has(decision.event)) await this.issueReceipt(trx, row, input.receiptLanguage ?? defaultLanguage, actor, station.code);
      return this.records.read(trx, current.person_id);
    });
  }

  /** The receipt of one change, issued in its transaction: no change is recorded without its receipt. */
  private issueReceipt(trx: Executor, row: RegistrationRow, language: Language, actor: Actor, stationCode: string) {
    return this.receipts.issueWithin(trx, { kind: 'receipt', language, subject: { type: 'registration', id: row.id }, replaces: null }, actor, stationCode);
  }

  private checkContacts(choice: Choice, person: PersonalFields, path: string): void {
    if (choice.program !== 'stem_cell') return;
    const check = checkStemCellContacts(person.phone, choice.emergencyContacts);
    if (check.ok) return;
    const where = check.index === undefined ? '' : `.${check.index}.phone`;
    throw refused([{ path: `${path}.emergencyContacts${where}`, reason: check.reason }]);
  }

  private seal(choice: unknown): string {
    return this.ctx.protection.seal(JSON.stringify(choice), 'registration.details');
  }

  private openChoice(row: RegistrationRow): unknown {
    return JSON.parse(this.ctx.protection.open(row.details, 'registration.details'));
  }
}
