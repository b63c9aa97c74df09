import { normalizeDocumentNumber } from '../../shared/validation/identity-document';

/**
 * The facts the hub reads from `registration` payloads (docs/sync-protocol.md §5.3), from payloads whose fields
 * the line's check (`payloadProblem`) has passed already; anything else reads as null.
 */

/** The personal details a registration carries, as the hub keeps them: the document number normalised as the station does. */
export interface PersonDetails {
  name: string | null;
  documentKind: string;
  documentNumber: string;
  birthDate: string | null;
  sex: string | null;
  ethnicGroup: string | null;
  phone: string | null;
}

/** A registration version: one program of one person, its state and its person's details. */
export interface RegistrationFacts {
  stationPersonId: string;
  program: string;
  state: string;
  /** `stemCellStatus`; null for other programs. */
  stemCellStatus: string | null;
  /** The person's current `follow_up_contact` consent; null when the version carries none. */
  followUpConsent: boolean | null;
  person: PersonDetails;
}

/** A `person` version (a contact change at a station): the station's person and their details as amended. */
export interface PersonChangeFacts {
  stationPersonId: string;
  person: PersonDetails;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** A person's details as a payload carries them, or null without a document. */
function personDetails(person: Record<string, unknown>): PersonDetails | null {
  const documentKind = text(person.documentKind);
  const documentNumber = text(person.documentNumber);
  if (documentKind === null || documentNumber === null || documentNumber === '') return null;
  return {
    name: text(person.name),
    documentKind,
    documentNumber: normalizeDocumentNumber(documentNumber),
    birthDate: text(person.birthDate),
    sex: text(person.sex),
    ethnicGroup: text(person.ethnicGroup),
    phone: text(person.phone),
  };
}

/**
 * The `follow_up_contact` consent among a version's current consents: the latest given (by its `at`) when
 * the list names the purpose more than once; null when it names it not at all.
 */
function followUpConsent(consents: unknown): boolean | null {
  if (!Array.isArray(consents)) return null;
  let latest: { granted: boolean; at: string } | null = null;
  for (const consent of consents) {
    if (!isObject(consent) || consent.purpose !== 'follow_up_contact' || typeof consent.granted !== 'boolean') continue;
    const at = text(consent.at) ?? '';
    if (latest === null || at >= latest.at) latest = { granted: consent.granted, at };
  }
  return latest?.granted ?? null;
}

/** The facts of a `registration` payload, or null when it does not have their shape. */
export function registrationFacts(payload: unknown): RegistrationFacts | null {
  if (!isObject(payload) || !isObject(payload.person)) return null;
  const { personId, program, state } = payload;
  const person = personDetails(payload.person);
  if (typeof personId !== 'string' || typeof program !== 'string' || typeof state !== 'string') return null;
  if (person === null) return null;
  return {
    stationPersonId: personId,
    program,
    state,
    stemCellStatus: program === 'stem_cell' ? text(payload.stemCellStatus) : null,
    followUpConsent: followUpConsent(payload.consents),
    person,
  };
}

/** The facts of a `person` payload (§5.3: `id`, `version`, `person`, `at`), or null when it does not have their shape. */
export function personChangeFacts(payload: unknown): PersonChangeFacts | null {
  if (!isObject(payload) || !isObject(payload.person) || typeof payload.id !== 'string') return null;
  const person = personDetails(payload.person);
  return person === null ? null : { stationPersonId: payload.id, person };
}
