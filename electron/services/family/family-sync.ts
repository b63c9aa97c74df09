import { randomUUID } from 'node:crypto';
import { careYearCounts, consentsOf, membersOf, nextCareYearVersion, type DonorFamilyRow } from '../../db/repositories/family';
import type { Executor } from '../../db/repositories/executor';
import type { DataProtection } from '../kernel/data-protection';
import { queueForSync } from '../kernel/outbox';
import { standingConsents } from './family-records';

/**
 * What the province learns of donor families (docs/sync-protocol.md §5.3): that a family is cared for,
 * what it consents to and how it is cared for in a year. Never a name, phone, address or a note of needs:
 * the payloads are built from counts and codes only.
 */

/** Queues the family's current version as a `donor_family` record, in the transaction that changed it. */
export async function queueDonorFamily(trx: Executor, protection: DataProtection, family: DonorFamilyRow, at: string): Promise<void> {
  const consents = standingConsents(await consentsOf(trx, family.id));
  const members = await membersOf(trx, family.id);
  await queueForSync(trx, protection, {
    kind: 'donor_family',
    entityId: family.id,
    version: family.version,
    payload: {
      id: family.id,
      stationCode: family.station_code,
      registrationId: family.registration_id,
      donatedOn: family.donated_on,
      doNotContact: family.do_not_contact === 1,
      consents: consents.map((consent) => ({
        purpose: consent.purpose,
        granted: consent.granted === 1,
        textVersion: consent.text_version,
        givenOn: consent.given_on,
      })),
      memberCount: members.length,
      openedAt: family.opened_at,
      version: family.version,
    },
    createdAt: at,
    recordCreatedAt: family.opened_at,
  });
}

/** Queues a new version of the family's care summary of `year`: contacts by kind, follow-ups, invitations. */
export async function queueCareYear(trx: Executor, protection: DataProtection, family: Pick<DonorFamilyRow, 'id' | 'station_code'>, year: number, at: string): Promise<void> {
  const record = await nextCareYearVersion(trx, family.id, year, randomUUID());
  const counts = await careYearCounts(trx, family.id, year);
  await queueForSync(trx, protection, {
    kind: 'family_care_year',
    entityId: record.id,
    version: record.version,
    payload: { id: record.id, familyId: family.id, stationCode: family.station_code, year, ...counts, version: record.version },
    createdAt: at,
  });
}
