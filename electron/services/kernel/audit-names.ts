import type { Executor } from '../../db/repositories/executor';
import {
  documentSerials,
  familyRegistrationNumbers,
  personOfRecords,
  personRegistrationNumbers,
  registrationNumbers,
  sessionTitles,
  staffUsernames,
  type NameMap,
} from '../../db/repositories/audit-object-names';

/** What an audit entry names: its object's kind and identifier as the trail recorded them. */
export interface AuditObjectRef {
  objectType: string | null;
  objectId: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A generated identifier cut to its first eight characters; any other identifier (a code, a batch id, a file) as recorded. */
export function shortObjectId(id: string): string {
  return UUID.test(id) ? id.slice(0, 8) : id;
}

function idsOf(refs: readonly AuditObjectRef[], type: string): string[] {
  const ids = refs.filter((ref) => ref.objectType === type && ref.objectId !== null).map((ref) => ref.objectId!);
  return [...new Set(ids)];
}

/**
 * The name a reader knows each entry's object by: a registration number, a document serial, a staff
 * username, a session's title, a person's registration numbers (never a name: the trail must not reveal
 * who someone is). Resolved when the trail is read, because entries are hash-chained and never change;
 * an object with no such name (or no longer found) is shown by a short form of its identifier.
 */
export async function nameAuditObjects(db: Executor, refs: readonly AuditObjectRef[]): Promise<(string | null)[]> {
  const refusalPeople = await personOfRecords(db, 'refusal', idsOf(refs, 'refusal'));
  const heldChangePeople = await personOfRecords(db, 'kiosk_held_change', idsOf(refs, 'kiosk_held_change'));
  const personIds = new Set([...idsOf(refs, 'person'), ...refusalPeople.values(), ...heldChangePeople.values()]);
  const numbersOfPerson = await personRegistrationNumbers(db, [...personIds]);
  const personName = (personId: string | undefined) => (personId === undefined ? undefined : numbersOfPerson.get(personId)?.join(', '));

  const lookups: Record<string, NameMap> = {
    registration: await registrationNumbers(db, idsOf(refs, 'registration')),
    document: await documentSerials(db, idsOf(refs, 'document')),
    staff: await staffUsernames(db, idsOf(refs, 'staff')),
    education_session: await sessionTitles(db, idsOf(refs, 'education_session')),
    donor_family: await familyRegistrationNumbers(db, idsOf(refs, 'donor_family')),
  };

  return refs.map(({ objectType, objectId }) => {
    if (objectId === null) return null;
    const named =
      objectType === 'person'
        ? personName(objectId)
        : objectType === 'refusal'
          ? personName(refusalPeople.get(objectId))
          : objectType === 'kiosk_held_change'
            ? personName(heldChangePeople.get(objectId))
            : objectType === null
              ? undefined
              : lookups[objectType]?.get(objectId);
    return named ?? shortObjectId(objectId);
  });
}
