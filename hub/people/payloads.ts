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
  person: PersonDetails;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** The facts of a `registration` payload, or null when it does not have their shape. */
export function registrationFacts(payload: unknown): RegistrationFacts | null {
  if (!isObject(payload) || !isObject(payload.person)) return null;
  const { personId, program, state } = payload;
  const person = payload.person;
  const name = text(person.name);
  const documentKind = text(person.documentKind);
  const documentNumber = text(person.documentNumber);
  const birthDate = text(person.birthDate);
  if (typeof personId !== 'string' || typeof program !== 'string' || typeof state !== 'string') return null;
  if (documentKind === null || documentNumber === null) return null;
  return {
    stationPersonId: personId,
    program,
    state,
    person: { name, documentKind, documentNumber: normalizeDocumentNumber(documentNumber), birthDate, sex: text(person.sex), ethnicGroup: text(person.ethnicGroup), phone: text(person.phone) },
  };
}
