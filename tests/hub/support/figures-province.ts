import type { HubStore } from '../../../hub/db/open';
import { addStation } from '../../../hub/db/repositories/stations';
import { PROVINCE } from './batches';

/**
 * A small province written straight into the hub's projections, with figures chosen so that each target is met,
 * missed or cannot be judged somewhere: Kunming (5301) grows 30 % on 2025, reaches its 1.5 % and has 95 %
 * satisfied; Dali (5329) has stem-cell volunteers of whom half consent to re-contact and nothing the year before.
 * The figures themselves are tested against real batches in figures.test.ts; these rows feed the tables built on them.
 */

/** The moment the tests read the figures: the year 2026 is over. */
export const AFTER_2026 = new Date('2027-01-15T02:00:00.000Z');

let registrationCount = 0;

async function registration(store: HubStore, stationCode: string, at: string, options: { program?: string; state?: string; withdrawnAt?: string; consent?: number | null } = {}) {
  registrationCount += 1;
  const personKey = `person-${registrationCount}`;
  await store.db.insertInto('person').values({ province_code: PROVINCE, person_key: personKey, sealed_fields: Buffer.from([0]), created_at: at, updated_at: at }).execute();
  const program = options.program ?? 'organ';
  await store.db
    .insertInto('person_registration')
    .values({
      province_code: PROVINCE,
      station_code: stationCode,
      registration_id: `registration-${registrationCount}`,
      person_key: personKey,
      station_person_id: `station-person-${registrationCount}`,
      program,
      state: options.state ?? 'active',
      latest_version: 1,
      registered_at: at,
      state_changed_at: options.withdrawnAt ?? at,
      stem_cell_status: program === 'stem_cell' ? 'in_registry' : null,
      follow_up_consent: program === 'stem_cell' ? (options.consent ?? null) : null,
    })
    .execute();
}

/** Writes the province described above. */
export async function seedFiguresProvince(store: HubStore): Promise<void> {
  const registeredAt = '2026-11-01T00:00:00.000Z';
  await addStation(store.db, { provinceCode: PROVINCE, code: 'KMU01', kind: 'university_station', regionCode: '530102', name: 'KMU01', registeredAt });
  await addStation(store.db, { provinceCode: PROVINCE, code: 'DLM01', kind: 'memorial_kiosk', regionCode: '532901', name: 'DLM01', registeredAt });

  // Kunming: 10 standing registrations in 2025, 13 in 2026 (one of them withdrawn in 2026 on top): +30 %.
  for (let day = 1; day <= 10; day += 1) await registration(store, 'KMU01', `2025-03-${String(day).padStart(2, '0')}T02:00:00.000Z`);
  for (let day = 1; day <= 13; day += 1) await registration(store, 'KMU01', `2026-03-${String(day).padStart(2, '0')}T02:00:00.000Z`, { program: day <= 2 ? 'body' : 'organ' });
  await registration(store, 'KMU01', '2026-04-01T02:00:00.000Z', { state: 'withdrawn', withdrawnAt: '2026-05-01T02:00:00.000Z' });
  // Dali: two stem-cell volunteers in 2026, one consenting to re-contact: 50 %, against 85 %.
  await registration(store, 'DLM01', '2026-06-01T02:00:00.000Z', { program: 'stem_cell', consent: 1 });
  await registration(store, 'DLM01', '2026-06-02T02:00:00.000Z', { program: 'stem_cell', consent: 0 });

  // Kunming's 1 000 people: 15 reached in 2026 meets 1.5 %; 19 of 20 answers satisfied meets 95 %.
  await store.db.insertInto('prefecture_population').values({ province_code: PROVINCE, prefecture_code: '5301', year: 2026, population: 1_000, set_at: registeredAt }).execute();
  await store.db
    .insertInto('activity_session')
    .values({ province_code: PROVINCE, station_code: 'KMU01', session_id: 'session-1', session_date: '2026-05-20', starts_at: '2026-05-20T02:00:00.000Z', state: 'scheduled', audience_kind: 'public', version: 1, changed_at: registeredAt })
    .execute();
  await store.db
    .insertInto('activity_attendance')
    .values({ province_code: PROVINCE, station_code: 'KMU01', entry_kind: 'group', entry_id: 'group-1', session_id: 'session-1', people: 15, recorded_at: registeredAt, version: 1 })
    .execute();
  await store.db
    .insertInto('activity_survey_answer')
    .values(
      Array.from({ length: 20 }, (_, index) => ({
        province_code: PROVINCE,
        station_code: 'KMU01',
        answer_id: `answer-${index}`,
        session_id: 'session-1',
        score: index === 0 ? 2 : 5,
        answered_at: registeredAt,
        version: 1,
      })),
    )
    .execute();
  await store.db
    .insertInto('activity_visit')
    .values({ province_code: PROVINCE, station_code: 'DLM01', visit_id: 'visit-1', visited_at: '2026-07-01T02:00:00.000Z', party_size: 3, purpose: 'memorial', version: 1 })
    .execute();
  await store.db
    .insertInto('batch')
    .values({
      province_code: PROVINCE,
      batch_id: 'batch-last',
      station_code: 'DLM01',
      batch_seq: 7,
      manifest_sha256: 'manifest-last',
      audit_seq: 1,
      audit_hash: 'audit',
      received_at: '2026-12-30T04:05:00.000Z',
      ack: null,
    })
    .execute();
}
