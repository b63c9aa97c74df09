import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempStation, sampleAdmin, sampleSetup } from '../fixtures/temp-station';
import { callsOn } from '../fixtures/dispatch';
import {
  allConsents,
  residentId,
  samplePaperwork,
  samplePerson,
  sampleRegistration,
  SAMPLE_SIGNATURE,
  stemCellChoice,
} from '../fixtures/registrations';

type TempStation = Awaited<ReturnType<typeof openTempStation>>;

let station: TempStation;
/** 2026-04-04 17:00 in Beijing. */
let now = new Date('2026-04-04T09:00:00.000Z');
const desk = { sessionKey: 'registrar-desk' };
const kiosk = { sessionKey: 'kiosk' };

beforeEach(async () => {
  now = new Date('2026-04-04T09:00:00.000Z');
  station = await openTempStation({ clock: { now: () => now } });
  await station.dispatch('station:setup', sampleSetup, desk);
});
afterEach(async () => {
  await station.remove();
});

const { ok, refusal } = callsOn(() => station, () => desk);

function count(table: string, where = '1 = 1'): number {
  return (station.connection.sqlite.prepare(`select count(*) as n from ${table} where ${where}`).get() as { n: number }).n;
}

function counts(): Record<string, number> {
  const tables = ['person', 'person_version', 'registration', 'registration_version', 'consent', 'signature', 'refusal', 'document', 'outbox', 'audit_log'];
  return Object.fromEntries(tables.map((table) => [table, count(table)]));
}

/** A person of the given birth date (YYYYMMDD), with an ID number unique to `sequence`. */
function personBorn(birth: string, sequence = '123') {
  return { ...samplePerson, document: { kind: 'resident_id', number: residentId('110105', birth, sequence) } } as const;
}

describe('registration', () => {
  it('stores each program as its own record with its first version, consents, signature, audit and outbox entries', async () => {
    const created = await ok('registration:create', sampleRegistration(), kiosk);
    expect(created.name).toBe('李*');
    expect(created.registrations.map((r) => [r.program, r.number, r.state, r.version])).toEqual([
      ['body', 'KMU01-2026-R000001', 'active', 1],
      ['cornea', 'KMU01-2026-R000002', 'active', 1],
    ]);
    // Each registration is handed its receipt, issued with it and reported with it.
    expect(counts()).toMatchObject({ person: 1, person_version: 1, registration: 2, registration_version: 2, consent: 4, signature: 1, document: 2, outbox: 4 });
    expect(count('outbox', "kind = 'registration'")).toBe(2);
    expect(count('outbox', "kind = 'document'")).toBe(2);
    expect(count('registration', "channel = 'kiosk'")).toBe(2);
    expect(count('audit_log', "action = 'create' and object_type = 'registration'")).toBe(2);
    // Personal data is sealed: neither the name, the number nor the phone is anywhere in plain text.
    const dump = JSON.stringify(station.connection.sqlite.prepare('select * from person').all())
      + JSON.stringify(station.connection.sqlite.prepare('select * from registration').all())
      + JSON.stringify(station.connection.sqlite.prepare('select * from outbox').all())
      + JSON.stringify(station.connection.sqlite.prepare('select * from signature').all());
    for (const secret of ['𠮷', samplePerson.document.number, samplePerson.phone, 'iVBORw0KGgo']) expect(dump).not.toContain(secret);
  });

  it('finds a person by document and never stores them twice; a second active registration of a program is refused', async () => {
    await ok('registration:create', sampleRegistration({ programs: [{ program: 'cornea' }] }));
    // Typed differently (fullwidth digits, spaces, a new phone): still the same person.
    const typed = samplePerson.document.number.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    const second = await ok(
      'registration:create',
      sampleRegistration({ person: { ...samplePerson, phone: '13900002222', document: { kind: 'resident_id', number: ` ${typed} ` } }, programs: [{ program: 'organ', organs: { kind: 'all' } }] }),
    );
    expect(count('person')).toBe(1);
    expect(count('person_version')).toBe(2);
    expect(second.registrations[0]?.number).toBe('KMU01-2026-R000002');

    const before = counts();
    const duplicate = await refusal('registration:create', sampleRegistration({ programs: [{ program: 'organ', organs: { kind: 'selected', organs: ['kidney'] } }] }));
    expect(duplicate.code).toBe('already_registered');
    expect(duplicate.issues).toEqual([{ path: 'programs.0', reason: 'invalid' }]);
    expect(counts()).toEqual(before);
    // The refused attempt used no number: the next one follows without a gap.
    const third = await ok('registration:create', sampleRegistration({ programs: [{ program: 'body', paperwork: null }] }));
    expect(third.registrations[0]?.number).toBe('KMU01-2026-R000003');
  });

  it('refuses a known document under another name, storing nothing', async () => {
    await ok('registration:create', sampleRegistration());
    const before = counts();
    expect((await refusal('registration:create', sampleRegistration({ person: { ...samplePerson, name: '王五' }, programs: [{ program: 'organ', organs: { kind: 'all' } }] }))).code).toBe(
      'person_details_mismatch',
    );
    expect(counts()).toEqual(before);
  });

  it('checks age against the registration date: 18 on the birthday, stem cells up to the day before turning 46', async () => {
    // Today is 2026-04-04 in Beijing.
    const underAge = await refusal('registration:create', sampleRegistration({ person: personBorn('20080405', '101') }));
    expect(underAge.code).toBe('validation_failed');
    expect(underAge.issues).toEqual([
      { path: 'programs.0', reason: 'age_under_18' },
      { path: 'programs.1', reason: 'age_under_18' },
    ]);
    await ok('registration:create', sampleRegistration({ person: personBorn('20080404', '103') }));

    const stemCell = (birth: string, sequence: string) => sampleRegistration({ person: personBorn(birth, sequence), programs: [stemCellChoice] });
    expect((await refusal('registration:create', stemCell('19800404', '105'))).issues).toEqual([
      { path: 'programs.0', reason: 'stem_cell_age_range', params: { min: 18, max: 45 } },
    ]);
    await ok('registration:create', stemCell('19800405', '107'));
    expect(count('registration')).toBe(3);
  });

  it('refuses what the rules refuse, with the field and reason: consent, signature at the kiosk, contacts, relatives', async () => {
    const before = counts();
    const noConsent = await refusal('registration:create', { ...sampleRegistration(), consents: { ...allConsents, donation_intent: false } });
    expect(noConsent.issues).toContainEqual({ path: 'consents.donation_intent', reason: 'consent_required' });
    const paperAtKiosk = await refusal('registration:create', sampleRegistration({ signature: { kind: 'paper' } }), kiosk);
    expect(paperAtKiosk.issues).toEqual([{ path: 'signature', reason: 'signature_required' }]);
    const ownPhone = await refusal(
      'registration:create',
      sampleRegistration({ programs: [{ ...stemCellChoice, emergencyContacts: [{ name: '李建国', relation: 'relative', phone: '+86 138 1234 5678' }, stemCellChoice.emergencyContacts[1]!] }] }),
    );
    expect(ownPhone.issues).toContainEqual({ path: 'programs.0.emergencyContacts.0.phone', reason: 'emergency_contact_own_phone' });
    const disagreement = await refusal(
      'registration:create',
      sampleRegistration({ programs: [{ program: 'body', paperwork: { ...samplePaperwork, relatives: [{ relation: 'adult_child', name: '李明', agrees: false }] } }] }),
    );
    expect(disagreement.issues).toContainEqual({ path: 'programs.0.paperwork.relatives', reason: 'relative_disagrees' });
    expect(counts()).toEqual(before);
  });

  it('keeps the registration local when reporting to the province was declined', async () => {
    await ok('registration:create', sampleRegistration({ consents: { ...allConsents, provincial_sync: false } }));
    expect(count('registration')).toBe(2);
    expect(count('outbox', "kind = 'registration'")).toBe(0);
  });
});

describe('changes to a registration', () => {
  async function registerOrgan() {
    const created = await ok('registration:create', sampleRegistration({ programs: [{ program: 'organ', organs: { kind: 'all' } }, stemCellChoice, { program: 'body', paperwork: null }] }));
    const [organ, stemCell, body] = created.registrations;
    return { personId: created.personId, organ: organ!, stemCell: stemCell!, body: body! };
  }

  it('amends by writing a new version and keeps the old one; a stale version is refused', async () => {
    const { organ } = await registerOrgan();
    const record = await ok('registration:amend', {
      registrationId: organ.id,
      expectedVersion: 1,
      choice: { program: 'organ', organs: { kind: 'selected', organs: ['liver', 'kidney'] } },
      reason: '本人要求只捐肾脏和肝脏',
    });
    const amended = record.registrations.find((r) => r.id === organ.id)!;
    expect(amended.version).toBe(2);
    expect(amended.choice).toEqual({ program: 'organ', organs: { kind: 'selected', organs: ['kidney', 'liver'] } });
    expect(amended.history.map((h) => [h.version, h.event, h.choice])).toEqual([
      [2, 'amended', { program: 'organ', organs: { kind: 'selected', organs: ['kidney', 'liver'] } }],
      [1, 'created', { program: 'organ', organs: { kind: 'all' } }],
    ]);
    expect(amended.history[0]?.note).toBe('本人要求只捐肾脏和肝脏');
    expect(count('outbox', `entity_id = '${organ.id}'`)).toBe(2);

    expect((await refusal('registration:amend', { registrationId: organ.id, expectedVersion: 1, choice: { program: 'organ', organs: { kind: 'all' } } })).code).toBe('version_conflict');
    expect((await refusal('registration:amend', { registrationId: organ.id, expectedVersion: 2, choice: { program: 'cornea' } })).issues).toEqual([
      { path: 'choice.program', reason: 'program_mismatch' },
    ]);
  });

  it('withdraws only with the person’s own document; the record is then final and a new registration gets a new record', async () => {
    const { organ } = await registerOrgan();
    const other = { kind: 'resident_id', number: residentId('530102', '19900307', '004') };
    expect((await refusal('registration:withdraw', { registrationId: organ.id, expectedVersion: 1, identity: other, reason: '本人要求' })).code).toBe('identity_mismatch');
    const record = await ok('registration:withdraw', { registrationId: organ.id, expectedVersion: 1, identity: samplePerson.document, reason: '本人要求' });
    expect(record.registrations.find((r) => r.id === organ.id)).toMatchObject({ state: 'withdrawn', version: 2 });
    expect(count('audit_log', "action = 'withdraw'")).toBe(1);
    expect((await refusal('registration:amend', { registrationId: organ.id, expectedVersion: 2, choice: { program: 'organ', organs: { kind: 'all' } } })).code).toBe(
      'registration_not_active',
    );
    const again = await ok('registration:create', sampleRegistration({ programs: [{ program: 'organ', organs: { kind: 'all' } }] }));
    expect(again.registrations[0]?.id).not.toBe(organ.id);
    expect(count('registration', "program = 'organ'")).toBe(2);
  });

  it('moves a stem-cell volunteer one step at a time; a withdrawal within the cooling-off period stops the typing', async () => {
    const { stemCell } = await registerOrgan();
    const base = { registrationId: stemCell.id };
    expect((await refusal('registration:stemCellStatus', { ...base, expectedVersion: 1, status: 'typed' })).code).toBe('stem_cell_transition');
    expect((await refusal('registration:stemCellStatus', { ...base, expectedVersion: 1, status: 'sample_taken' })).issues).toEqual([{ path: 'sampleBarcode', reason: 'required' }]);
    expect((await refusal('registration:stemCellStatus', { ...base, expectedVersion: 1, status: 'sample_taken', sampleBarcode: '条码' })).issues).toEqual([
      { path: 'sampleBarcode', reason: 'barcode_format' },
    ]);
    let record = await ok('registration:stemCellStatus', { ...base, expectedVersion: 1, status: 'sample_taken', sampleBarcode: 'cmdp-2026-0001' });
    expect(record.registrations.find((r) => r.id === stemCell.id)?.stemCell).toEqual({
      status: 'sample_taken',
      sampleBarcode: 'CMDP-2026-0001',
      coolingOffUntil: '2026-04-11',
      typingStopped: false,
    });
    record = await ok('registration:followUp', { registrationId: stemCell.id, outcome: 'reached_confirmed', note: '电话确认' });
    expect(record.registrations.find((r) => r.id === stemCell.id)?.followUps).toMatchObject([{ outcome: 'reached_confirmed', note: '电话确认' }]);

    now = new Date('2026-04-11T15:00:00.000Z'); // 23:00 on 11 April in Beijing: the last day of the period
    await ok('session:unlock', { pin: sampleAdmin.pin }); // a week later the desk has locked itself
    record = await ok('registration:withdraw', { ...base, expectedVersion: 2, identity: samplePerson.document, reason: '家人反对' });
    expect(record.registrations.find((r) => r.id === stemCell.id)?.stemCell).toMatchObject({ status: 'withdrawn', typingStopped: true });
  });

  it('records body-donation paperwork; a relative’s disagreement is refused and changes nothing', async () => {
    const { body } = await registerOrgan();
    const before = counts();
    const refused = await refusal('registration:bodyPaperwork', {
      registrationId: body.id,
      expectedVersion: 1,
      paperwork: { ...samplePaperwork, relatives: [...samplePaperwork.relatives, { relation: 'parent', name: '李老', agrees: false }] },
    });
    expect(refused.issues).toContainEqual({ path: 'paperwork.relatives', reason: 'relative_disagrees' });
    expect(counts()).toEqual(before);
    const record = await ok('registration:bodyPaperwork', { registrationId: body.id, expectedVersion: 1, paperwork: samplePaperwork });
    const registration = record.registrations.find((r) => r.id === body.id)!;
    expect(registration.history[0]?.event).toBe('body_paperwork');
    expect(registration.choice).toMatchObject({ program: 'body', paperwork: { executor: { kind: 'relative', name: '李*', phone: '139****1111' }, noCloseRelatives: false } });
  });

  it('asks for the notarised statement where the station requires it', async () => {
    station.connection.sqlite.prepare("insert into station_setting (key, value, updated_at) values ('bodyChangeNeedsNotarisation', 'true', '2026-01-01')").run();
    const { body } = await registerOrgan();
    const input = { registrationId: body.id, expectedVersion: 1, identity: samplePerson.document, reason: '本人要求' };
    expect((await refusal('registration:withdraw', input)).code).toBe('notarisation_required');
    await ok('registration:withdraw', { ...input, notarised: true });
  });
});

describe('refusal of donation', () => {
  it('is refused while registrations are active, recorded once after withdrawal, blocks registration until revoked', async () => {
    const created = await ok('registration:create', sampleRegistration({ programs: [{ program: 'cornea' }] }));
    expect((await refusal('refusal:record', { person: samplePerson, signature: { kind: 'paper' } })).code).toBe('active_registrations_exist');
    await ok('registration:withdraw', { registrationId: created.registrations[0]!.id, expectedVersion: 1, identity: samplePerson.document, reason: '改为不同意捐献' });
    const recorded = await ok('refusal:record', { person: samplePerson, signature: { kind: 'drawn', image: SAMPLE_SIGNATURE }, statement: '本人不同意捐献' });
    const again = await ok('refusal:record', { person: samplePerson, signature: { kind: 'paper' } });
    expect(again.refusalId).toBe(recorded.refusalId);
    expect(count('refusal')).toBe(1);
    expect(count('outbox', "kind = 'refusal'")).toBe(1);

    expect((await refusal('registration:create', sampleRegistration())).code).toBe('refusal_on_file');
    const record = await ok('refusal:revoke', { personId: recorded.personId, reason: '本人改变意愿' });
    expect(record.refusal).toBeNull();
    await ok('registration:create', sampleRegistration());
  });
});

describe('staff reading records', () => {
  it('find people by registration number, document or name, masked; a reveal is audited', async () => {
    const created = await ok('registration:create', sampleRegistration());
    const number = created.registrations[0]!.number;
    const byNumber = await ok('registration:search', { query: ` ${number.toLowerCase()} ` });
    expect(byNumber).toMatchObject({ matchedBy: 'registration_number', results: [{ personId: created.personId, name: '李*', document: '530102********002X'.slice(0, 6) + '********' + samplePerson.document.number.slice(-4) }] });
    expect((await ok('registration:search', { query: samplePerson.document.number.toLowerCase() })).results).toHaveLength(1);
    expect((await ok('registration:search', { query: '李𠮷祥' })).matchedBy).toBe('name');
    expect((await ok('registration:search', { query: '李𠮷祥' })).results).toHaveLength(1);
    expect((await ok('registration:search', { query: '李四' })).results).toHaveLength(0);

    const record = await ok('person:get', { personId: created.personId });
    expect(record).toMatchObject({ name: '李*', phone: '138****5678', birthDate: '1990-03-07', sex: 'female' });
    expect(record.consents).toHaveLength(4);
    const views = count('audit_log', "action = 'view_unmasked'");
    expect(await ok('person:reveal', { personId: created.personId, field: 'document' })).toMatchObject({ value: samplePerson.document.number });
    expect((await ok('person:signature', { personId: created.personId })).image).toBe(SAMPLE_SIGNATURE);
    expect(count('audit_log', "action = 'view_unmasked'")).toBe(views + 2);
  });

  it('keep people findable by document after the data key is rotated', async () => {
    const created = await ok('registration:create', sampleRegistration());
    await station.services.protection.rotate();
    expect((await ok('registration:search', { query: samplePerson.document.number })).results[0]?.personId).toBe(created.personId);
    expect((await refusal('registration:create', sampleRegistration())).code).toBe('already_registered');
  });

  it('amend a person’s phone as a new version, the earlier kept', async () => {
    const created = await ok('registration:create', sampleRegistration());
    const record = await ok('person:amend', { personId: created.personId, expectedVersion: 1, name: '李𠮷祥', phone: '+86 139 0000 3333', reason: '换号' });
    expect(record).toMatchObject({ version: 2, phone: '139****3333' });
    expect(record.history.map((h) => [h.version, h.phone])).toEqual([
      [2, '139****3333'],
      [1, '138****5678'],
    ]);
    expect((await refusal('person:amend', { personId: created.personId, expectedVersion: 1, name: '李𠮷祥', phone: '13900004444' })).code).toBe('version_conflict');
  });
});

describe('history', () => {
  it('cannot be edited or deleted, even by hand in the database', async () => {
    await ok('registration:create', sampleRegistration());
    const db = station.connection.sqlite;
    expect(() => db.prepare("update registration_version set state = 'withdrawn'").run()).toThrow(/append-only/);
    expect(() => db.prepare('delete from registration_version').run()).toThrow(/append-only/);
    expect(() => db.prepare('delete from registration').run()).toThrow(/never deleted/);
    expect(() => db.prepare('delete from person').run()).toThrow(/never deleted/);
    expect(() => db.prepare('update consent set granted = 0').run()).toThrow(/append-only/);
  });
});
