import { describe, expect, it } from 'vitest';
import { stationDate } from '../../../shared/domain/age';
import { insertRows, migrateTo, migrationBefore, personRow, registrationRow, tableRows, useMigrationDatabases } from '../../fixtures/migration-db';

const { openEmpty } = useMigrationDatabases();

type Row = Record<string, unknown>;

/** The station's calendar day (Beijing) of an instant. */
function beijingDay(instant: string): string {
  return stationDate(new Date(instant));
}

/** The station code of a registration number (`KMU01-2026-R000123`). */
function stationOf(number: string): string {
  return number.slice(0, number.indexOf('-'));
}

/** Rows of one tally counted again: `key` gives each record's key columns, `add` what it adds to them. */
function countBy<T>(records: T[], key: (record: T) => Row, add: (record: T) => Record<string, number>): Row[] {
  const tallies = new Map<string, Row>();
  for (const record of records) {
    const columns = key(record);
    const id = JSON.stringify(columns);
    const tally = tallies.get(id) ?? { ...columns, ...Object.fromEntries(Object.keys(add(record)).map((name) => [name, 0])) };
    for (const [name, amount] of Object.entries(add(record))) tally[name] = (tally[name] as number) + amount;
    tallies.set(id, tally);
  }
  return [...tallies.values()];
}

/** Ordered as tableRows orders them: by each column in turn. */
function sorted(rows: Row[]): Row[] {
  return [...rows].sort((a, b) => {
    for (const column of Object.keys(a)) {
      const [left, right] = [a[column] as string | number, b[column] as string | number];
      if (left !== right) return left < right ? -1 : 1;
    }
    return 0;
  });
}

type Registration = {
  id: string;
  number: string;
  person_id: string;
  program: string;
  state: string;
  registered_on: string;
  updated_at: string;
  realised_on: string | null;
  stem_cell_status: string | null;
  heard_from: string | null;
  heard_from_session_id: string | null;
};

type Consent = {
  id: number;
  person_id: string;
  purpose: string;
  granted: number;
};

type Visit = {
  id: string;
  station_code: string;
  visited_at: string;
  party_size: number;
};

function registration(fields: Partial<Registration> & Pick<Registration, 'id' | 'number' | 'person_id' | 'program' | 'registered_on'>): Registration {
  return { state: 'active', updated_at: `${fields.registered_on}T02:00:00.000Z`, realised_on: null, stem_cell_status: null, heard_from: null, heard_from_session_id: null, ...fields };
}

// Two stations, every program and final state, a donation recorded before its day was kept (no
// realised_on), a withdrawal late in the evening in UTC (the next day in Beijing), stem-cell volunteers
// at two steps with a follow-up consent given, given then taken back, and none, and visits either side
// of Beijing midnight.
const registrations: Registration[] = [
  registration({ id: 'r1', number: 'KMU01-2026-R000001', person_id: 'p1', program: 'organ', registered_on: '2026-03-01', heard_from: 'media' }),
  registration({ id: 'r2', number: 'KMU01-2026-R000002', person_id: 'p1', program: 'cornea', registered_on: '2026-03-01', heard_from: 'media' }),
  registration({
    id: 'r3',
    number: 'KMU01-2026-R000003',
    person_id: 'p2',
    program: 'organ',
    registered_on: '2026-03-02',
    heard_from: 'session',
    heard_from_session_id: 's1',
    state: 'withdrawn',
    updated_at: '2026-04-10T16:30:00.000Z',
  }),
  registration({ id: 'r4', number: 'KMU02-2026-R000001', person_id: 'p2', program: 'body', registered_on: '2026-03-02', state: 'realised', realised_on: '2026-05-01', updated_at: '2026-05-03T01:00:00.000Z' }),
  registration({ id: 'r5', number: 'KMU02-2026-R000002', person_id: 'p3', program: 'body', registered_on: '2026-03-02', state: 'realised', updated_at: '2026-05-04T20:00:00.000Z' }),
  registration({ id: 'r6', number: 'KMU01-2026-R000004', person_id: 'p3', program: 'stem_cell', registered_on: '2026-03-05', heard_from: 'friend' }),
  registration({ id: 'r7', number: 'KMU01-2026-R000005', person_id: 'p2', program: 'stem_cell', registered_on: '2026-03-05', stem_cell_status: 'typed', heard_from: 'session', heard_from_session_id: 's1' }),
  registration({ id: 'r8', number: 'KMU01-2026-R000006', person_id: 'p4', program: 'stem_cell', registered_on: '2026-03-05', stem_cell_status: 'typed' }),
];

const consents: Consent[] = [
  { id: 1, person_id: 'p3', purpose: 'follow_up_contact', granted: 1 },
  { id: 2, person_id: 'p2', purpose: 'follow_up_contact', granted: 1 },
  { id: 3, person_id: 'p3', purpose: 'provincial_sync', granted: 1 },
  { id: 4, person_id: 'p3', purpose: 'follow_up_contact', granted: 0 },
  { id: 5, person_id: 'p2', purpose: 'provincial_sync', granted: 0 },
];

const visits: Visit[] = [
  { id: 'v1', station_code: 'KMU01', visited_at: '2026-03-01T15:59:00.000Z', party_size: 2 },
  { id: 'v2', station_code: 'KMU01', visited_at: '2026-03-01T16:00:00.000Z', party_size: 3 },
  { id: 'v3', station_code: 'KMU01', visited_at: '2026-03-02T09:00:00.000Z', party_size: 1 },
  { id: 'v4', station_code: 'KMU02', visited_at: '2026-03-02T09:00:00.000Z', party_size: 5 },
];

/** Whether the person's latest follow-up contact consent is given (1) or not, or never recorded (0). */
function contactConsent(personId: string): number {
  const latest = consents.filter((consent) => consent.person_id === personId && consent.purpose === 'follow_up_contact').at(-1);
  return latest?.granted ? 1 : 0;
}

/** Every tally counted again from the records above, as the dashboard means them. */
const recount = {
  registration_tally: [
    ...countBy(registrations, (r) => ({ day: r.registered_on, station_code: stationOf(r.number), program: r.program, event: 'registered' }), () => ({ count: 1 })),
    ...countBy(
      registrations.filter((r) => r.state === 'withdrawn' || r.state === 'realised'),
      (r) => ({ day: r.realised_on ?? beijingDay(r.updated_at), station_code: stationOf(r.number), program: r.program, event: r.state }),
      () => ({ count: 1 }),
    ),
  ],
  registration_source_tally: countBy(
    registrations,
    (r) => ({ day: r.registered_on, station_code: stationOf(r.number), heard_from: r.heard_from ?? '', session_id: r.heard_from_session_id ?? '' }),
    () => ({ count: 1 }),
  ),
  stem_cell_tally: countBy(
    registrations.filter((r) => r.program === 'stem_cell'),
    (r) => ({ day: r.registered_on, station_code: stationOf(r.number), status: r.stem_cell_status ?? 'signed_up', contact_consent: contactConsent(r.person_id) }),
    () => ({ count: 1 }),
  ),
  visit_tally: countBy(visits, (v) => ({ day: beijingDay(v.visited_at), station_code: v.station_code }), (v) => ({ sign_ins: 1, people: v.party_size })),
};

describe('migration 0012', () => {
  it('backfills each tally from the registrations, consents and visits already there, equal to a recount, and counts on from there', async () => {
    const db = openEmpty();
    await migrateTo(db, migrationBefore('0012_dashboard_figures'));
    insertRows(db, 'person', ['p1', 'p2', 'p3', 'p4'].map((id) => personRow(id)));
    insertRows(db, 'education_session', [
      {
        id: 's1',
        station_code: 'KMU01',
        title: '生命教育讲座',
        starts_at: '2026-02-20T01:00:00.000Z',
        ends_at: '2026-02-20T03:00:00.000Z',
        session_date: '2026-02-20',
        venue: '报告厅',
        host: '张老师',
        audience_kind: 'school',
        expected_head_count: 30,
        state: 'scheduled',
        version: 1,
        created_at: '2026-02-01T01:00:00.000Z',
        updated_at: '2026-02-01T01:00:00.000Z',
      },
    ]);
    insertRows(db, 'registration', registrations.map((fields) => registrationRow(fields)));
    insertRows(db, 'consent', consents.map((consent) => ({ ...consent, text_version: 'v1', at: '2026-03-05T02:00:00.000Z' })));
    insertRows(db, 'visitor_sign_in', visits.map((visit) => ({ ...visit, purpose: 'remembrance', version: 1 })));

    await migrateTo(db, '0012_dashboard_figures');

    for (const [table, expected] of Object.entries(recount)) expect(tableRows(db, table), table).toEqual(sorted(expected));
    // The recount holds what was worked out by hand for a few of its rows.
    expect(tableRows(db, 'registration_tally')).toEqual(
      expect.arrayContaining([
        { day: '2026-04-11', station_code: 'KMU01', program: 'organ', event: 'withdrawn', count: 1 },
        { day: '2026-05-05', station_code: 'KMU02', program: 'body', event: 'realised', count: 1 },
        { day: '2026-03-05', station_code: 'KMU01', program: 'stem_cell', event: 'registered', count: 3 },
      ]),
    );
    expect(tableRows(db, 'stem_cell_tally')).toEqual([
      { day: '2026-03-05', station_code: 'KMU01', status: 'signed_up', contact_consent: 0, count: 1 },
      { day: '2026-03-05', station_code: 'KMU01', status: 'typed', contact_consent: 0, count: 1 },
      { day: '2026-03-05', station_code: 'KMU01', status: 'typed', contact_consent: 1, count: 1 },
    ]);
    expect(tableRows(db, 'visit_tally')).toEqual([
      { day: '2026-03-01', station_code: 'KMU01', sign_ins: 1, people: 2 },
      { day: '2026-03-02', station_code: 'KMU01', sign_ins: 2, people: 4 },
      { day: '2026-03-02', station_code: 'KMU02', sign_ins: 1, people: 5 },
    ]);

    // Counted once: a registration and a visit after the upgrade add to the backfilled rows.
    insertRows(db, 'registration', [registrationRow({ id: 'r9', number: 'KMU01-2026-R000007', person_id: 'p4', program: 'organ', registered_on: '2026-03-01' })]);
    insertRows(db, 'visitor_sign_in', [{ id: 'v5', station_code: 'KMU02', visited_at: '2026-03-02T10:00:00.000Z', party_size: 2, purpose: 'tour', version: 1 }]);
    expect(tableRows(db, 'registration_tally')).toContainEqual({ day: '2026-03-01', station_code: 'KMU01', program: 'organ', event: 'registered', count: 2 });
    expect(tableRows(db, 'visit_tally')).toContainEqual({ day: '2026-03-02', station_code: 'KMU02', sign_ins: 2, people: 7 });
  });
});
