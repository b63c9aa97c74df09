import { tombstoneCovers } from '../../electron/sync/payload-check';
import type { HeldRegistration, RegistrationName } from '../db/repositories/people';
import { recordVersionsOf } from '../db/repositories/record-versions';
import { erasePayloads, erasureKey, erasuresOf, keepErasure, type ErasedRecord } from '../db/repositories/people-erasures';
import type { Executor } from '../db/repositories/executor';
import type { IncomingBatch } from '../db/repositories/take-batch';
import { applyPersonChange } from './apply-person-change';
import { BatchPeople } from './batch-people';
import { personChangeFacts, registrationFacts, type PersonChangeFacts, type RegistrationFacts } from './payloads';
import { refreshPersonFields } from './refresh-person';
import { resolvePerson } from './resolve-person';
import type { HubSealer } from './sealing';

/** A line of the batch with its payload as the station sent it (held in memory only, never stored in clear). */
export interface LineContent {
  lineSeq: number;
  entityKind: string;
  entityId: string;
  version: number;
  changedAt: string;
  payload: unknown;
}

/** Where the lines come from: the province and the station whose batch is being taken. */
export interface LineOrigin {
  provinceCode: string;
  stationCode: string;
}

/**
 * The step `takeBatch` runs once a batch's versions are stored (`IncomingBatch.afterStore`): in the batch's
 * order, each registration or person version stored now updates the province's people, and each tombstone
 * erases what it names.
 * A version that a tombstone already covers (it crossed its tombstone on the way) is erased as it lands.
 * A conflicting content of a covered version is not kept for review either. The registrations and people the
 * batch names are read together and its changes to them written together (`BatchPeople`).
 */
export function applyLinesToPeople(sealer: HubSealer, origin: LineOrigin, lines: readonly LineContent[]): NonNullable<IncomingBatch['afterStore']> {
  const contentOf = new Map(lines.map((line) => [line.lineSeq, line]));
  return async (trx, outcomes) => {
    const people = new BatchPeople(trx, sealer, origin.provinceCode);
    const erasedThrough = await erasuresOf(trx, origin.provinceCode, origin.stationCode, outcomes);
    const covered = (line: { entityKind: string; entityId: string; version: number }) =>
      line.version <= (erasedThrough.get(erasureKey(line.entityKind, line.entityId)) ?? 0);
    const accepted = outcomes.filter((outcome) => outcome.status === 'accepted').map((outcome) => contentOf.get(outcome.lineSeq));
    const factsOf = registrationFactsOf(accepted);
    const changesOf = personChangeFactsOf(accepted);
    await people.preload(
      origin.stationCode,
      [...factsOf.keys()].map((line) => line.entityId),
      [...factsOf.values(), ...changesOf.values()].map((facts) => facts.person),
    );
    for (const outcome of outcomes) {
      if (outcome.status === 'duplicate') continue;
      if (covered(outcome)) {
        await erasePayloads(trx, recordOf(origin, outcome.entityKind, outcome.entityId, outcome.version));
        continue;
      }
      if (outcome.status !== 'accepted') continue;
      const line = contentOf.get(outcome.lineSeq);
      if (!line) throw new Error(`line ${outcome.lineSeq} was stored without its content`);
      if (line.entityKind === 'tombstone') {
        for (const cover of tombstoneCovers(line.payload as Record<string, unknown>)) {
          const erased = recordOf(origin, cover.kind, cover.entityId, cover.throughVersion);
          await eraseRecord(trx, people, erased, line);
          const key = erasureKey(cover.kind, cover.entityId);
          erasedThrough.set(key, Math.max(erasedThrough.get(key) ?? 0, cover.throughVersion));
        }
      } else if (line.entityKind === 'person') {
        const facts = changesOf.get(line);
        if (facts) await applyPersonChange(people, { ...origin, entityId: line.entityId, version: line.version, changedAt: line.changedAt }, facts);
      } else {
        const facts = factsOf.get(line);
        if (facts) await applyRegistration(people, origin, line, facts);
      }
    }
    await people.flush();
  };
}

/** The facts of each registration line, read once: lines of other kinds, or without the facts' shape, are absent. */
function registrationFactsOf(lines: ReadonlyArray<LineContent | undefined>): Map<LineContent, RegistrationFacts> {
  const facts = new Map<LineContent, RegistrationFacts>();
  for (const line of lines) {
    if (line?.entityKind !== 'registration') continue;
    const read = registrationFacts(line.payload);
    if (read) facts.set(line, read);
  }
  return facts;
}

/** The facts of each `person` line (a contact change), read once: lines without the facts' shape are absent. */
function personChangeFactsOf(lines: ReadonlyArray<LineContent | undefined>): Map<LineContent, PersonChangeFacts> {
  const facts = new Map<LineContent, PersonChangeFacts>();
  for (const line of lines) {
    if (line?.entityKind !== 'person') continue;
    const read = personChangeFacts(line.payload);
    if (read) facts.set(line, read);
  }
  return facts;
}

function recordOf(origin: LineOrigin, entityKind: string, entityId: string, throughVersion: number): ErasedRecord {
  return { ...origin, entityKind, entityId, throughVersion };
}

/**
 * A registration version stored now. The registration follows its latest version: an older version that
 * arrives late (batches may cross) changes nothing but the first registration date.
 */
async function applyRegistration(people: BatchPeople, origin: LineOrigin, line: LineContent, facts: RegistrationFacts): Promise<void> {
  const name: RegistrationName = { ...origin, registrationId: line.entityId };
  const held = await people.registration(name);
  const registeredAt = held && held.registeredAt < line.changedAt ? held.registeredAt : line.changedAt;
  if (held && held.latestVersion > line.version) {
    if (registeredAt !== held.registeredAt) people.saveRegistration({ ...held, registeredAt });
    return;
  }
  const personKey = await resolvePerson(people, name, facts.person, line.changedAt);
  const latest: HeldRegistration = {
    stationCode: origin.stationCode,
    registrationId: line.entityId,
    personKey,
    stationPersonId: facts.stationPersonId,
    program: facts.program,
    state: facts.state,
    stemCellStatus: facts.stemCellStatus,
    followUpConsent: facts.followUpConsent,
    latestVersion: line.version,
    registeredAt,
    stateChangedAt: line.changedAt,
  };
  people.saveRegistration(latest);
  // A registration under review that now names its person as held (the station corrected it) leaves the list.
  if (held && held.personKey === null && personKey !== null) await people.deleteReviewOf(name);
  if (held?.personKey && held.personKey !== personKey) await erasePersonIfUnregistered(people, held.personKey);
}

/**
 * Erases a record a tombstone names (§5.4): its versions' payloads through the version named, now and as
 * they arrive; a contact change's review entry goes with it; a registration whose versions are all covered
 * leaves the people's tables with its review entries, and its person goes when nothing else is registered
 * to them.
 */
async function eraseRecord(trx: Executor, people: BatchPeople, record: ErasedRecord, tombstone: LineContent): Promise<void> {
  await keepErasure(trx, record, tombstone.entityId, tombstone.changedAt);
  await erasePayloads(trx, record);
  const name: RegistrationName = { provinceCode: record.provinceCode, stationCode: record.stationCode, registrationId: record.entityId };
  if (record.entityKind === 'person') await people.deleteReviewOf(name);
  if (record.entityKind !== 'registration') return;
  const held = await people.registration(name);
  if (!held || held.latestVersion > record.throughVersion) return;
  await people.deleteRegistration(name);
  // A person other registrations still hold keeps no detail that came only from what was erased.
  if (held.personKey && !(await erasePersonIfUnregistered(people, held.personKey))) await refreshPersonFields(people, held.personKey);
}

/**
 * Erases a person nothing is registered to any more. Registrations that waited for review because they
 * named the person's document with other details no longer meet anyone: each is resolved again from its
 * latest stored version, as if it arrived now.
 */
async function erasePersonIfUnregistered(people: BatchPeople, personKey: string): Promise<boolean> {
  const waiting = await people.registrationsUnderReviewFor(personKey);
  if (!(await people.deletePersonIfUnregistered(personKey))) return false;
  for (const name of waiting) await resolveAgain(people, name);
  return true;
}

async function resolveAgain(people: BatchPeople, name: RegistrationName): Promise<void> {
  const held = await people.registration(name);
  if (!held || held.personKey !== null) return;
  const versions = await recordVersionsOf(people.db, { provinceCode: name.provinceCode, stationCode: name.stationCode, entityKind: 'registration', entityId: name.registrationId });
  const sealed = versions.find((version) => version.version === held.latestVersion)?.sealedPayload;
  if (!sealed) return;
  const facts = registrationFacts(JSON.parse(people.sealer.openPayload(sealed)));
  if (!facts) return;
  const personKey = await resolvePerson(people, name, facts.person, held.stateChangedAt);
  people.saveRegistration({ ...held, personKey });
}
