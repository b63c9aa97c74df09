import { recordVersionsOf } from '../db/repositories/record-versions';
import type { BatchPeople } from './batch-people';
import { personChangeFacts, registrationFacts, type PersonDetails } from './payloads';

/** Details a stored version carries, with the station's moment of the change. */
interface DatedDetails {
  details: PersonDetails;
  changedAt: string;
}

/**
 * Sets a person's fields again from what still stands, once a tombstone erased one station's records of
 * them: the most recent (by the stations' `changedAt`) of the latest version of each registration still
 * linked to them and the latest contact change of each of those stations' people, leaving out a contact
 * change waiting for review. Details that came only from the erased records leave the person with them.
 */
export async function refreshPersonFields(people: BatchPeople, personKey: string): Promise<void> {
  // Read into the batch first, so that setting the fields replaces a held person rather than adding one.
  if (!(await people.personByKeys([personKey]))) return;
  const registrations = await people.registrationsOfPerson(personKey);
  const underReview = new Set((await people.registrationsUnderReviewFor(personKey)).map((name) => recordKey(name.stationCode, name.registrationId)));
  let newest: DatedDetails | undefined;
  const consider = (found: DatedDetails | undefined) => {
    if (found && (!newest || found.changedAt > newest.changedAt)) newest = found;
  };
  const stationPeople = new Map<string, { stationCode: string; stationPersonId: string }>();
  for (const registration of registrations) {
    consider(await latestDetails(people, registration.stationCode, 'registration', registration.registrationId, registration.latestVersion));
    stationPeople.set(recordKey(registration.stationCode, registration.stationPersonId), registration);
  }
  for (const [key, { stationCode, stationPersonId }] of stationPeople) {
    if (!underReview.has(key)) consider(await latestDetails(people, stationCode, 'person', stationPersonId));
  }
  if (newest) people.savePerson(personKey, newest.details, newest.changedAt);
}

function recordKey(stationCode: string, entityId: string): string {
  return `${stationCode}\u0000${entityId}`;
}

/**
 * The details of a record's version as stored: the one named, or the highest one still holding its payload.
 * Undefined when it holds none (erased) or its payload lacks the shape.
 */
async function latestDetails(people: BatchPeople, stationCode: string, entityKind: 'registration' | 'person', entityId: string, version?: number): Promise<DatedDetails | undefined> {
  const versions = await recordVersionsOf(people.db, { provinceCode: people.provinceCode, stationCode, entityKind, entityId });
  const held = versions.filter((stored) => stored.sealedPayload !== null && (version === undefined || stored.version === version)).at(-1);
  if (!held?.sealedPayload) return undefined;
  const payload: unknown = JSON.parse(people.sealer.openPayload(held.sealedPayload));
  const details = entityKind === 'registration' ? registrationFacts(payload)?.person : personChangeFacts(payload)?.person;
  return details ? { details, changedAt: held.changedAt } : undefined;
}
