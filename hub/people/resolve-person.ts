import type { Executor } from '../db/repositories/executor';
import { addReview, insertPerson, otherStationsOfPerson, personByKeys, updatePersonFields, type RegistrationName } from '../db/repositories/people';
import type { PersonDetails } from './payloads';
import { SEALED_COLUMNS, type HubSealer } from './sealing';

/** The details that tell one holder of a document from another: a document seen with others is not merged. */
function sameHolder(held: PersonDetails, seen: PersonDetails): boolean {
  return (held.name ?? '').trim() === (seen.name ?? '').trim() && held.birthDate === seen.birthDate;
}

function sameDetails(held: PersonDetails, seen: PersonDetails): boolean {
  return JSON.stringify(held) === JSON.stringify(seen);
}

/**
 * The provincial person a registration's details name, keyed by its document: found, or made when the
 * document is new. A document held with another name or birth date is merged by no guess: when another
 * station's registrations hold it, a review entry keeps both sides (sealed) and the answer is null; when
 * only this station holds it, the station amended its own details and the person's fields follow them.
 */
export async function resolvePerson(
  db: Executor,
  sealer: HubSealer,
  registration: RegistrationName,
  seen: PersonDetails,
  at: string,
): Promise<string | null> {
  const { provinceCode } = registration;
  const candidates = sealer.personKeyCandidates(seen.documentKind, seen.documentNumber);
  const found = await personByKeys(db, provinceCode, candidates);
  const sealedSeen = () => sealer.sealJson(seen, SEALED_COLUMNS.personFields);
  if (!found) {
    const personKey = candidates[0] as string;
    await insertPerson(db, provinceCode, { personKey, sealedFields: sealedSeen() }, at);
    return personKey;
  }
  const held = sealer.openJson<PersonDetails>(found.sealedFields, SEALED_COLUMNS.personFields);
  if (sameHolder(held, seen)) {
    if (!sameDetails(held, seen)) await updatePersonFields(db, provinceCode, { personKey: found.personKey, sealedFields: sealedSeen() }, at);
    return found.personKey;
  }
  const otherStations = (await otherStationsOfPerson(db, provinceCode, found.personKey, registration)).filter((code) => code !== registration.stationCode);
  if (otherStations.length === 0) {
    await updatePersonFields(db, provinceCode, { personKey: found.personKey, sealedFields: sealedSeen() }, at);
    return found.personKey;
  }
  await addReview(db, provinceCode, {
    personKey: found.personKey,
    stationCode: registration.stationCode,
    registrationId: registration.registrationId,
    heldStationCodes: otherStations,
    sealedHeld: sealer.sealJson(held, SEALED_COLUMNS.reviewHeld),
    sealedSeen: sealer.sealJson(seen, SEALED_COLUMNS.reviewSeen),
    seenAt: at,
  });
  return null;
}
