import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONSENT_TEXT_VERSION } from '../../shared/domain/consents';
import { openTempStation, sampleSetup } from '../fixtures/temp-station';
import { callsOn, signInStaffDesks } from '../fixtures/dispatch';
import { SAMPLE_SIGNATURE, samplePerson, sampleRegistration } from '../fixtures/registrations';

type TempStation = Awaited<ReturnType<typeof openTempStation>>;

let station: TempStation;
/** 2026-04-04 17:00 in Beijing; moved on by `later`, by seconds (the desks lock after 5 idle minutes). */
let now = new Date('2026-04-04T09:00:00.000Z');
const admin = { sessionKey: 'admin-desk' };
const registrar = { sessionKey: 'registrar-desk' };

beforeEach(async () => {
  now = new Date('2026-04-04T09:00:00.000Z');
  station = await openTempStation({ clock: { now: () => now } });
  await station.dispatch('station:setup', sampleSetup, admin);
  await signInStaffDesks(station, admin, [{ role: 'registrar', desk: registrar }]);
});
afterEach(async () => {
  await station.remove();
});

const { ok, refusal } = callsOn(() => station, () => registrar);

function later(seconds: number): string {
  now = new Date(now.getTime() + seconds * 1000);
  return now.toISOString();
}

interface OutboxRow {
  seq: number;
  kind: string;
  entity_id: string;
  version: number;
  state: string;
  batch_seq: number | null;
  person_id: string | null;
  payload: string;
}

function outbox(where = '1 = 1'): OutboxRow[] {
  return station.connection.sqlite.prepare(`select * from outbox join outbox_payload using (seq) where ${where} order by seq`).all() as OutboxRow[];
}

function count(table: string, where = '1 = 1'): number {
  return (station.connection.sqlite.prepare(`select count(*) as n from ${table} where ${where}`).get() as { n: number }).n;
}

/**
 * Marks rows as written into a batch file, as the batch writer does, with the state the province left them
 * in: a row the province answered for was sent; one still `in_batch` waits in a batch not sent yet.
 */
function markBatched(seqs: number[], batchSeq: number, state: 'in_batch' | 'done' | 'resend'): void {
  const update = station.connection.sqlite.prepare('update outbox set batch_seq = ?, state = ?, sent_at = ? where seq = ?');
  for (const seq of seqs) update.run(batchSeq, state, state === 'in_batch' ? null : now.toISOString(), seq);
}

function openPayload(row: OutboxRow): unknown {
  return JSON.parse(station.services.protection.open(row.payload, 'outbox.payload'));
}

function consentOf(record: { consents: { purpose: string; granted: boolean; textVersion: string; at: string }[] }, purpose: string) {
  return record.consents.find((consent) => consent.purpose === purpose);
}

const paper = { kind: 'paper' } as const;

async function registerSample() {
  const created = await ok('registration:create', sampleRegistration());
  const [body, cornea] = created.registrations;
  return { personId: created.personId, body: body!, cornea: cornea! };
}

describe('withdrawing consent to report', () => {
  it('before any batch: leaves the person’s queued rows out, queues no tombstone, and queues no later change', async () => {
    const { personId, body } = await registerSample();
    const queued = outbox(`person_id = '${personId}'`);
    expect(queued.map((row) => [row.kind, row.state])).toEqual([
      ['registration', 'pending'],
      ['registration', 'pending'],
    ]);
    const receipts = outbox("kind = 'document'");
    const at = later(5);

    const record = await ok('person:consent', { personId, expectedVersion: 1, purpose: 'provincial_sync', granted: false, signature: paper });

    expect(consentOf(record, 'provincial_sync')).toEqual({ purpose: 'provincial_sync', granted: false, textVersion: CONSENT_TEXT_VERSION, at });
    expect(consentOf(record, 'follow_up_contact')?.granted).toBe(true);
    expect(outbox(`person_id = '${personId}'`).map((row) => row.state)).toEqual(['omitted', 'omitted']);
    // Receipts are not the person's registration or person records: they stay as they were.
    expect(outbox("kind = 'document'").map((row) => row.state)).toEqual(receipts.map((row) => row.state));
    expect(count('outbox', "kind = 'tombstone'")).toBe(0);
    // The earlier consent stays on file, signed on paper the new one.
    expect(count('consent', `person_id = '${personId}' and purpose = 'provincial_sync'`)).toBe(2);
    expect(station.connection.sqlite.prepare("select kind from signature where at = ?").all(at)).toEqual([{ kind: 'paper' }]);

    // Later changes stay at the station.
    const amended = await ok('person:amend', { personId, expectedVersion: 1, name: samplePerson.name, phone: '13900003333' });
    await ok('registration:amend', { registrationId: body.id, expectedVersion: 1, choice: { program: 'body', paperwork: null }, reason: '核对' });
    expect(amended.version).toBe(2);
    expect(count('outbox', "kind in ('person', 'registration') and state != 'omitted'")).toBe(0);
    expect(count('outbox', `person_id = '${personId}'`)).toBe(2);
  });

  it('after a batch: one tombstone names each record with the highest version written into a batch file', async () => {
    const { personId, body, cornea } = await registerSample();
    const [bodyV1, corneaV1] = outbox(`person_id = '${personId}'`);
    markBatched([bodyV1!.seq, corneaV1!.seq], 1, 'done');
    await ok('registration:amend', { registrationId: body.id, expectedVersion: 1, choice: { program: 'body', paperwork: null }, reason: '核对' });
    const bodyV2 = outbox(`entity_id = '${body.id}' and version = 2`)[0]!;
    markBatched([bodyV2.seq], 2, 'in_batch');
    await ok('registration:amend', { registrationId: body.id, expectedVersion: 2, choice: { program: 'body', paperwork: null }, reason: '再次核对' });
    await ok('person:amend', { personId, expectedVersion: 1, name: samplePerson.name, phone: '13900003333' });
    const personV2 = outbox(`kind = 'person' and entity_id = '${personId}'`)[0]!;
    // Rejected for a passing cause: it was in a batch file, and waits to be sent again.
    markBatched([personV2.seq], 2, 'resend');
    const withdrawnAt = later(10);

    await ok('person:consent', { personId, expectedVersion: 2, purpose: 'provincial_sync', granted: false, signature: { kind: 'drawn', image: SAMPLE_SIGNATURE } });

    const states = Object.fromEntries(outbox(`person_id = '${personId}'`).map((row) => [`${row.kind}:${row.entity_id === body.id ? 'body' : row.entity_id === cornea.id ? 'cornea' : 'person'}:${row.version}`, row.state]));
    expect(states).toEqual({
      'registration:body:1': 'done',
      'registration:cornea:1': 'done',
      'registration:body:2': 'in_batch',
      'registration:body:3': 'omitted',
      'person:person:2': 'omitted',
    });
    const tombstones = outbox("kind = 'tombstone'");
    expect(tombstones).toHaveLength(1);
    const tombstone = tombstones[0]!;
    expect(tombstone).toMatchObject({ version: 1, state: 'pending', batch_seq: null, person_id: null });
    expect(tombstone.entity_id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect([body.id, cornea.id, personId]).not.toContain(tombstone.entity_id);
    // In the order the station names them: by kind, then by id.
    const registrations = [
      { kind: 'registration', entityId: body.id, throughVersion: 2 },
      { kind: 'registration', entityId: cornea.id, throughVersion: 1 },
    ].sort((a, b) => (a.entityId < b.entityId ? -1 : 1));
    expect(openPayload(tombstone)).toEqual({
      reason: 'consent_withdrawn',
      purpose: 'provincial_sync',
      personId,
      withdrawnAt,
      covers: [{ kind: 'person', entityId: personId, throughVersion: 2 }, ...registrations],
    });
  });

  it('given again: later changes are queued again, nothing from before; a second withdrawal never leaves out the first tombstone', async () => {
    const { personId, body } = await registerSample();
    markBatched(outbox(`person_id = '${personId}'`).map((row) => row.seq), 1, 'done');
    await ok('person:consent', { personId, expectedVersion: 1, purpose: 'provincial_sync', granted: false, signature: paper });
    await ok('person:amend', { personId, expectedVersion: 1, name: samplePerson.name, phone: '13900003333' });
    const omittedWhileWithdrawn = count('outbox', "state = 'omitted'");
    const rowsBefore = count('outbox');

    later(30);
    const record = await ok('person:consent', { personId, expectedVersion: 2, purpose: 'provincial_sync', granted: true, signature: paper });
    expect(consentOf(record, 'provincial_sync')?.granted).toBe(true);
    // Nothing is queued again retroactively.
    expect(count('outbox')).toBe(rowsBefore);
    expect(count('outbox', "state = 'omitted'")).toBe(omittedWhileWithdrawn);

    await ok('registration:amend', { registrationId: body.id, expectedVersion: 1, choice: { program: 'body', paperwork: null }, reason: '核对' });
    const requeued = outbox(`entity_id = '${body.id}' and version = 2`);
    expect(requeued.map((row) => [row.state, row.person_id])).toEqual([['pending', personId]]);

    later(30);
    await ok('person:consent', { personId, expectedVersion: 2, purpose: 'provincial_sync', granted: false, signature: paper });
    const tombstones = outbox("kind = 'tombstone'");
    // The registrations were batched before: a second tombstone names them again; the first is still on its way.
    expect(tombstones.map((row) => row.state)).toEqual(['pending', 'pending']);
    expect(outbox(`entity_id = '${body.id}' and version = 2`)[0]?.state).toBe('omitted');
  });
});

describe('changing consents', () => {
  it('refuses a stale person version and changes nothing', async () => {
    const { personId } = await registerSample();
    await ok('person:amend', { personId, expectedVersion: 1, name: samplePerson.name, phone: '13900003333' });
    const consents = count('consent');
    expect((await refusal('person:consent', { personId, expectedVersion: 1, purpose: 'provincial_sync', granted: false, signature: paper })).code).toBe('version_conflict');
    expect(count('consent')).toBe(consents);
    expect(count('outbox', "state = 'omitted'")).toBe(0);
    expect((await refusal('person:consent', { personId: 'nobody', expectedVersion: 1, purpose: 'provincial_sync', granted: false, signature: paper })).code).toBe('not_found');
  });

  it('returns the record unchanged when the answer already stands: no new row, no audit entry, no second tombstone', async () => {
    const { personId } = await registerSample();
    markBatched(outbox(`person_id = '${personId}'`).map((row) => row.seq), 1, 'done');
    const input = { personId, expectedVersion: 1, purpose: 'provincial_sync', granted: false, signature: paper } as const;
    const first = await ok('person:consent', input);
    const rows = { consent: count('consent'), signature: count('signature'), outbox: count('outbox'), changes: count('audit_log', "action = 'consent_change'") };
    later(1);
    const second = await ok('person:consent', input);
    expect(second.consents).toEqual(first.consents);
    expect({ consent: count('consent'), signature: count('signature'), outbox: count('outbox'), changes: count('audit_log', "action = 'consent_change'") }).toEqual(rows);
    expect(count('outbox', "kind = 'tombstone'")).toBe(1);

    // Follow-up contact was given at registration: giving it again changes nothing either.
    await ok('person:consent', { personId, expectedVersion: 1, purpose: 'follow_up_contact', granted: true, signature: paper });
    expect(count('consent')).toBe(rows.consent);
  });

  it('audits a change of follow-up contact with its purpose and answer only, and leaves reporting alone', async () => {
    const { personId } = await registerSample();
    const at = later(3);
    const record = await ok('person:consent', { personId, expectedVersion: 1, purpose: 'follow_up_contact', granted: false, signature: paper });
    expect(consentOf(record, 'follow_up_contact')).toMatchObject({ granted: false, at });
    expect(consentOf(record, 'provincial_sync')?.granted).toBe(true);
    const entries = station.connection.sqlite
      .prepare("select actor_role, object_type, object_id, detail from audit_log where action = 'consent_change'")
      .all() as { actor_role: string; object_type: string; object_id: string; detail: string }[];
    expect(entries).toEqual([{ actor_role: 'registrar', object_type: 'person', object_id: personId, detail: JSON.stringify({ purpose: 'follow_up_contact', granted: false }) }]);
    expect(entries[0]!.detail).not.toContain(samplePerson.name);
    expect(count('outbox', "state = 'omitted'")).toBe(0);
    expect(count('outbox', "kind = 'tombstone'")).toBe(0);

    await ok('person:consent', { personId, expectedVersion: 1, purpose: 'follow_up_contact', granted: true, signature: paper });
    expect(count('audit_log', "action = 'consent_change'")).toBe(2);
  });

  it('refuses the donation intent, memorial publication and unknown purposes, and a missing signature', async () => {
    const { personId } = await registerSample();
    const consents = count('consent');
    for (const purpose of ['donation_intent', 'memorial_publication', 'newsletter']) {
      const refused = await refusal('person:consent', { personId, expectedVersion: 1, purpose, granted: false, signature: paper });
      expect(refused.code).toBe('validation_failed');
      expect(refused.issues).toEqual([{ path: 'purpose', reason: 'consent_purpose_not_changeable' }]);
    }
    const unsigned = await refusal('person:consent', { personId, expectedVersion: 1, purpose: 'provincial_sync', granted: false });
    expect(unsigned.issues).toEqual([{ path: 'signature', reason: 'signature_required' }]);
    expect(count('consent')).toBe(consents);
  });

  it('is not open to the kiosk or an auditor', async () => {
    const { personId } = await registerSample();
    const auditor = { sessionKey: 'auditor-desk' };
    await signInStaffDesks(station, admin, [{ role: 'auditor', desk: auditor }]);
    const input = { personId, expectedVersion: 1, purpose: 'provincial_sync', granted: false, signature: paper };
    expect((await refusal('person:consent', input, { sessionKey: 'kiosk' })).code).toBe('not_signed_in');
    expect((await refusal('person:consent', input, auditor)).code).toBe('forbidden');
    expect(count('outbox', "state = 'omitted'")).toBe(0);
  });
});
