import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { heardFromKinds } from '../../shared/domain/registration';
import { callRefused } from '../fixtures/dispatch';
import { beijing, kiosk, openEducationStation, sampleSession, SESSION_DAY, type EducationStation } from '../fixtures/education';
import { residentId, sampleRegistration } from '../fixtures/registrations';

let edu: EducationStation;
/** The sample session, held 09:00–11:00 on the session day. */
let sessionId: string;

beforeEach(async () => {
  edu = await openEducationStation();
  sessionId = (await edu.ok('education:schedule', sampleSession())).id;
});
afterEach(async () => {
  await edu.station.remove();
});

type RegistrationRow = { id: string; program: string; heard_from: string | null; heard_from_session_id: string | null };

function registrationRows(): RegistrationRow[] {
  return edu.rows<RegistrationRow>('select id, program, heard_from, heard_from_session_id from registration order by number');
}

function versionDetails(registrationId: string, version: number): Record<string, unknown> {
  const [row] = edu.rows<{ details: string }>('select details from registration_version where registration_id = ? and version = ?', registrationId, version);
  return JSON.parse(edu.station.services.protection.open(row!.details, 'registration_version.details')) as Record<string, unknown>;
}

function outboxPayload(registrationId: string, version: number): Record<string, unknown> {
  const [row] = edu.rows<{ payload: string }>("select payload from outbox join outbox_payload using (seq) where kind = 'registration' and entity_id = ? and version = ?", registrationId, version);
  return JSON.parse(edu.station.services.protection.open(row!.payload, 'outbox.payload')) as Record<string, unknown>;
}

function tableCounts(): Record<string, number> {
  const tables = ['person', 'registration', 'registration_version', 'outbox', 'audit_log'];
  return Object.fromEntries(tables.map((table) => [table, edu.rows<{ n: number }>(`select count(*) n from ${table}`)[0]!.n]));
}

describe('how a registrant heard of donation', () => {
  it('names one of the sessions of the last 90 days, stored on every program, in its version and in what is reported', async () => {
    edu.at(beijing('15:00'));
    const options = await edu.ok('registration:options', undefined, kiosk);
    // The kiosk may ask for the list; it names sessions by title and date, nothing more.
    expect(options.recentSessions).toEqual([{ id: sessionId, title: sampleSession().title, date: SESSION_DAY }]);

    const created = await edu.ok('registration:create', sampleRegistration({ heardFrom: { kind: 'session', sessionId } }), kiosk);
    expect(created.registrations).toHaveLength(2);
    expect(registrationRows().map((row) => [row.program, row.heard_from, row.heard_from_session_id])).toEqual([
      ['body', 'session', sessionId],
      ['cornea', 'session', sessionId],
    ]);
    for (const { id } of created.registrations) {
      expect(versionDetails(id, 1).heardFrom).toEqual({ kind: 'session', sessionId });
      expect(outboxPayload(id, 1)).toMatchObject({ id, version: 1, heardFrom: 'session', heardFromSessionId: sessionId });
    }

    const record = await edu.ok('person:get', { personId: created.personId });
    for (const registration of record.registrations) {
      expect(registration.heardFrom).toEqual({ kind: 'session', session: { id: sessionId, title: sampleSession().title, date: SESSION_DAY } });
      // The history's choice is the program's choice alone.
      expect(registration.history[0]?.choice).not.toHaveProperty('heardFrom');
    }
  });

  it('takes each other answer without a session', async () => {
    const others = heardFromKinds.filter((kind) => kind !== 'session');
    expect(others).toEqual(['campaign', 'media', 'friend', 'other']);
    for (const [index, kind] of others.entries()) {
      const person = { ...sampleRegistration().person, document: { kind: 'resident_id' as const, number: personNumber(index) } };
      const created = await edu.ok('registration:create', sampleRegistration({ person, programs: [{ program: 'cornea' }], heardFrom: { kind } }));
      const id = created.registrations[0]!.id;
      expect(registrationRows().find((row) => row.id === id)).toMatchObject({ heard_from: kind, heard_from_session_id: null });
      expect(outboxPayload(id, 1)).toMatchObject({ heardFrom: kind, heardFromSessionId: null });
      expect((await edu.ok('person:get', { personId: created.personId })).registrations[0]?.heardFrom).toEqual({ kind, session: null });
    }
  });

  it('is optional: no answer, or null, stores nothing and reports nulls', async () => {
    const skipped = await edu.ok('registration:create', sampleRegistration({ programs: [{ program: 'cornea' }] }), kiosk);
    const withNull = await edu.ok(
      'registration:create',
      sampleRegistration({ person: { ...sampleRegistration().person, document: { kind: 'resident_id', number: personNumber(7) } }, heardFrom: null }),
      kiosk,
    );
    expect(registrationRows().map((row) => [row.heard_from, row.heard_from_session_id])).toEqual([
      [null, null],
      [null, null],
      [null, null],
    ]);
    for (const { id } of [...skipped.registrations, ...withNull.registrations]) {
      expect(outboxPayload(id, 1)).toMatchObject({ heardFrom: null, heardFromSessionId: null });
      expect(versionDetails(id, 1).heardFrom).toBeNull();
    }
    expect((await edu.ok('person:get', { personId: skipped.personId })).registrations[0]?.heardFrom).toBeNull();
  });

  it('refuses a session unknown, cancelled, not yet held or held more than 90 days ago, storing nothing', async () => {
    const cancelled = (await edu.ok('education:schedule', sampleSession({ title: '取消的讲座', startsAt: beijing('13:00'), endsAt: beijing('14:00') }))).id;
    await edu.ok('education:cancel', { sessionId: cancelled, version: 1, reason: '场地维修' });
    const tomorrow = (await edu.ok('education:schedule', sampleSession({ title: '明天的讲座', startsAt: beijing('09:00', '2026-05-13'), endsAt: beijing('10:00', '2026-05-13') }))).id;
    edu.at(beijing('18:00'));
    expect((await edu.ok('registration:options', undefined, kiosk)).recentSessions.map((session) => session.id)).toEqual([sessionId]);

    const before = tableCounts();
    const reasonFor = async (id: string) => {
      const error = await callRefused(edu.station, 'registration:create', sampleRegistration({ heardFrom: { kind: 'session', sessionId: id } }), kiosk);
      expect(error.code).toBe('validation_failed');
      return error.issues;
    };
    expect(await reasonFor('0b6f4d9e-0000-4000-8000-000000000000')).toEqual([{ path: 'heardFrom.sessionId', reason: 'heard_from_session_unknown' }]);
    expect(await reasonFor(cancelled)).toEqual([{ path: 'heardFrom.sessionId', reason: 'heard_from_session_cancelled' }]);
    expect(await reasonFor(tomorrow)).toEqual([{ path: 'heardFrom.sessionId', reason: 'heard_from_session_upcoming' }]);

    // 90 days after the session day it still counts; a day later it no longer does.
    edu.at(beijing('12:00', '2026-08-10'));
    expect((await edu.ok('registration:options', undefined, kiosk)).recentSessions.map((session) => session.id)).toEqual([tomorrow, sessionId]);
    edu.at(beijing('12:00', '2026-08-11'));
    expect((await edu.ok('registration:options', undefined, kiosk)).recentSessions.map((session) => session.id)).toEqual([tomorrow]);
    expect(await reasonFor(sessionId)).toEqual([{ path: 'heardFrom.sessionId', reason: 'heard_from_session_too_old' }]);
    // Nothing stored but the audit entry of each refused kiosk attempt.
    expect(tableCounts()).toEqual({ ...before, audit_log: before.audit_log! + 4 });
    expect(registrationRows()).toEqual([]);

    edu.at(beijing('12:00', '2026-08-10'));
    await edu.ok('registration:create', sampleRegistration({ heardFrom: { kind: 'session', sessionId } }), kiosk);
    expect(registrationRows().map((row) => row.heard_from_session_id)).toEqual([sessionId, sessionId]);
  });

  it('refuses a malformed answer with the field at fault', async () => {
    const issuesOf = async (heardFrom: unknown) => (await callRefused(edu.station, 'registration:create', { ...sampleRegistration(), heardFrom }, kiosk)).issues;
    expect(await issuesOf({ kind: 'session' })).toEqual([{ path: 'heardFrom.sessionId', reason: 'required' }]);
    expect(await issuesOf({ kind: 'session', sessionId: '' })).toEqual([{ path: 'heardFrom.sessionId', reason: 'required' }]);
    expect(await issuesOf({ kind: 'radio' })).toEqual([{ path: 'heardFrom.kind', reason: 'invalid' }]);
    expect(await issuesOf('friend')).toEqual([{ path: 'heardFrom', reason: 'invalid' }]);
    expect(registrationRows()).toEqual([]);
  });

  it('is kept by an amendment and travels with every later version', async () => {
    edu.at(beijing('15:00'));
    const created = await edu.ok(
      'registration:create',
      sampleRegistration({ programs: [{ program: 'organ', organs: { kind: 'all' } }], heardFrom: { kind: 'session', sessionId } }),
      kiosk,
    );
    const id = created.registrations[0]!.id;
    const record = await edu.ok('registration:amend', {
      registrationId: id,
      expectedVersion: 1,
      choice: { program: 'organ', organs: { kind: 'selected', organs: ['kidney'] } },
      reason: '只捐肾脏',
    });
    expect(record.registrations[0]).toMatchObject({ version: 2, heardFrom: { kind: 'session', session: { id: sessionId } } });
    expect(registrationRows()).toEqual([{ id, program: 'organ', heard_from: 'session', heard_from_session_id: sessionId }]);
    expect(versionDetails(id, 2)).toEqual({ program: 'organ', organs: { kind: 'selected', organs: ['kidney'] }, heardFrom: { kind: 'session', sessionId } });
    expect(outboxPayload(id, 2)).toMatchObject({ version: 2, event: 'amended', heardFrom: 'session', heardFromSessionId: sessionId });
    // The amendment's input has no such field: an attempt to change the answer is not taken.
    await edu.ok('registration:amend', {
      registrationId: id,
      expectedVersion: 2,
      choice: { program: 'organ', organs: { kind: 'all' } },
      heardFrom: { kind: 'media' },
    } as never);
    expect(registrationRows()[0]).toMatchObject({ heard_from: 'session', heard_from_session_id: sessionId });
  });
});

/** The resident ID number of another adult, one per index. */
function personNumber(index: number): string {
  return residentId('530102', '19850101', String(100 + index * 2).padStart(3, '0'));
}
