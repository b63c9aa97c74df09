import { randomUUID } from 'node:crypto';
import type { HubStore } from '../../../hub/db/open';
import { addStation } from '../../../hub/db/repositories/stations';
import type { PersonDetails } from '../../../hub/people/payloads';
import { HubSealer, SEALED_COLUMNS } from '../../../hub/people/sealing';
import { decideReview } from '../../../hub/review/decide-review';
import type { KeyRing } from '../../../electron/security/key-ring';
import { residentId } from '../../fixtures/registrations';
import { PROVINCE } from './batches';

/** The details a station held for a person, and the other name another station sent with the same document. */
export const HELD_DETAILS: PersonDetails = { name: '张晓明', documentKind: 'resident_id', documentNumber: residentId('530102', '19900307', '101'), birthDate: '1990-03-07', sex: 'male', ethnicGroup: '01', phone: '13812345678' };
export const SEEN_DETAILS: PersonDetails = { ...HELD_DETAILS, name: '张小明' };

/**
 * An open review entry about a contact change, written straight into `person_review` (no batch): enough for a
 * call that lists, reveals, keeps apart or undoes; confirming one needs the people's tables a real batch fills.
 */
export async function openReviewEntry(hub: HubStore, ring: KeyRing, seenAt = '2026-11-20T02:00:00.000Z'): Promise<number> {
  const sealer = new HubSealer(ring);
  await addStation(hub.db, { provinceCode: PROVINCE, code: 'DLM01', kind: 'university_station', regionCode: '532901', name: '大理州医院', registeredAt: seenAt });
  const personKey = randomUUID();
  await hub.db
    .insertInto('person')
    .values({ province_code: PROVINCE, person_key: personKey, sealed_fields: sealer.sealJson(HELD_DETAILS, SEALED_COLUMNS.personFields), created_at: seenAt, updated_at: seenAt })
    .execute();
  const row = await hub.db
    .insertInto('person_review')
    .values({
      province_code: PROVINCE,
      person_key: personKey,
      station_code: 'DLM01',
      registration_id: randomUUID(),
      record_kind: 'person',
      held_station_codes: 'KMU01',
      sealed_held: sealer.sealJson(HELD_DETAILS, SEALED_COLUMNS.reviewHeld),
      sealed_seen: sealer.sealJson(SEEN_DETAILS, SEALED_COLUMNS.reviewSeen),
      seen_at: seenAt,
      reviewed_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** A review entry kept apart already (by `by`): what an undo takes back. */
export async function decidedReviewEntry(hub: HubStore, ring: KeyRing, by: string): Promise<number> {
  const id = await openReviewEntry(hub, ring);
  const result = await decideReview(hub, new HubSealer(ring), PROVINCE, id, { decision: 'keep_apart', by, reason: 'two people' });
  if (!result.ok) throw new Error(`the entry was not decided: ${result.code}`);
  return id;
}
