import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openPersonal } from '../../electron/services/registration/person-registry';
import { KIOSK_REFUSALS_ALLOWED, REFUSAL_WINDOW_MS } from '../../electron/services/registration/kiosk-attempts';
import type { PersonRow } from '../../electron/db/rows';
import type { CallInput } from '../../shared/contract/calls';
import { callsOn, type Caller } from '../fixtures/dispatch';
import { kioskCaller, openTempStation, sampleSetup } from '../fixtures/temp-station';
import { allConsents, residentId, samplePerson, sampleRegistration } from '../fixtures/registrations';

type TempStation = Awaited<ReturnType<typeof openTempStation>>;

let station: TempStation;
let now: Date;
const desk = { sessionKey: 'admin-desk' };

/** Someone with a refusal of donation on file. */
const refuser = { document: { kind: 'resident_id', number: residentId('530102', '19700512', '015') }, name: '王建华', phone: '13700001111', ethnicGroup: '01' } as const;
/** Someone the station has never seen. */
const stranger = { document: { kind: 'resident_id', number: residentId('530102', '19851120', '021') }, name: '赵一鸣', phone: '13600002222', ethnicGroup: '01' } as const;

beforeEach(async () => {
  now = new Date('2026-04-04T09:00:00.000Z');
  station = await openTempStation({ clock: { now: () => now } });
  await station.dispatch('station:setup', sampleSetup, desk);
  // On file: the sample person, registered for cornea at the desk, and a person who refused donation.
  await ok('registration:create', sampleRegistration({ programs: cornea }));
  await ok('refusal:record', { person: refuser, signature: { kind: 'paper' }, statement: null });
});
afterEach(async () => {
  await station.remove();
});

const { ok, refusal } = callsOn(() => station, () => desk);

function rows<T>(query: string, ...params: unknown[]): T[] {
  return station.connection.sqlite.prepare(query).all(...params) as T[];
}

function count(table: string): number {
  return rows<{ n: number }>(`select count(*) as n from ${table}`)[0]!.n;
}

/** The kiosk's refused attempts as the audit trail holds them, oldest first. */
function kioskRefusals(): Array<{ actor_role: string; detail: Record<string, unknown>; raw: string }> {
  return rows<{ actor_role: string; detail: string }>("select actor_role, detail from audit_log where action = 'registration_refused' order by seq").map((row) => ({
    actor_role: row.actor_role,
    detail: JSON.parse(row.detail) as Record<string, unknown>,
    raw: row.detail,
  }));
}

function storedPerson(): PersonRow {
  return rows<PersonRow>('select * from person where id = (select person_id from registration order by number limit 1)')[0]!;
}

type CreateInput = CallInput<'registration:create'>;
const cornea: CreateInput['programs'] = [{ program: 'cornea' }];
/** A program the sample person does not have yet. */
const body: CreateInput['programs'] = [{ program: 'body', paperwork: null }];

/** A registration as the kiosk sends it: drawn signature, every consent. */
function atKiosk(person: CreateInput['person'], programs: CreateInput['programs'], heardFrom: CreateInput['heardFrom'] = null): CreateInput {
  return sampleRegistration({ person, programs, heardFrom });
}

describe('the public kiosk learns nothing about anyone on file', () => {
  it('answers another name, a refusal on file and an existing registration alike, and audits each with its real reason', async () => {
    const before = { person: count('person'), registration: count('registration'), consent: count('consent'), signature: count('signature') };
    const anotherName = await refusal('registration:create', atKiosk({ ...samplePerson, name: '张三' }, cornea), kioskCaller);
    const refusalOnFile = await refusal('registration:create', atKiosk(refuser, cornea), kioskCaller);
    const alreadyRegistered = await refusal('registration:create', atKiosk(samplePerson, cornea), kioskCaller);

    expect(anotherName).toEqual({ code: 'see_staff', message: 'see_staff' });
    expect(refusalOnFile).toEqual(anotherName);
    expect(alreadyRegistered).toEqual(anotherName);
    // Nothing was stored, yet every probe left its trace, with the real reason and no personal data in clear.
    expect({ person: count('person'), registration: count('registration'), consent: count('consent'), signature: count('signature') }).toEqual(before);
    const audited = kioskRefusals();
    expect(audited.map((entry) => [entry.actor_role, entry.detail.reason])).toEqual([
      ['kiosk', 'person_details_mismatch'],
      ['kiosk', 'refusal_on_file'],
      ['kiosk', 'already_registered'],
    ]);
    for (const [index, person] of [samplePerson, refuser, samplePerson].entries()) {
      expect(audited[index]!.detail.document).toMatch(/\*/);
      expect(audited[index]!.raw).not.toContain(person.document.number);
      expect(audited[index]!.raw).not.toContain(person.name);
    }
  });

  it('checks the heard-from session before looking anyone up, so a known document answers as an unknown one, and audits it', async () => {
    const noSession = { kind: 'session', sessionId: 'no-such-session' } as const;
    const known = await refusal('registration:create', atKiosk({ ...samplePerson, name: '张三' }, cornea, noSession), kioskCaller);
    const knownRightName = await refusal('registration:create', atKiosk(samplePerson, body, noSession), kioskCaller);
    const refused = await refusal('registration:create', atKiosk(refuser, cornea, noSession), kioskCaller);
    const unknown = await refusal('registration:create', atKiosk(stranger, cornea, noSession), kioskCaller);

    expect(unknown).toEqual({ code: 'validation_failed', message: 'invalid input', issues: [{ path: 'heardFrom.sessionId', reason: 'heard_from_session_unknown' }] });
    expect(known).toEqual(unknown);
    expect(knownRightName).toEqual(unknown);
    expect(refused).toEqual(unknown);
    expect(kioskRefusals().map((entry) => entry.detail.reason)).toEqual(Array(4).fill('heard_from_session_unknown'));
  });

  it('keeps telling staff precisely why a registration is refused', async () => {
    expect((await refusal('registration:create', sampleRegistration({ person: { ...samplePerson, name: '张三' } }))).code).toBe('person_details_mismatch');
    expect((await refusal('registration:create', sampleRegistration({ person: refuser }))).code).toBe('refusal_on_file');
    expect((await refusal('registration:create', sampleRegistration({ programs: cornea }))).code).toBe('already_registered');
    expect(kioskRefusals()).toEqual([]);
  });

  it('never changes a person on file: a new phone is held for staff, the consents stand, and staff confirm it', async () => {
    const on = storedPerson();
    const consentsBefore = rows('select purpose, granted from consent where person_id = ? order by id', on.id);
    const created = await ok(
      'registration:create',
      { ...atKiosk({ ...samplePerson, phone: '13999998888' }, body), consents: { ...allConsents, provincial_sync: false } },
      kioskCaller,
    );
    expect(created.personId).toBe(on.id);

    const after = storedPerson();
    expect(after.version).toBe(on.version);
    expect(openPersonal(station.services.protection, after).phone).toBe(samplePerson.phone);
    expect(rows('select purpose, granted from consent where person_id = ? order by id', on.id)).toEqual(consentsBefore);
    // What goes to the province carries the person as staff recorded them, not the kiosk's phone.
    const payloads = rows<{ payload: string }>('select payload from outbox join outbox_payload using (seq)').map((row) => station.services.protection.open(row.payload, 'outbox.payload'));
    expect(payloads.some((payload) => payload.includes('13999998888'))).toBe(false);
    // Sealed at rest.
    expect(JSON.stringify(rows('select * from kiosk_held_change'))).not.toContain('13999998888');

    const record = await ok('person:get', { personId: on.id });
    expect(record.heldChanges).toEqual([{ id: expect.any(String), heldAt: now.toISOString(), phone: expect.stringMatching(/^139\*+8888$/) }]);
    const confirmed = await ok('person:confirmHeldChange', { personId: on.id, heldChangeId: record.heldChanges[0]!.id, expectedVersion: record.version });
    expect(confirmed.heldChanges).toEqual([]);
    expect(confirmed.version).toBe(on.version + 1);
    expect(openPersonal(station.services.protection, storedPerson()).phone).toBe('13999998888');
    const amended = rows<{ actor_role: string; detail: string }>("select actor_role, detail from audit_log where action = 'amend' and object_type = 'person'");
    expect(amended).toEqual([{ actor_role: 'admin', detail: JSON.stringify({ version: on.version + 1, heldChange: record.heldChanges[0]!.id }) }]);
    // Settled once: a second confirmation finds nothing pending.
    expect((await refusal('person:confirmHeldChange', { personId: on.id, heldChangeId: record.heldChanges[0]!.id, expectedVersion: confirmed.version })).code).toBe('not_found');
  });

  it('lets staff discard a held phone, audited, leaving the person as they were', async () => {
    const on = storedPerson();
    await ok('registration:create', atKiosk({ ...samplePerson, phone: '13999998888' }, body), kioskCaller);
    const record = await ok('person:get', { personId: on.id });
    const discarded = await ok('person:discardHeldChange', { personId: on.id, heldChangeId: record.heldChanges[0]!.id, expectedVersion: record.version });
    expect(discarded.heldChanges).toEqual([]);
    expect(discarded.version).toBe(on.version);
    expect(openPersonal(station.services.protection, storedPerson()).phone).toBe(samplePerson.phone);
    expect(rows("select object_id from audit_log where action = 'cancel' and object_type = 'kiosk_held_change'")).toEqual([{ object_id: record.heldChanges[0]!.id }]);
  });

  it('stops looking people up for a kiosk caller refused too often, for that caller only and for a while', async () => {
    for (let attempt = 0; attempt < KIOSK_REFUSALS_ALLOWED; attempt += 1) {
      expect((await refusal('registration:create', atKiosk({ ...samplePerson, name: '张三' }, cornea), kioskCaller)).code).toBe('see_staff');
    }
    const people = count('person');
    // Even a person never seen before is now answered like the probes, without being looked up or stored.
    const throttled = await refusal('registration:create', atKiosk(stranger, cornea), kioskCaller);
    expect(throttled).toEqual({ code: 'see_staff', message: 'see_staff' });
    expect(count('person')).toBe(people);
    expect(kioskRefusals().at(-1)!.detail.reason).toBe('throttled');

    const otherKiosk: Caller = { sessionKey: 'another-kiosk' };
    await ok('registration:create', atKiosk(stranger, cornea), otherKiosk);
    now = new Date(now.getTime() + REFUSAL_WINDOW_MS);
    const later = { ...stranger, document: { kind: 'resident_id' as const, number: residentId('530102', '19851120', '033') } };
    await ok('registration:create', atKiosk(later, cornea), kioskCaller);
  });
});
