import type { Executor } from '../../../hub/db/repositories/executor';
import { addStation, addStationKey } from '../../../hub/db/repositories/stations';
import { PROVINCE, registerStation } from './batches';
import { kmu01Key, uuid, ynu02Key, type Line } from './crafted-batches';

/**
 * Donor-family care as stations send it (§5.3 of the sync protocol): lines for families, their years of care
 * and aid cases, built as a station would, to go through the hub's real ingest path in a crafted batch; and the
 * two stations that send them, each with its key.
 */

/** Registers a university station of Kunming (KMU01) and a memorial park of Dali (DLM01), each with its test key. */
export async function registerCareStations(db: Executor): Promise<void> {
  await registerStation(db, 'KMU01');
  // A memorial park of Dali, sending with the second test key.
  await addStation(db, { provinceCode: PROVINCE, code: 'DLM01', kind: 'memorial_kiosk', regionCode: '532901', name: 'DLM01', registeredAt: '2026-11-01T00:00:00.000Z' });
  await registerCareStationKeys(db);
}

/** Registers the test keys KMU01 and DLM01 send with, for stations already on file. */
export async function registerCareStationKeys(db: Executor): Promise<void> {
  await addStationKey(db, { provinceCode: PROVINCE, stationCode: 'KMU01', publicKeySpki: kmu01Key.publicKey.export({ type: 'spki', format: 'der' }), registeredAt: '2026-11-01T00:00:00.000Z' });
  await addStationKey(db, { provinceCode: PROVINCE, stationCode: 'DLM01', publicKeySpki: ynu02Key.publicKey.export({ type: 'spki', format: 'der' }), registeredAt: '2026-11-01T00:00:00.000Z' });
}

/** How a batch is sent from Dali's station (`craftedBatch`'s options); Kunming's is the default. */
export const daliSender = { stationCode: 'DLM01', key: ynu02Key.privateKey };

/** A donor family's version as the station sends it (§5.3): codes, days and counts, never a person. */
export function familyLine(seq: number, family: number, version: number, options: { openedAt: string; doNotContact?: boolean; contactConsent?: boolean }): Line {
  const consents = options.contactConsent === undefined ? [] : [{ purpose: 'contact', granted: options.contactConsent, textVersion: '2026-12', givenOn: options.openedAt.slice(0, 10) }];
  return {
    seq,
    kind: 'donor_family',
    entityId: uuid(family),
    version,
    payload: {
      id: uuid(family),
      stationCode: 'KMU01',
      registrationId: uuid(5000 + family),
      donatedOn: '2026-01-20',
      doNotContact: options.doNotContact ?? false,
      consents: [{ purpose: 'name_engraving', granted: true, textVersion: '2026-12', givenOn: '2026-02-01' }, ...consents],
      memberCount: 3,
      openedAt: options.openedAt,
      version,
    },
  };
}

/** A family's care in a year: contacts by kind, follow-ups and invitations. */
export function careYearLine(seq: number, record: number, family: number, year: number, version: number, counts: { contacts?: Record<string, number>; invitations?: number; accepted?: number; attended?: number }): Line {
  return {
    seq,
    kind: 'family_care_year',
    entityId: uuid(record),
    version,
    payload: {
      id: uuid(record),
      familyId: uuid(family),
      stationCode: 'KMU01',
      year,
      contacts: counts.contacts ?? {},
      followUpsDone: 1,
      followUpsStopped: 0,
      invitations: counts.invitations ?? 0,
      accepted: counts.accepted ?? 0,
      attended: counts.attended ?? 0,
      version,
    },
  };
}

/** An aid case at one step of its chain; `applicantName` is a field no station sends, there to show the hub keeps nothing of it. */
export function aidLine(
  seq: number,
  aidCase: number,
  family: number,
  version: number,
  options: { programme: string; state: string; appliedAt: string; grantedFen?: number | null; paidOn?: string | null; applicantName?: string },
): Line {
  const steps = [{ step: 'application', at: options.appliedAt, by: 'staff-1', outcome: 'recorded' }];
  if (options.paidOn) steps.push({ step: 'payment', at: `${options.paidOn}T02:00:00.000Z`, by: 'staff-2', outcome: 'recorded' });
  return {
    seq,
    kind: 'aid_case',
    entityId: uuid(aidCase),
    version,
    payload: {
      id: uuid(aidCase),
      stationCode: 'KMU01',
      familyId: uuid(family),
      registrationId: uuid(5000 + family),
      programme: options.programme,
      causeKey: options.programme,
      amountAskedFen: 500_000,
      amountGrantedFen: options.grantedFen ?? null,
      state: options.state,
      version,
      steps,
      noticeFrom: null,
      noticeTo: null,
      paidOn: options.paidOn ?? null,
      paymentMethod: options.paidOn ? 'bank_transfer' : null,
      documentsSeen: ['id_card'],
      recipientRelation: options.paidOn ? '10' : null,
      ...(options.applicantName ? { applicantName: options.applicantName } : {}),
    },
  };
}
