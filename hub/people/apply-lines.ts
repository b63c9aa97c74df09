import type { Transaction } from 'kysely';
import { tombstoneCovers } from '../../electron/sync/payload-check';
import {
  deletePersonIfUnregistered,
  deleteRegistration,
  deleteReviewOf,
  registrationOf,
  registrationsUnderReviewFor,
  saveRegistration,
  type RegistrationName,
} from '../db/repositories/people';
import { recordVersionsOf } from '../db/repositories/record-versions';
import { erasePayloads, erasureKey, erasuresOf, keepErasure, type ErasedRecord } from '../db/repositories/people-erasures';
import type { IncomingBatch, RecordOutcome } from '../db/repositories/take-batch';
import type { HubDatabase } from '../db/schema';
import { registrationFacts } from './payloads';
import { resolvePerson } from './resolve-person';
import type { HubSealer } from './sealing';

type Trx = Transaction<HubDatabase>;

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
 * order, each version stored now updates the province's people, and each tombstone erases what it names.
 * A version that a tombstone already covers (it crossed its tombstone on the way) is erased as it lands.
 * A conflicting content of a covered version is not kept for review either.
 */
export function applyLinesToPeople(sealer: HubSealer, origin: LineOrigin, lines: readonly LineContent[]): NonNullable<IncomingBatch['afterStore']> {
  const contentOf = new Map(lines.map((line) => [line.lineSeq, line]));
  return async (trx, outcomes) => {
    const erasedThrough = await erasuresOf(trx, origin.provinceCode, origin.stationCode, outcomes);
    const covered = (line: { entityKind: string; entityId: string; version: number }) =>
      line.version <= (erasedThrough.get(erasureKey(line.entityKind, line.entityId)) ?? 0);
    for (const outcome of outcomes) {
      if (outcome.status === 'duplicate') continue;
      const record = recordOf(origin, outcome.entityKind, outcome.entityId, outcome.version);
      if (covered(outcome)) {
        await erasePayloads(trx, record);
        continue;
      }
      if (outcome.status !== 'accepted') continue;
      const line = contentOf.get(outcome.lineSeq);
      if (!line) throw new Error(`line ${outcome.lineSeq} was stored without its content`);
      if (line.entityKind === 'tombstone') {
        for (const cover of tombstoneCovers(line.payload as Record<string, unknown>)) {
          const erased = recordOf(origin, cover.kind, cover.entityId, cover.throughVersion);
          await eraseRecord(trx, sealer, erased, line);
          const key = erasureKey(cover.kind, cover.entityId);
          erasedThrough.set(key, Math.max(erasedThrough.get(key) ?? 0, cover.throughVersion));
        }
      } else if (line.entityKind === 'registration') {
        await applyRegistration(trx, sealer, origin, line);
      }
    }
  };
}

function recordOf(origin: LineOrigin, entityKind: string, entityId: string, throughVersion: number): ErasedRecord {
  return { ...origin, entityKind, entityId, throughVersion };
}

/**
 * A registration version stored now. The registration follows its latest version: an older version that
 * arrives late (batches may cross) changes nothing but the first registration date.
 */
async function applyRegistration(trx: Trx, sealer: HubSealer, origin: LineOrigin, line: LineContent): Promise<void> {
  const facts = registrationFacts(line.payload);
  if (!facts) return;
  const name: RegistrationName = { ...origin, registrationId: line.entityId };
  const held = await registrationOf(trx, name);
  const registeredAt = held && held.registeredAt < line.changedAt ? held.registeredAt : line.changedAt;
  if (held && held.latestVersion > line.version) {
    if (registeredAt !== held.registeredAt) await saveRegistration(trx, origin.provinceCode, { ...held, registeredAt }, true);
    return;
  }
  const personKey = await resolvePerson(trx, sealer, name, facts.person, line.changedAt);
  await saveRegistration(
    trx,
    origin.provinceCode,
    {
      stationCode: origin.stationCode,
      registrationId: line.entityId,
      personKey,
      stationPersonId: facts.stationPersonId,
      program: facts.program,
      state: facts.state,
      latestVersion: line.version,
      registeredAt,
      stateChangedAt: line.changedAt,
    },
    held !== undefined,
  );
  // A registration under review that now names its person as held (the station corrected it) leaves the list.
  if (held && held.personKey === null && personKey !== null) await deleteReviewOf(trx, name);
  if (held?.personKey && held.personKey !== personKey) await erasePersonIfUnregistered(trx, sealer, origin.provinceCode, held.personKey);
}

/**
 * Erases a record a tombstone names (§5.4): its versions' payloads through the version named, now and as
 * they arrive; a registration whose versions are all covered leaves the people's tables with its review
 * entries, and its person goes when nothing else is registered to them.
 */
async function eraseRecord(trx: Trx, sealer: HubSealer, record: ErasedRecord, tombstone: LineContent): Promise<void> {
  await keepErasure(trx, record, tombstone.entityId, tombstone.changedAt);
  await erasePayloads(trx, record);
  if (record.entityKind !== 'registration') return;
  const name: RegistrationName = { provinceCode: record.provinceCode, stationCode: record.stationCode, registrationId: record.entityId };
  const held = await registrationOf(trx, name);
  if (!held || held.latestVersion > record.throughVersion) return;
  await deleteRegistration(trx, name);
  if (held.personKey) await erasePersonIfUnregistered(trx, sealer, record.provinceCode, held.personKey);
}

/**
 * Erases a person nothing is registered to any more. Registrations that waited for review because they
 * named the person's document with other details no longer meet anyone: each is resolved again from its
 * latest stored version, as if it arrived now.
 */
async function erasePersonIfUnregistered(trx: Trx, sealer: HubSealer, provinceCode: string, personKey: string): Promise<void> {
  const waiting = await registrationsUnderReviewFor(trx, provinceCode, personKey);
  if (!(await deletePersonIfUnregistered(trx, provinceCode, personKey))) return;
  for (const name of waiting) await resolveAgain(trx, sealer, name);
}

async function resolveAgain(trx: Trx, sealer: HubSealer, name: RegistrationName): Promise<void> {
  const held = await registrationOf(trx, name);
  if (!held || held.personKey !== null) return;
  const versions = await recordVersionsOf(trx, { provinceCode: name.provinceCode, stationCode: name.stationCode, entityKind: 'registration', entityId: name.registrationId });
  const sealed = versions.find((version) => version.version === held.latestVersion)?.sealedPayload;
  if (!sealed) return;
  const facts = registrationFacts(JSON.parse(sealer.openPayload(sealed)));
  if (!facts) return;
  const personKey = await resolvePerson(trx, sealer, name, facts.person, held.stateChangedAt);
  await saveRegistration(trx, name.provinceCode, { ...held, personKey }, true);
}
