import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallInput } from '../../shared/contract/calls';
import type { Language } from '../../shared/i18n/languages';
import { callsOn, signInStaffDesks, STAFF_PIN } from '../fixtures/dispatch';
import { samplePerson, sampleRegistration } from '../fixtures/registrations';
import { openTempStation, sampleAdmin, sampleSetup } from '../fixtures/temp-station';

type TempStation = Awaited<ReturnType<typeof openTempStation>>;

let station: TempStation;
/** 2026-04-04 17:00 in Beijing: the day of the registrations below. */
let now = new Date('2026-04-04T09:00:00.000Z');
const admin = { sessionKey: 'admin-desk' };
const supervisor = { sessionKey: 'supervisor-desk' };
const registrar = { sessionKey: 'registrar-desk' };

beforeEach(async () => {
  now = new Date('2026-04-04T09:00:00.000Z');
  // The fonts are where the tests' global setup copies them (resources/fonts of the source tree).
  station = await openTempStation({ clock: { now: () => now } });
  await station.dispatch('station:setup', sampleSetup, admin);
  await signInStaffDesks(station, admin, [
    { role: 'supervisor', desk: supervisor, account: { username: 'desk.supervisor', displayName: '陈静', password: 'supervisor passphrase' } },
    { role: 'registrar', desk: registrar, account: { username: 'desk.registrar', displayName: '王芳', password: 'registrar passphrase' } },
  ]);
});
afterEach(async () => {
  await station.remove();
});

const { ok, refusal } = callsOn(() => station, () => supervisor);

function count(table: string, where = '1 = 1'): number {
  return (station.connection.sqlite.prepare(`select count(*) as n from ${table} where ${where}`).get() as { n: number }).n;
}

function counts(): Record<string, number> {
  const tables = ['registration_version', 'outbox', 'audit_log', 'document'];
  return Object.fromEntries(tables.map((table) => [table, count(table)]));
}

/** Moves the station's clock on; the desks, idle meanwhile, reopen with their PINs. */
async function later(iso: string): Promise<void> {
  now = new Date(iso);
  await ok('session:unlock', { pin: sampleAdmin.pin }, admin);
  await ok('session:unlock', { pin: STAFF_PIN }, supervisor);
  await ok('session:unlock', { pin: STAFF_PIN }, registrar);
}

/** The sample person (李𠮷祥) registered for body and cornea donation today. */
async function register() {
  const created = await ok('registration:create', sampleRegistration(), admin);
  const [body, cornea] = created.registrations;
  return { personId: created.personId, body: body!, cornea: cornea! };
}

function certificate(kind: 'memorial_certificate' | 'honour_certificate', personId: string, language: Language = 'zh-CN'): CallInput<'documents:issue'> {
  return { kind, subject: { type: 'person', id: personId }, language };
}

/** The text of a PDF as poppler reads it, whitespace removed for Chinese and collapsed for English. */
function pdfText(contentBase64: string, language: Language): string {
  const file = join(station.dataDir, 'certificate.pdf');
  writeFileSync(file, Buffer.from(contentBase64, 'base64'));
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  return language === 'en' ? text.replace(/\s+/g, ' ') : text.replace(/\s+/g, '');
}

describe('recording a donation as completed', () => {
  it('makes the registration realised with its day, a history row, an audit entry and an outbox entry, and no receipt', async () => {
    const { body } = await register();
    await later('2026-04-20T02:00:00.000Z');
    const before = counts();
    const record = await ok('registration:realise', { registrationId: body.id, expectedVersion: 1, donatedOn: '2026-04-18', note: '执行人：李建国' });

    const realised = record.registrations.find((registration) => registration.id === body.id)!;
    expect(realised).toMatchObject({ state: 'realised', version: 2, realisedOn: '2026-04-18' });
    expect(realised.history[0]).toMatchObject({ version: 2, event: 'realised', state: 'realised', actorName: '陈静', note: '执行人：李建国' });
    expect(record.registrations.find((registration) => registration.id !== body.id)).toMatchObject({ state: 'active', realisedOn: null });

    expect(counts()).toEqual({ ...before, registration_version: before.registration_version! + 1, outbox: before.outbox! + 1, audit_log: before.audit_log! + 1 });
    expect(count('audit_log', `action = 'realise' and object_type = 'registration' and object_id = '${body.id}' and actor_role = 'supervisor'`)).toBe(1);
    const outbox = station.connection.sqlite.prepare("select payload from outbox join outbox_payload using (seq) where kind = 'registration' and entity_id = ? and version = 2").get(body.id) as { payload: string };
    expect(JSON.parse(station.services.protection.open(outbox.payload, 'outbox.payload'))).toMatchObject({
      id: body.id,
      state: 'realised',
      event: 'realised',
      version: 2,
      realisedOn: '2026-04-18',
    });
    // The note may name people: sealed at rest like every note of the history.
    expect(JSON.stringify(station.connection.sqlite.prepare('select note from registration_version').all())).not.toContain('李建国');
  });

  it('takes today and the registration day, and refuses a later day or an earlier one, changing nothing', async () => {
    const { body, cornea } = await register();
    const before = counts();
    const refusedFor = async (donatedOn: string) => (await refusal('registration:realise', { registrationId: body.id, expectedVersion: 1, donatedOn })).issues;
    expect(await refusedFor('2026-04-05')).toEqual([{ path: 'donatedOn', reason: 'donation_date_future' }]);
    expect(await refusedFor('2026-04-03')).toEqual([{ path: 'donatedOn', reason: 'donation_date_before_registration' }]);
    expect(await refusedFor('2026-02-30')).toEqual([{ path: 'donatedOn', reason: 'donation_date' }]);
    expect(await refusedFor('4/4/2026')).toEqual([{ path: 'donatedOn', reason: 'donation_date' }]);
    expect(counts()).toEqual(before);

    // Today (in Beijing, the station's calendar) is also the registration day: both allow it.
    await ok('registration:realise', { registrationId: body.id, expectedVersion: 1, donatedOn: '2026-04-04' });
    await later('2026-04-04T15:59:00.000Z'); // 23:59 on 4 April in Beijing, still today
    await ok('registration:realise', { registrationId: cornea.id, expectedVersion: 1, donatedOn: '2026-04-04' });
  });

  it('is final: a realised record is not realised again, amended nor withdrawn; a withdrawn one is not realised', async () => {
    const { body, cornea } = await register();
    await ok('registration:realise', { registrationId: cornea.id, expectedVersion: 1, donatedOn: '2026-04-04' });
    const before = counts();
    expect((await refusal('registration:realise', { registrationId: cornea.id, expectedVersion: 2, donatedOn: '2026-04-04' })).code).toBe('registration_not_active');
    expect((await refusal('registration:amend', { registrationId: cornea.id, expectedVersion: 2, choice: { program: 'cornea' } })).code).toBe('registration_not_active');
    expect(
      (await refusal('registration:withdraw', { registrationId: cornea.id, expectedVersion: 2, identity: samplePerson.document, reason: '本人要求' })).code,
    ).toBe('registration_not_active');
    expect(counts()).toEqual(before);

    await ok('registration:withdraw', { registrationId: body.id, expectedVersion: 1, identity: samplePerson.document, reason: '本人要求' });
    expect((await refusal('registration:realise', { registrationId: body.id, expectedVersion: 2, donatedOn: '2026-04-04' })).code).toBe('registration_not_active');
    expect(count('registration', "state = 'realised'")).toBe(1);
  });

  it('refuses a stale version, an unknown record, and a registrar', async () => {
    const { body } = await register();
    await ok('registration:bodyPaperwork', {
      registrationId: body.id,
      expectedVersion: 1,
      paperwork: { executor: { kind: 'community', name: '五华区莲华街道', phone: '0871-65123456', document: null }, relatives: [], noCloseRelatives: true },
    });
    const before = counts();
    expect((await refusal('registration:realise', { registrationId: body.id, expectedVersion: 1, donatedOn: '2026-04-04' })).code).toBe('version_conflict');
    expect((await refusal('registration:realise', { registrationId: 'no-such-registration', expectedVersion: 1, donatedOn: '2026-04-04' })).code).toBe('not_found');
    expect((await refusal('registration:realise', { registrationId: body.id, expectedVersion: 2, donatedOn: '2026-04-04' }, registrar)).code).toBe('forbidden');
    expect(counts()).toEqual(before);
    // An administrator may, as a supervisor may.
    await ok('registration:realise', { registrationId: body.id, expectedVersion: 2, donatedOn: '2026-04-04' }, admin);
  });
});

describe('the certificates given after a donation', () => {
  it('are refused before a registration of the person is realised, using no serial', async () => {
    const { personId } = await register();
    for (const kind of ['memorial_certificate', 'honour_certificate'] as const) {
      expect((await refusal('documents:issue', certificate(kind, personId))).code).toBe('donation_not_realised');
    }
    expect(count('document', "kind in ('memorial_certificate', 'honour_certificate')")).toBe(0);
    expect(count('number_sequence', "scope like 'doc:%' and scope != 'doc:receipt'")).toBe(0);
  });

  it('print the donor’s name, the donation and its day, in Chinese and in English', async () => {
    const { personId, body } = await register();
    await later('2026-04-20T02:00:00.000Z');
    await ok('registration:realise', { registrationId: body.id, expectedVersion: 1, donatedOn: '2026-04-18' });

    const expected = {
      'zh-CN': { memorial_certificate: '纪念证书', honour_certificate: '荣誉证书', kind: '遗体捐献', date: '2026年4月18日', family: '李𠮷祥家属' },
      en: { memorial_certificate: 'Certificate in memoriam', honour_certificate: 'Certificate of honour', kind: 'body donation', date: '18 April 2026', family: 'To the family of 李𠮷祥' },
    } as const;
    const serials: string[] = [];
    for (const language of ['zh-CN', 'en'] as const) {
      for (const kind of ['memorial_certificate', 'honour_certificate'] as const) {
        const issued = await ok('documents:issue', certificate(kind, personId, language));
        serials.push(issued.serial);
        const printed = await ok('documents:pdf', { documentId: issued.id });
        expect(printed.missing).toEqual([]);
        const text = pdfText(printed.contentBase64, language);
        const want = expected[language];
        for (const part of [want[kind], '李𠮷祥', want.kind, want.date, want.family, issued.serial]) expect(text, `${kind} ${language}`).toContain(part);
      }
    }
    expect(serials).toEqual(['KMU01-2026-MEM-000001', 'KMU01-2026-HON-000001', 'KMU01-2026-MEM-000002', 'KMU01-2026-HON-000002']);
    expect(count('audit_log', "action = 'print'")).toBe(4);
  });

  it('name the person’s latest donation when more than one registration is realised', async () => {
    const { personId, body, cornea } = await register();
    await later('2026-04-20T02:00:00.000Z');
    await ok('registration:realise', { registrationId: body.id, expectedVersion: 1, donatedOn: '2026-04-18' });
    await ok('registration:realise', { registrationId: cornea.id, expectedVersion: 1, donatedOn: '2026-04-19' });
    const issued = await ok('documents:issue', certificate('memorial_certificate', personId));
    const text = pdfText((await ok('documents:pdf', { documentId: issued.id })).contentBase64, 'zh-CN');
    expect(text).toContain('2026年4月19日完成角膜捐献');
  });
});
