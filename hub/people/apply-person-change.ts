import type { RegistrationName } from '../db/repositories/people';
import { recordVersionsOf } from '../db/repositories/record-versions';
import type { BatchPeople } from './batch-people';
import type { PersonChangeFacts } from './payloads';
import { replacesFields, sameHolder } from './resolve-person';
import { SEALED_COLUMNS } from './sealing';

/** A `person` version as the people's step applies it: where it came from, which version, when the station made it. */
export interface PersonChangeLine {
  provinceCode: string;
  stationCode: string;
  entityId: string;
  version: number;
  changedAt: string;
}

/**
 * A `person` version stored now (docs/sync-protocol.md §5.3): a name or phone amended at a station. The
 * provincial person of the document takes the amended details when the version is the latest of its record
 * and no change the person's fields were set from is more recent (by the stations' `changedAt`), so a version
 * that arrives late changes nothing.
 *
 * A new name or birth date is never merged by guess: when another station's registrations hold the person,
 * the change goes to the review list (a `person` entry, both sides sealed) and the person's fields stay as
 * they are; a later version of the record that agrees with them again drops the entry. When only this
 * station holds the person, it amended its own details and the fields follow them.
 *
 * A document the hub holds no person for (its registrations not arrived yet, or erased) makes no person:
 * people come from registrations only.
 */
export async function applyPersonChange(people: BatchPeople, line: PersonChangeLine, facts: PersonChangeFacts): Promise<void> {
  const found = await people.personByKeys(people.personKeyCandidates(facts.person));
  if (!found) return;
  if (await isSuperseded(people, line)) return;
  const record: RegistrationName = { provinceCode: line.provinceCode, stationCode: line.stationCode, registrationId: line.entityId };
  const seen = facts.person;
  const otherStations = sameHolder(found.fields, seen)
    ? []
    : (await people.otherStationsOfPerson(found.personKey, record)).filter((code) => code !== line.stationCode);
  await people.deleteReviewOf(record);
  if (otherStations.length === 0) {
    if (replacesFields(found, seen, line.changedAt)) people.savePerson(found.personKey, seen, line.changedAt);
    return;
  }
  await people.addReview({
    personKey: found.personKey,
    stationCode: line.stationCode,
    registrationId: line.entityId,
    recordKind: 'person',
    heldStationCodes: otherStations,
    sealedHeld: people.sealer.sealJson(found.fields, SEALED_COLUMNS.reviewHeld),
    sealedSeen: people.sealer.sealJson(seen, SEALED_COLUMNS.reviewSeen),
    seenAt: line.changedAt,
  });
}

/** Whether a later version of the same `person` record is held already (batches may cross): the later one decides. */
async function isSuperseded(people: BatchPeople, line: PersonChangeLine): Promise<boolean> {
  const held = await recordVersionsOf(people.db, { provinceCode: line.provinceCode, stationCode: line.stationCode, entityKind: 'person', entityId: line.entityId });
  return held.some((version) => version.version > line.version);
}
