import type { RegistrationName } from '../db/repositories/people';
import type { BatchPeople, KnownPerson } from './batch-people';
import type { PersonDetails } from './payloads';
import { SEALED_COLUMNS } from './sealing';

/** The details that tell one holder of a document from another: a document seen with others is not merged. */
export function sameHolder(held: PersonDetails, seen: PersonDetails): boolean {
  return (held.name ?? '').trim() === (seen.name ?? '').trim() && held.birthDate === seen.birthDate;
}

/** Whether two sets of details are the same in every field. */
export function sameDetails(held: PersonDetails, seen: PersonDetails): boolean {
  return JSON.stringify(held) === JSON.stringify(seen);
}

/** Whether details the station changed at `at` may replace the person's fields: an older change never replaces a newer one. */
export function replacesFields(held: KnownPerson, seen: PersonDetails, at: string): boolean {
  return at >= held.changedAt && !sameDetails(held.fields, seen);
}

/**
 * The provincial person a registration's details name, keyed by its document: found, or made when the
 * document is new. A document held with another name or birth date is merged by no guess: when another
 * station's registrations hold it, a review entry keeps both sides (sealed) and the answer is null; when
 * only this station holds it, the station amended its own details and the person's fields follow them.
 * Details changed at the station before the person's fields were last set (a version that arrives late)
 * never replace them. A registration the province confirmed as the person's (a standing `confirm_same`
 * decision on its entry) stays linked to them.
 */
export async function resolvePerson(people: BatchPeople, registration: RegistrationName, seen: PersonDetails, at: string): Promise<string | null> {
  const { sealer } = people;
  const candidates = people.personKeyCandidates(seen);
  const found = await people.personByKeys(candidates);
  if (!found) {
    const personKey = candidates[0] as string;
    people.savePerson(personKey, seen, at);
    return personKey;
  }
  const held = found.fields;
  if (sameHolder(held, seen)) {
    if (replacesFields(found, seen, at)) people.savePerson(found.personKey, seen, at);
    return found.personKey;
  }
  const otherStations = (await people.otherStationsOfPerson(found.personKey, registration)).filter((code) => code !== registration.stationCode);
  if (otherStations.length === 0) {
    if (replacesFields(found, seen, at)) people.savePerson(found.personKey, seen, at);
    return found.personKey;
  }
  // The province confirmed this registration as the person's: it stays linked, and the person keeps their fields.
  if ((await standingDecisionOf(people, registration, found.personKey)) === 'confirm_same') return found.personKey;
  await people.addReview({
    personKey: found.personKey,
    stationCode: registration.stationCode,
    registrationId: registration.registrationId,
    recordKind: 'registration',
    heldStationCodes: otherStations,
    sealedHeld: sealer.sealJson(held, SEALED_COLUMNS.reviewHeld),
    sealedSeen: sealer.sealJson(seen, SEALED_COLUMNS.reviewSeen),
    seenAt: at,
  });
  return null;
}

/** The standing decision of the review entry that holds this registration apart from the person, if any. */
async function standingDecisionOf(people: BatchPeople, registration: RegistrationName, personKey: string): Promise<string | null> {
  await people.flush();
  const row = await people.db
    .selectFrom('person_review')
    .select('decision')
    .where('province_code', '=', registration.provinceCode)
    .where('station_code', '=', registration.stationCode)
    .where('registration_id', '=', registration.registrationId)
    .where('person_key', '=', personKey)
    .where('record_kind', '=', 'registration')
    .executeTakeFirst();
  return row?.decision ?? null;
}
