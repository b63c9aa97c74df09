import { existsSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallInput, CallOutput } from '../../shared/contract/calls';
import { maskDocumentNumber } from '../../shared/domain/masking';
import { firstSigningKey } from '../../electron/db/repositories/signing-keys';
import { privateKeyFromDer } from '../../electron/security/document-signature';
import { StationSigningKey } from '../../electron/services/kernel/signing-key';
import { openTempStation, sampleSetup } from '../fixtures/temp-station';
import { callsOn } from '../fixtures/dispatch';
import { residentId, samplePerson, sampleRegistration, SAMPLE_SIGNATURE } from '../fixtures/registrations';

type TempStation = Awaited<ReturnType<typeof openTempStation>>;

let station: TempStation;
/** 2026-04-04 17:00 in Beijing. */
const now = new Date('2026-04-04T09:00:00.000Z');
const clock = { now: () => now };
const desk = { sessionKey: 'admin-desk' };

beforeEach(async () => {
  station = await openTempStation({ clock });
  await station.dispatch('station:setup', sampleSetup, desk);
});
afterEach(async () => {
  await station.remove();
});

const { ok, refusal } = callsOn(() => station, () => desk);

function count(table: string, where = '1 = 1'): number {
  return (station.connection.sqlite.prepare(`select count(*) as n from ${table} where ${where}`).get() as { n: number }).n;
}

function storedDocument(id: string): Record<string, string | null> {
  return station.connection.sqlite.prepare('select * from document where id = ?').get(id) as Record<string, string | null>;
}

/**
 * Registers the sample person (body and cornea); returns the person, the first registration and the
 * serials of the two receipts the registration issued (RCP-000001 and RCP-000002).
 */
async function register() {
  const created = await ok('registration:create', sampleRegistration());
  expect(created.receipts.map((receipt) => receipt.serial)).toEqual(['KMU01-2026-RCP-000001', 'KMU01-2026-RCP-000002']);
  return { personId: created.personId, registrationId: created.registrations[0]!.id };
}

/** Documents, events, audit entries and outbox entries the registration's own receipts account for. */
const RECEIPTS_AT_REGISTRATION = 2;

function receiptFor(registrationId: string, extra: Partial<CallInput<'documents:issue'>> = {}): CallInput<'documents:issue'> {
  return { kind: 'receipt', subject: { type: 'registration', id: registrationId }, language: 'zh-CN', ...extra };
}

const recipientDocument = { kind: 'resident_id', number: residentId('530102', '19600101', '011') } as const;
const handOverTo = (documentId: string): CallInput<'documents:handOver'> => ({
  documentId,
  recipientName: '李建国',
  relation: 'child',
  recipientDocument,
  signature: SAMPLE_SIGNATURE,
});

describe('issuing documents', () => {
  it('gives each kind its own serial, signs a payload that verifies, and journals, audits and queues the issue', async () => {
    const { personId, registrationId } = await register();
    const receipt = await ok('documents:issue', receiptFor(registrationId));
    expect(receipt).toMatchObject({
      serial: 'KMU01-2026-RCP-000003',
      kind: 'receipt',
      state: 'issued',
      subject: { type: 'registration', id: registrationId },
      subjectName: '李*',
      personId,
      language: 'zh-CN',
      issuedBy: '管理员',
      handedOver: null,
      voided: null,
      replacesSerial: null,
      replacedBySerial: null,
      history: [{ event: 'issued', actorName: '管理员' }],
    });
    const card = await ok('documents:issue', { kind: 'donor_card', subject: { type: 'person', id: personId }, language: 'en' });
    expect(card.serial).toBe('KMU01-2026-CARD-000001');
    const second = await ok('documents:issue', receiptFor(registrationId));
    expect(second.serial).toBe('KMU01-2026-RCP-000004');

    expect(await ok('documents:verify', { payload: receipt.payload })).toEqual({
      result: 'genuine',
      serial: 'KMU01-2026-RCP-000003',
      kind: 'receipt',
      issuedOn: '2026-04-04',
      subject: '李*',
    });
    expect(count('document_event')).toBe(RECEIPTS_AT_REGISTRATION + 3);
    expect(count('audit_log', "action = 'document_issue' and object_type = 'document'")).toBe(RECEIPTS_AT_REGISTRATION + 3);
    expect(count('outbox', "kind = 'document'")).toBe(RECEIPTS_AT_REGISTRATION + 3);
    expect(count('signing_key')).toBe(1);
  });

  it('refuses a document for the wrong kind of record, a record that does not exist, or one whose registration is not active', async () => {
    const { personId, registrationId } = await register();
    expect((await refusal('documents:issue', { kind: 'donor_card', subject: { type: 'registration', id: registrationId }, language: 'zh-CN' })).issues).toEqual([
      { path: 'subject.type', reason: 'document_subject' },
    ]);
    expect((await refusal('documents:issue', receiptFor('no-such-registration'))).code).toBe('not_found');
    // Sessions are not recorded yet: no attendance certificate can find its session.
    expect((await refusal('documents:issue', { kind: 'attendance_certificate', subject: { type: 'session', id: 'any' }, language: 'zh-CN' })).code).toBe('not_found');

    await ok('registration:withdraw', { registrationId, expectedVersion: 1, identity: samplePerson.document, reason: '本人要求' });
    const certificate = { kind: 'registration_certificate', subject: { type: 'registration', id: registrationId }, language: 'zh-CN' } as const;
    expect((await refusal('documents:issue', certificate)).code).toBe('registration_not_active');
    // The withdrawal issued its own receipt (RCP-000003); a copy of a withdrawn record's receipt is still
    // given, and the refusals above used no serial.
    expect(count('document', "kind = 'receipt'")).toBe(RECEIPTS_AT_REGISTRATION + 1);
    expect((await ok('documents:issue', receiptFor(registrationId))).serial).toBe('KMU01-2026-RCP-000004');
    // The certificates given after a donation wait for a realised registration.
    expect((await refusal('documents:issue', { kind: 'memorial_certificate', subject: { type: 'person', id: personId }, language: 'zh-CN' })).code).toBe(
      'donation_not_realised',
    );
    expect(count('document')).toBe(RECEIPTS_AT_REGISTRATION + 1 + 1);
  });

  it('gives distinct, gap-free serials to 50 documents issued at the same moment', async () => {
    const { registrationId } = await register();
    const issued = await Promise.all(Array.from({ length: 50 }, () => station.dispatch('documents:issue', receiptFor(registrationId), desk)));
    const serials = issued.map((result) => {
      if (!result.ok) throw new Error(JSON.stringify(result.error));
      return (result.data as CallOutput<'documents:issue'>).serial;
    });
    expect(new Set(serials).size).toBe(50);
    // They follow the registration's two receipts without a gap: RCP-000003 to RCP-000052.
    const first = RECEIPTS_AT_REGISTRATION + 1;
    expect([...serials].sort()).toEqual(Array.from({ length: 50 }, (_, index) => `KMU01-2026-RCP-${String(first + index).padStart(6, '0')}`));
    expect(count('document')).toBe(RECEIPTS_AT_REGISTRATION + 50);
    expect(count('signing_key')).toBe(1);
  });
});

describe('the closed loop', () => {
  it('hands a copy over once, to a recipient whose document is kept masked and whose details are sealed', async () => {
    const { registrationId } = await register();
    const issued = await ok('documents:issue', receiptFor(registrationId));
    const handed = await ok('documents:handOver', handOverTo(issued.id));
    expect(handed).toMatchObject({
      state: 'handed_over',
      handedOver: {
        by: '管理员',
        recipientName: '李*',
        relation: 'child',
        recipientDocumentKind: 'resident_id',
        recipientDocument: maskDocumentNumber(recipientDocument.number),
      },
      history: [{ event: 'issued' }, { event: 'handed_over' }],
    });
    expect((await refusal('documents:handOver', handOverTo(issued.id))).code).toBe('document_already_handed_over');

    const row = storedDocument(issued.id);
    const stored = JSON.stringify(row);
    for (const secret of ['李建国', recipientDocument.number, 'iVBORw0KGgo']) expect(stored).not.toContain(secret);
    expect(count('audit_log', "action = 'document_hand_over'")).toBe(1);
    expect(count('outbox', `kind = 'document' and entity_id = '${issued.id}'`)).toBe(2);
  });

  it('voids a copy with its reason; a voided copy is neither handed over, printed, voided again nor re-issued', async () => {
    const { registrationId } = await register();
    const issued = await ok('documents:issue', receiptFor(registrationId));
    const voided = await ok('documents:void', { documentId: issued.id, reason: '打印污损' });
    expect(voided).toMatchObject({ state: 'voided', voided: { by: '管理员' }, history: [{ event: 'issued' }, { event: 'voided' }] });
    expect(station.services.protection.open(storedDocument(issued.id).void_reason!, 'document.void_reason')).toBe('打印污损');

    expect((await refusal('documents:handOver', handOverTo(issued.id))).code).toBe('document_voided');
    expect((await refusal('documents:void', { documentId: issued.id, reason: '再次作废' })).code).toBe('document_not_voidable');
    expect((await refusal('documents:issue', receiptFor(registrationId, { replaces: issued.id }))).code).toBe('document_voided');
    await expect(station.services.documents.recordPrint(issued.id, { id: null, role: 'system' })).rejects.toMatchObject({ code: 'document_voided' });

    expect(await ok('documents:verify', { payload: issued.payload })).toMatchObject({ result: 'voided', serial: issued.serial });
    expect(count('audit_log', "action = 'document_void'")).toBe(1);
  });

  it('voids a handed-over copy too, when it is lost', async () => {
    const { registrationId } = await register();
    const issued = await ok('documents:issue', receiptFor(registrationId));
    await ok('documents:handOver', handOverTo(issued.id));
    expect(await ok('documents:void', { documentId: issued.id, reason: '遗失' })).toMatchObject({ state: 'voided' });
  });

  it('re-issues a copy by voiding it and linking both ways, in one step; a copy is replaced only once', async () => {
    const { registrationId } = await register();
    const first = await ok('documents:issue', receiptFor(registrationId));
    await ok('documents:handOver', handOverTo(first.id));
    const second = await ok('documents:issue', receiptFor(registrationId, { replaces: first.id, language: 'en' }));
    expect(second).toMatchObject({ serial: 'KMU01-2026-RCP-000004', state: 'issued', language: 'en', replacesSerial: first.serial, replacedBySerial: null });

    const listed = await ok('documents:list', {});
    const earlier = listed.documents.find((document) => document.id === first.id);
    expect(earlier).toMatchObject({ state: 'voided', replacedBySerial: second.serial, history: [{ event: 'issued' }, { event: 'handed_over' }, { event: 'voided' }] });
    expect(station.services.protection.open(storedDocument(first.id).void_reason!, 'document.void_reason')).toBe('reissued');
    expect(storedDocument(first.id).replaced_by_id).toBe(second.id);
    expect(storedDocument(second.id).replaces_id).toBe(first.id);

    expect((await refusal('documents:issue', receiptFor(registrationId, { replaces: first.id }))).code).toBe('document_replaced');
    expect(await ok('documents:verify', { payload: first.payload })).toMatchObject({ result: 'voided' });
    expect(await ok('documents:verify', { payload: second.payload })).toMatchObject({ result: 'genuine' });
    expect(count('audit_log', "action = 'document_void'")).toBe(1);
    expect(count('audit_log', "action = 'document_issue'")).toBe(RECEIPTS_AT_REGISTRATION + 2);
  });

  it('re-issues only the same kind of document for the same record, and a refused re-issue changes nothing', async () => {
    const { personId, registrationId } = await register();
    const receipt = await ok('documents:issue', receiptFor(registrationId));
    const refused = await refusal('documents:issue', { kind: 'donor_card', subject: { type: 'person', id: personId }, language: 'zh-CN', replaces: receipt.id });
    expect(refused).toMatchObject({ code: 'validation_failed', issues: [{ path: 'replaces', reason: 'document_mismatch' }] });
    expect((await refusal('documents:issue', receiptFor(registrationId, { replaces: 'no-such-document' }))).code).toBe('not_found');
    expect(storedDocument(receipt.id).state).toBe('issued');
    expect(count('document')).toBe(RECEIPTS_AT_REGISTRATION + 1);
    expect((await ok('documents:issue', { kind: 'donor_card', subject: { type: 'person', id: personId }, language: 'zh-CN' })).serial).toBe('KMU01-2026-CARD-000001');
  });

  it('audits every print of a copy still at the station, and prints nothing that has left it', async () => {
    const { registrationId } = await register();
    const issued = await ok('documents:issue', receiptFor(registrationId));
    const admin = { id: storedDocument(issued.id).issued_by ?? null, role: 'admin' };
    await station.services.documents.recordPrint(issued.id, admin);
    const reprinted = await station.services.documents.recordPrint(issued.id, admin);
    expect(reprinted.history.map((entry) => entry.event)).toEqual(['issued', 'printed', 'printed']);
    expect(count('audit_log', `action = 'print' and object_id = '${issued.id}'`)).toBe(2);
    // A print is not a step of the closed loop: nothing more for the province.
    expect(count('outbox', `kind = 'document' and entity_id = '${issued.id}'`)).toBe(1);
    await ok('documents:handOver', handOverTo(issued.id));
    await expect(station.services.documents.recordPrint(issued.id, admin)).rejects.toMatchObject({ code: 'document_already_handed_over' });
  });

  it('lists documents newest first by state and kind, waiting hand-overs visible as such', async () => {
    const { personId, registrationId } = await register();
    const receipt = await ok('documents:issue', receiptFor(registrationId));
    const card = await ok('documents:issue', { kind: 'donor_card', subject: { type: 'person', id: personId }, language: 'zh-CN' });
    await ok('documents:issue', receiptFor(registrationId));
    await ok('documents:handOver', handOverTo(card.id));
    await ok('documents:void', { documentId: receipt.id, reason: '重复打印' });

    // Issued at the same moment (the clock is fixed), so the serial orders them.
    const all = await ok('documents:list', {});
    expect(all.total).toBe(RECEIPTS_AT_REGISTRATION + 3);
    expect(all.documents.map((document) => document.serial)).toEqual([
      'KMU01-2026-RCP-000004',
      'KMU01-2026-RCP-000003',
      'KMU01-2026-RCP-000002',
      'KMU01-2026-RCP-000001',
      'KMU01-2026-CARD-000001',
    ]);
    const waiting = await ok('documents:list', { state: 'issued' });
    expect(waiting.documents.map((document) => document.serial)).toEqual(['KMU01-2026-RCP-000004', 'KMU01-2026-RCP-000002', 'KMU01-2026-RCP-000001']);
    expect((await ok('documents:list', { kind: 'donor_card' })).documents.map((document) => document.state)).toEqual(['handed_over']);
    expect(await ok('documents:list', { state: 'voided', kind: 'receipt', limit: 1 })).toMatchObject({ total: 1, documents: [{ id: receipt.id }] });
    expect(JSON.stringify(all)).not.toContain('李𠮷祥');
  });
});

describe('verification', () => {
  it('says forged for a payload changed by one character, signed by another key, or not a payload at all', async () => {
    const { registrationId } = await register();
    const issued = await ok('documents:issue', receiptFor(registrationId));
    const [version, body, signature] = issued.payload.split('.') as [string, string, string];
    const flipped = `${version}.${body.slice(0, 10)}${body[10] === 'A' ? 'B' : 'A'}${body.slice(11)}.${signature}`;
    const forged = { result: 'forged', serial: null, kind: null, issuedOn: null, subject: null };
    expect(await ok('documents:verify', { payload: flipped })).toEqual(forged);
    expect(await ok('documents:verify', { payload: 'not a payload' })).toEqual(forged);

    const other = await openTempStation({ clock });
    try {
      await other.dispatch('station:setup', sampleSetup, desk);
      const registered = await other.dispatch('registration:create', sampleRegistration(), desk);
      const otherRegistration = (registered as { data: CallOutput<'registration:create'> }).data.registrations[0]!.id;
      const foreign = (await other.dispatch('documents:issue', receiptFor(otherRegistration), desk)) as { data: CallOutput<'documents:issue'> };
      // Same station code, same serial, but another station's key: forged here.
      expect(foreign.data.serial).toBe(issued.serial);
      expect(await ok('documents:verify', { payload: foreign.data.payload })).toEqual(forged);
    } finally {
      await other.remove();
    }
  });

  it('says unknown for a payload signed with this station’s key that its records do not hold', async () => {
    await register();
    await ok('documents:publicKey', undefined);
    const key = await firstSigningKey(station.connection.db);
    const payload = new StationSigningKey(station.services.protection, clock).sign(key!, { serial: 'KMU01-2026-CERT-000999', issuedOn: '2026-04-04', subject: '王*' });
    expect(await ok('documents:verify', { payload })).toEqual({
      result: 'unknown',
      serial: 'KMU01-2026-CERT-000999',
      kind: 'registration_certificate',
      issuedOn: '2026-04-04',
      subject: '王*',
    });
  });

  it('says forged before the station has ever signed anything', async () => {
    expect(await ok('documents:verify', { payload: 'RS1.e30.AAAA' })).toMatchObject({ result: 'forged' });
    expect(count('signing_key')).toBe(0);
  });

  it('exports the public key as PEM, creating it on first need, and audits the export', async () => {
    const exported = await ok('documents:publicKey', undefined);
    expect(exported.publicKey).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
    expect(exported.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(await ok('documents:publicKey', undefined)).toEqual(exported);
    expect(count('signing_key')).toBe(1);
    expect(count('audit_log', "action = 'export' and object_type = 'signing_key'")).toBe(2);
  });
});

describe('the signing key', () => {
  /** The private key in every form it could leak in: PKCS#8 DER, its base64, and the 32-byte seed. */
  async function privateKeyForms(): Promise<Buffer[]> {
    const row = await firstSigningKey(station.connection.db);
    const base64 = station.services.protection.open(row!.private_key, 'signing_key.private_key');
    const der = Buffer.from(base64, 'base64');
    const seed = Buffer.from(privateKeyFromDer(der).export({ format: 'jwk' }).d!, 'base64url');
    expect(seed).toHaveLength(32);
    return [der, Buffer.from(base64, 'utf8'), seed];
  }

  function databaseBytes(): Buffer {
    const files = [station.databasePath, `${station.databasePath}-wal`].filter(existsSync);
    return Buffer.concat(files.map((file) => readFileSync(file)));
  }

  it('survives a rotation of the data key: resealed, payloads still verify, new documents still sign', async () => {
    const { registrationId } = await register();
    const before = await ok('documents:issue', receiptFor(registrationId));
    const sealedBefore = (await firstSigningKey(station.connection.db))!.private_key;
    const formsBefore = await privateKeyForms();

    await station.services.protection.rotate();

    const sealedAfter = (await firstSigningKey(station.connection.db))!.private_key;
    expect(sealedAfter).not.toBe(sealedBefore);
    expect(sealedAfter.startsWith(`v1.${station.services.protection.cipher.currentKeyId}.`)).toBe(true);
    expect(await privateKeyForms()).toEqual(formsBefore);
    expect(await ok('documents:verify', { payload: before.payload })).toMatchObject({ result: 'genuine' });
    const after = await ok('documents:issue', receiptFor(registrationId));
    expect(await ok('documents:verify', { payload: after.payload })).toMatchObject({ result: 'genuine' });
    expect(count('signing_key')).toBe(1);
  });

  it('never reaches the database file or its WAL in plain text', async () => {
    const { registrationId } = await register();
    await ok('documents:issue', receiptFor(registrationId));
    await station.services.protection.rotate();
    const forms = await privateKeyForms();
    const bytes = databaseBytes();
    expect(bytes.length).toBeGreaterThan(0);
    for (const form of forms) expect(bytes.includes(form)).toBe(false);
    // The check can fail: the public key is stored in plain text and is found.
    const publicKey = (await firstSigningKey(station.connection.db))!.public_key;
    expect(bytes.includes(Buffer.from(publicKey, 'utf8'))).toBe(true);
  });

  it('and the documents cannot be deleted or have what was issued changed, even by hand in the database', async () => {
    const { registrationId } = await register();
    await ok('documents:issue', receiptFor(registrationId));
    const db = station.connection.sqlite;
    expect(() => db.prepare("update document set serial = 'KMU01-2026-RCP-000009'").run()).toThrow(/never changed/);
    expect(() => db.prepare("update document set payload = 'RS1.x.y'").run()).toThrow(/never changed/);
    expect(() => db.prepare('delete from document').run()).toThrow(/never changed or deleted/);
    expect(() => db.prepare("update document_event set event = 'voided'").run()).toThrow(/append-only/);
    expect(() => db.prepare('delete from document_event').run()).toThrow(/append-only/);
    expect(() => db.prepare("update signing_key set public_key = 'x'").run()).toThrow(/never changed/);
    expect(() => db.prepare('delete from signing_key').run()).toThrow(/never changed/);
  });
});
