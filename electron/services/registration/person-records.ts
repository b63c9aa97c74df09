import type { CallOutput, ParsedInput } from '../../../shared/contract/calls';
import type { ConsentPurpose } from '../../../shared/domain/consents';
import { maskDocumentNumber, maskName, maskPhone } from '../../../shared/domain/masking';
import type { Program } from '../../../shared/domain/programs';
import { addCalendarDays } from '../../../shared/domain/age';
import type { FollowUpOutcome, RegistrationChannel } from '../../../shared/domain/registration';
import { formatRegistrationNumber, parseRegistrationNumber } from '../../../shared/domain/registration-number';
import { documentKinds, normalizeDocumentNumber } from '../../../shared/validation/identity-document';
import { checkPersonName } from '../../../shared/validation/person-name';
import type { PersonRow, RegistrationRow } from '../../db/rows';
import type { Executor } from '../../db/repositories/executor';
import {
  currentConsents,
  findPeopleByNameKeys,
  findPersonByDocumentKeys,
  findPersonById,
  personVersions,
  signaturesOf,
  standingRefusal,
} from '../../db/repositories/people';
import { documentsOfPerson } from '../../db/repositories/documents';
import { pendingHeldChanges } from '../../db/repositories/kiosk-held-changes';
import { findRegistrationByNumber, followUpsOf, registrationsOf, registrationVersions } from '../../db/repositories/registrations';
import type { Actor } from '../kernel/audit';
import type { DataProtection } from '../kernel/data-protection';
import { AppError } from '../kernel/errors';
import { documentKeys, nameKeys, openPersonal, openVersionPersonal, openVersionReason } from './person-registry';
import { heardFromViews } from './registration-sources';
import type { StationContext } from '../kernel/context';

type PersonRecord = CallOutput<'person:get'>;
type ChoiceView = PersonRecord['registrations'][number]['choice'];
type SearchResults = CallOutput<'registration:search'>;
/** A program choice as the registration service stores it (the parsed contract input). */
type StoredChoice = ParsedInput<'registration:create'>['programs'][number];

const MAX_SEARCH_RESULTS = 20;

/** A stored choice as staff read it: names of third parties and their numbers masked. */
function maskChoice(choice: StoredChoice): ChoiceView {
  if (choice.program === 'stem_cell') {
    return {
      ...choice,
      emergencyContacts: choice.emergencyContacts.map((contact) => ({ ...contact, name: maskName(contact.name), phone: maskPhone(contact.phone) })),
    };
  }
  if (choice.program === 'body' && choice.paperwork) {
    const { executor, relatives, noCloseRelatives } = choice.paperwork;
    return {
      program: 'body',
      paperwork: {
        // A unit or community executor is an organisation, whose name is not personal data.
        executor: {
          kind: executor.kind,
          name: executor.document === null ? executor.name : maskName(executor.name),
          phone: maskPhone(executor.phone),
          document: executor.document === null ? null : maskDocumentNumber(executor.document.number),
        },
        relatives: relatives.map((relative) => ({ ...relative, name: maskName(relative.name) })),
        noCloseRelatives,
      },
    };
  }
  return choice as ChoiceView;
}

function openChoice(protection: DataProtection, sealed: string, context: 'registration.details' | 'registration_version.details'): ChoiceView {
  // A version's details also keep how the person heard of donation, which the record shows on its own.
  const { heardFrom: _heardFrom, ...choice } = JSON.parse(protection.open(sealed, context)) as StoredChoice & { heardFrom?: unknown };
  return maskChoice(choice as StoredChoice);
}

/**
 * What staff read of a person: the record with its full history, masked; search; and the audited
 * reveal of one full value. Opening a record is audited too, as every view of personal data is.
 */
export class PersonRecords {
  constructor(private readonly ctx: StationContext) {}

  /** Opens a person's record for staff; audited. */
  async get(personId: string, actor: Actor): Promise<PersonRecord> {
    const station = await this.ctx.station.require();
    const record = await this.read(this.ctx.db, personId);
    await this.ctx.audit.record({ actor, stationCode: station.code, action: 'view', objectType: 'person', objectId: personId });
    return record;
  }

  /** The record as it stands, read inside a transaction or not; not audited (callers are). */
  async read(db: Executor, personId: string): Promise<PersonRecord> {
    const person = await findPersonById(db, personId);
    if (!person) throw new AppError('not_found');
    const personal = openPersonal(this.ctx.protection, person);
    const [versions, consents, signatures, refusal, registrations, staffNames, settings, documents, held] = await Promise.all([
      personVersions(db, personId),
      currentConsents(db, personId),
      signaturesOf(db, personId),
      standingRefusal(db, personId),
      registrationsOf(db, [personId]),
      this.staffNames(db),
      this.ctx.settings.registration(db),
      documentsOfPerson(db, personId),
      pendingHeldChanges(db, personId),
    ]);
    const ids = registrations.map((row) => row.id);
    const [history, followUps, sources] = await Promise.all([registrationVersions(db, ids), followUpsOf(db, ids), heardFromViews(db, registrations)]);
    const actorName = (id: string | null) => (id === null ? null : (staffNames.get(id) ?? null));
    return {
      id: person.id,
      version: person.version,
      name: maskName(personal.name),
      documentKind: personal.documentKind,
      document: maskDocumentNumber(personal.documentNumber),
      phone: maskPhone(personal.phone),
      birthDate: personal.birthDate,
      sex: personal.sex,
      ethnicGroup: personal.ethnicGroup,
      createdAt: person.created_at,
      consents: consents.map((row) => ({ purpose: row.purpose as ConsentPurpose, granted: row.granted === 1, textVersion: row.text_version, at: row.at })),
      signatures: signatures.map((row) => ({ id: row.id, kind: row.kind as 'drawn' | 'paper', at: row.at })),
      refusal: refusal
        ? { id: refusal.id, recordedAt: refusal.recorded_at, statement: this.ctx.protection.openOptional(refusal.statement, 'refusal.statement') }
        : null,
      heldChanges: held.map((row) => ({ id: row.id, heldAt: row.held_at, phone: maskPhone(this.ctx.protection.open(row.phone, 'kiosk_held_change.phone')) })),
      history: versions.map((row) => {
        const fields = openVersionPersonal(this.ctx.protection, row.personal);
        return { version: row.version, at: row.at, actorName: actorName(row.actor_id), name: maskName(fields.name), phone: maskPhone(fields.phone), reason: openVersionReason(this.ctx.protection, row.reason) };
      }),
      registrations: registrations.map((row) => ({
        id: row.id,
        number: row.number,
        program: row.program as Program,
        state: row.state,
        version: row.version,
        channel: row.channel as RegistrationChannel,
        createdAt: row.created_at,
        realisedOn: row.realised_on,
        heardFrom: sources.get(row.id) ?? null,
        choice: openChoice(this.ctx.protection, row.details, 'registration.details'),
        stemCell:
          row.program === 'stem_cell'
            ? {
                status: row.stem_cell_status ?? 'signed_up',
                sampleBarcode: row.sample_barcode,
                coolingOffUntil: addCalendarDays(row.registered_on, settings.coolingOffDays),
                typingStopped: row.typing_stopped === 1,
              }
            : null,
        history: history
          .filter((version) => version.registration_id === row.id)
          .map((version) => ({
            version: version.version,
            event: version.event,
            at: version.at,
            actorName: actorName(version.actor_id),
            state: version.state,
            choice: openChoice(this.ctx.protection, version.details, 'registration_version.details'),
            note: this.ctx.protection.openOptional(version.note, 'registration_version.note'),
          })),
        followUps: followUps
          .filter((call) => call.registration_id === row.id)
          .map((call) => ({ at: call.at, actorName: actorName(call.actor_id), outcome: call.outcome as FollowUpOutcome, note: this.ctx.protection.openOptional(call.note, 'follow_up.note') })),
      })),
      documents: documents.map((row) => ({
        id: row.id,
        serial: row.serial,
        kind: row.kind,
        state: row.state,
        registrationId: row.subject_type === 'registration' ? row.subject_id : null,
        issuedAt: row.issued_at,
      })),
    };
  }

  /**
   * Finds people by registration number, document number (any kind) or exact full name, in that
   * order of readings. Results are masked; the search is audited without its query, which may itself
   * be personal data.
   */
  async search(input: ParsedInput<'registration:search'>, actor: Actor): Promise<SearchResults> {
    const station = await this.ctx.station.require();
    const { matchedBy, people } = await this.find(input.query);
    const registrations = await registrationsOf(this.ctx.db, people.map((person) => person.id));
    const refusals = await Promise.all(people.map((person) => standingRefusal(this.ctx.db, person.id)));
    await this.ctx.audit.record({ actor, stationCode: station.code, action: 'view', objectType: 'search', detail: { matchedBy, count: people.length } });
    return {
      matchedBy,
      results: people.map((person, index) => {
        const personal = openPersonal(this.ctx.protection, person);
        return {
          personId: person.id,
          name: maskName(personal.name),
          documentKind: personal.documentKind,
          document: maskDocumentNumber(personal.documentNumber),
          refusal: refusals[index] !== undefined,
          registrations: registrations.filter((row) => row.person_id === person.id).map(summary),
        };
      }),
    };
  }

  private async find(query: string): Promise<{ matchedBy: SearchResults['matchedBy']; people: PersonRow[] }> {
    const number = parseRegistrationNumber(query);
    if (number) {
      const registration = await findRegistrationByNumber(this.ctx.db, formatRegistrationNumber(number.stationCode, number.year, number.sequence));
      const person = registration ? await findPersonById(this.ctx.db, registration.person_id) : undefined;
      return { matchedBy: 'registration_number', people: person ? [person] : [] };
    }
    const documentNumber = normalizeDocumentNumber(query);
    if (/\d/.test(documentNumber) && /^[0-9A-Z]{5,}$/.test(documentNumber)) {
      const keys = documentKinds.flatMap((kind) => documentKeys(this.ctx.protection, kind, documentNumber));
      const person = await findPersonByDocumentKeys(this.ctx.db, keys);
      return { matchedBy: 'document', people: person ? [person] : [] };
    }
    const name = checkPersonName(query);
    if (name.ok) return { matchedBy: 'name', people: await findPeopleByNameKeys(this.ctx.db, nameKeys(this.ctx.protection, name.value), MAX_SEARCH_RESULTS) };
    return { matchedBy: 'none', people: [] };
  }

  /** One full value of a person's record; audited with the field, never the value. */
  async reveal(input: ParsedInput<'person:reveal'>, actor: Actor): Promise<CallOutput<'person:reveal'>> {
    const station = await this.ctx.station.require();
    const person = await findPersonById(this.ctx.db, input.personId);
    if (!person) throw new AppError('not_found');
    const personal = openPersonal(this.ctx.protection, person);
    const value = input.field === 'name' ? personal.name : input.field === 'document' ? personal.documentNumber : personal.phone;
    await this.ctx.audit.record({ actor, stationCode: station.code, action: 'view_unmasked', objectType: 'person', objectId: person.id, detail: { field: input.field } });
    return { personId: person.id, field: input.field, value };
  }

  /** The person's latest drawn signature; audited like any full value. */
  async signature(personId: string, actor: Actor): Promise<CallOutput<'person:signature'>> {
    const station = await this.ctx.station.require();
    const drawn = (await signaturesOf(this.ctx.db, personId)).find((row) => row.kind === 'drawn');
    if (!drawn) throw new AppError('not_found');
    await this.ctx.audit.record({ actor, stationCode: station.code, action: 'view_unmasked', objectType: 'person', objectId: personId, detail: { field: 'signature' } });
    return { id: drawn.id, image: this.ctx.protection.openOptional(drawn.image, 'signature.image') };
  }

  private async staffNames(db: Executor): Promise<Map<string, string>> {
    const rows = await db.selectFrom('staff').select(['id', 'display_name']).execute();
    return new Map(rows.map((row) => [row.id, row.display_name]));
  }
}

/** A registration as lists show it. */
export function summary(row: RegistrationRow) {
  return { id: row.id, number: row.number, program: row.program as Program, state: row.state, version: row.version };
}
