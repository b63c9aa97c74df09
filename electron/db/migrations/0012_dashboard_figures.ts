import { sql, type Kysely } from 'kysely';

/** The station code of a registration: the part of its number before the first dash (`KMU01-2026-R000123`). */
function stationOf(number: string): string {
  return `substr(${number}, 1, instr(${number}, '-') - 1)`;
}

/** The latest follow-up contact consent of a registration's person (0 when none is recorded). */
function contactConsentOf(personId: string): string {
  return `coalesce((select (granted != 0) from consent where person_id = ${personId} and purpose = 'follow_up_contact' order by id desc limit 1), 0)`;
}

const addRegistration = `insert into registration_tally (day, station_code, program, event, count)`;
const onRegistrationKey = `on conflict (day, station_code, program, event) do update set count = count + excluded.count`;
const addSource = `insert into registration_source_tally (day, station_code, heard_from, session_id, count)`;
const onSourceKey = `on conflict (day, station_code, heard_from, session_id) do update set count = count + excluded.count`;
const addStemCell = `insert into stem_cell_tally (day, station_code, status, contact_consent, count)`;
const onStemCellKey = `on conflict (day, station_code, status, contact_consent) do update set count = count + excluded.count`;
const addVisits = `insert into visit_tally (day, station_code, sign_ins, people)`;
const onVisitKey = `on conflict (day, station_code) do update set sign_ins = sign_ins + excluded.sign_ins, people = people + excluded.people`;

// Frozen: once landed, never edit this file. Change the schema in a new numbered migration.
export async function up(db: Kysely<any>): Promise<void> {
  // The dashboard reads sums per day, never the records: a year over a million registrations is a
  // few thousand rows here. Triggers keep them, so no service can forget to; empty strings stand for
  // "none" in the keys because a primary key does not match NULLs on conflict.

  // Registrations per day (Beijing), station code of the record, program and event: registered (on
  // the registration day), withdrawn (on the day of the withdrawal) and realised (on the day of the
  // donation).
  await sql`create table registration_tally (
    day text not null,
    station_code text not null,
    program text not null,
    event text not null,
    count integer not null,
    primary key (day, station_code, program, event)
  ) without rowid`.execute(db);

  // Registrations per registration day and station by where the person heard of donation and the
  // session they named: apart from the programs, so that many sessions do not multiply the rows.
  await sql`create table registration_source_tally (
    day text not null,
    station_code text not null,
    heard_from text not null,
    session_id text not null,
    count integer not null,
    primary key (day, station_code, heard_from, session_id)
  ) without rowid`.execute(db);

  // Stem-cell volunteers per day of sign-up, station, the step they stand at now and whether their
  // latest follow-up contact consent is given: a step or a consent that changes moves one count.
  await sql`create table stem_cell_tally (
    day text not null,
    station_code text not null,
    status text not null,
    contact_consent integer not null,
    count integer not null,
    primary key (day, station_code, status, contact_consent)
  ) without rowid`.execute(db);

  // Memorial sign-ins and people per day and site. The retention purge deletes old sign-ins; their
  // counts stay here, so past years keep their figures.
  await sql`create table visit_tally (
    day text not null,
    station_code text not null,
    sign_ins integer not null,
    people integer not null,
    primary key (day, station_code)
  ) without rowid`.execute(db);

  await sql
    .raw(
      `create trigger registration_tally_insert after insert on registration begin
        ${addRegistration} values (new.registered_on, ${stationOf('new.number')}, new.program, 'registered', 1) ${onRegistrationKey};
        ${addSource} values (new.registered_on, ${stationOf('new.number')}, coalesce(new.heard_from, ''), coalesce(new.heard_from_session_id, ''), 1)
          ${onSourceKey};
        ${addStemCell} select new.registered_on, ${stationOf('new.number')}, coalesce(new.stem_cell_status, 'signed_up'),
          ${contactConsentOf('new.person_id')}, 1 where new.program = 'stem_cell' ${onStemCellKey};
      end`,
    )
    .execute(db);

  // Withdrawn and realised are final, so each record moves into them once.
  await sql
    .raw(
      `create trigger registration_tally_state after update of state on registration
      when new.state is not old.state and new.state in ('withdrawn', 'realised') begin
        ${addRegistration} values (
          case when new.state = 'realised' and new.realised_on is not null then new.realised_on else date(new.updated_at, '+8 hours') end,
          ${stationOf('new.number')}, new.program, new.state, 1) ${onRegistrationKey};
      end`,
    )
    .execute(db);

  await sql
    .raw(
      `create trigger registration_tally_heard_from after update of heard_from, heard_from_session_id on registration
      when new.heard_from is not old.heard_from or new.heard_from_session_id is not old.heard_from_session_id begin
        ${addSource} values (old.registered_on, ${stationOf('old.number')}, coalesce(old.heard_from, ''), coalesce(old.heard_from_session_id, ''), -1)
          ${onSourceKey};
        ${addSource} values (new.registered_on, ${stationOf('new.number')}, coalesce(new.heard_from, ''), coalesce(new.heard_from_session_id, ''), 1)
          ${onSourceKey};
      end`,
    )
    .execute(db);

  await sql
    .raw(
      `create trigger stem_cell_tally_status after update of stem_cell_status on registration
      when new.program = 'stem_cell' and new.stem_cell_status is not old.stem_cell_status begin
        ${addStemCell} values (old.registered_on, ${stationOf('old.number')}, coalesce(old.stem_cell_status, 'signed_up'),
          ${contactConsentOf('old.person_id')}, -1) ${onStemCellKey};
        ${addStemCell} values (new.registered_on, ${stationOf('new.number')}, coalesce(new.stem_cell_status, 'signed_up'),
          ${contactConsentOf('new.person_id')}, 1) ${onStemCellKey};
      end`,
    )
    .execute(db);

  // A later consent row supersedes the earlier one: the person's volunteers move when it changes.
  const previousConsent = `coalesce((select (granted != 0) from consent where person_id = new.person_id and purpose = new.purpose and id < new.id order by id desc limit 1), 0)`;
  await sql
    .raw(
      `create trigger stem_cell_tally_consent after insert on consent
      when new.purpose = 'follow_up_contact' and (new.granted != 0) != ${previousConsent} begin
        ${addStemCell} select registered_on, ${stationOf('number')}, coalesce(stem_cell_status, 'signed_up'), (new.granted = 0), -1
          from registration where person_id = new.person_id and program = 'stem_cell' ${onStemCellKey};
        ${addStemCell} select registered_on, ${stationOf('number')}, coalesce(stem_cell_status, 'signed_up'), (new.granted != 0), 1
          from registration where person_id = new.person_id and program = 'stem_cell' ${onStemCellKey};
      end`,
    )
    .execute(db);

  await sql
    .raw(
      `create trigger visit_tally_insert after insert on visitor_sign_in begin
        ${addVisits} values (date(new.visited_at, '+8 hours'), new.station_code, 1, new.party_size) ${onVisitKey};
      end`,
    )
    .execute(db);
  await sql
    .raw(
      `create trigger visit_tally_change after update of visited_at, party_size, station_code on visitor_sign_in
      when new.visited_at is not old.visited_at or new.party_size is not old.party_size or new.station_code is not old.station_code begin
        ${addVisits} values (date(old.visited_at, '+8 hours'), old.station_code, -1, -old.party_size) ${onVisitKey};
        ${addVisits} values (date(new.visited_at, '+8 hours'), new.station_code, 1, new.party_size) ${onVisitKey};
      end`,
    )
    .execute(db);

  // The rows already there, counted once.
  await sql
    .raw(
      `${addRegistration} select registered_on, ${stationOf('number')}, program, 'registered', count(*) from registration where true
        group by 1, 2, 3, 4 ${onRegistrationKey}`,
    )
    .execute(db);
  await sql
    .raw(
      `${addSource} select registered_on, ${stationOf('number')}, coalesce(heard_from, ''), coalesce(heard_from_session_id, ''), count(*)
        from registration where true group by 1, 2, 3, 4 ${onSourceKey}`,
    )
    .execute(db);
  await sql
    .raw(
      `${addRegistration} select case when state = 'realised' and realised_on is not null then realised_on else date(updated_at, '+8 hours') end,
        ${stationOf('number')}, program, state, count(*) from registration where state in ('withdrawn', 'realised')
        group by 1, 2, 3, 4 ${onRegistrationKey}`,
    )
    .execute(db);
  await sql
    .raw(
      `${addStemCell} select registered_on, ${stationOf('number')}, coalesce(stem_cell_status, 'signed_up'), ${contactConsentOf('registration.person_id')},
        count(*) from registration where program = 'stem_cell' group by 1, 2, 3, 4 ${onStemCellKey}`,
    )
    .execute(db);
  await sql.raw(`${addVisits} select date(visited_at, '+8 hours'), station_code, count(*), sum(party_size) from visitor_sign_in where true group by 1, 2 ${onVisitKey}`).execute(db);
}
