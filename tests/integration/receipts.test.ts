import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contract, type CallOutput } from '../../shared/contract/calls';
import { callsOn } from '../fixtures/dispatch';
import { sampleAdmin, kioskCaller, openTempStation, sampleSetup } from '../fixtures/temp-station';
import { residentId, samplePaperwork, samplePerson, sampleRegistration, stemCellChoice } from '../fixtures/registrations';

type TempStation = Awaited<ReturnType<typeof openTempStation>>;

let station: TempStation;
/** 2026-04-04 17:00 in Beijing; moved on by the tests that are about time. */
let now: Date;
const desk = { sessionKey: 'registrar-desk' };
const MINUTE = 60_000;

beforeEach(async () => {
  now = new Date('2026-04-04T09:00:00.000Z');
  station = await openTempStation({ clock: { now: () => now } });
  await station.dispatch('station:setup', sampleSetup, desk);
});
afterEach(async () => {
  await station.remove();
});

const { ok, refusalCode: refusal } = callsOn(() => station, () => desk);

function count(table: string, where = '1 = 1'): number {
  return (station.connection.sqlite.prepare(`select count(*) as n from ${table} where ${where}`).get() as { n: number }).n;
}

function storedDocument(id: string): { serial: string; kind: string; language: string; subject_id: string; issued_by: string | null } {
  return station.connection.sqlite.prepare('select * from document where id = ?').get(id) as never;
}

/** Moves the clock on; the desk locks itself when idle, so it is unlocked again with the PIN. */
async function advance(ms: number): Promise<void> {
  now = new Date(now.getTime() + ms);
  await ok('session:unlock', { pin: sampleAdmin.pin });
}

function receiptSerial(n: number): string {
  return `KMU01-2026-RCP-${String(n).padStart(6, '0')}`;
}

/** The text of a PDF as poppler reads it, all whitespace removed (CJK text is laid out glyph by glyph). */
function pdfText(printed: CallOutput<'documents:pdf'>): string {
  const pdf = Buffer.from(printed.contentBase64, 'base64');
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const file = join(station.dataDir, 'receipt.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
}

/**
 * The event row of a receipt as printed in each language, label and value, spaces removed
 * (resources/locales/<language>/documents.json). With its label: the receipt's closing advice also
 * mentions amending and withdrawing (修改或撤回登记).
 */
const printedEvent = {
  'zh-CN': { created: '事项新登记', amended: '事项修改登记', withdrawn: '事项撤回登记' },
  en: { created: 'ActionNewregistration', amended: 'ActionAmendment', withdrawn: 'ActionWithdrawal' },
} as const;

const withdrawal = { identity: samplePerson.document, reason: '本人要求' };

describe('receipts issued with each change', () => {
  it('issues one receipt per program at registration, with consecutive serials, journaled, audited, queued and on the record', async () => {
    const created = await ok('registration:create', sampleRegistration());
    expect(created.receipts).toHaveLength(2);
    expect(created.receipts.map((receipt) => receipt.registrationId)).toEqual(created.registrations.map((registration) => registration.id));
    expect(created.receipts.map((receipt) => receipt.serial)).toEqual([receiptSerial(1), receiptSerial(2)]);
    for (const receipt of created.receipts) {
      expect(storedDocument(receipt.documentId)).toMatchObject({ serial: receipt.serial, kind: 'receipt', language: 'zh-CN', subject_id: receipt.registrationId });
      expect(count('document_event', `document_id = '${receipt.documentId}' and event = 'issued'`)).toBe(1);
      expect(count('audit_log', `action = 'document_issue' and object_type = 'document' and object_id = '${receipt.documentId}'`)).toBe(1);
      expect(count('outbox', `kind = 'document' and entity_id = '${receipt.documentId}'`)).toBe(1);
    }
    expect(count('document')).toBe(2);

    const record = await ok('person:get', { personId: created.personId });
    expect(record.documents).toHaveLength(2);
    expect(record.documents.map((document) => [document.serial, document.kind, document.state, document.registrationId])).toEqual([
      [receiptSerial(2), 'receipt', 'issued', created.registrations[1]!.id],
      [receiptSerial(1), 'receipt', 'issued', created.registrations[0]!.id],
    ]);
    expect(new Set(record.documents.map((document) => document.id))).toEqual(new Set(created.receipts.map((receipt) => receipt.documentId)));
  });

  it('issues a receipt for an amendment and a withdrawal, in the language asked for; paperwork, stem-cell steps and follow-ups get none', async () => {
    const created = await ok(
      'registration:create',
      sampleRegistration({ programs: [{ program: 'organ', organs: { kind: 'all' } }, { program: 'body', paperwork: null }, stemCellChoice] }),
    );
    const [organ, body, stemCell] = created.registrations.map((registration) => registration.id) as [string, string, string];
    expect(count('document')).toBe(3);

    await advance(MINUTE);
    let record = await ok('registration:bodyPaperwork', { registrationId: body, expectedVersion: 1, paperwork: samplePaperwork });
    await ok('registration:stemCellStatus', { registrationId: stemCell, expectedVersion: 1, status: 'sample_taken', sampleBarcode: 'CMDP-2026-0001' });
    await ok('registration:followUp', { registrationId: stemCell, outcome: 'no_answer' });
    expect(count('document')).toBe(3);

    await advance(MINUTE);
    record = await ok('registration:amend', { registrationId: organ, expectedVersion: 1, choice: { program: 'organ', organs: { kind: 'selected', organs: ['kidney'] } }, receiptLanguage: 'en' });
    expect(record.documents[0]).toMatchObject({ serial: receiptSerial(4), kind: 'receipt', registrationId: organ, state: 'issued', issuedAt: now.toISOString() });
    expect(storedDocument(record.documents[0]!.id).language).toBe('en');

    await advance(MINUTE);
    record = await ok('registration:withdraw', { registrationId: body, expectedVersion: 2, ...withdrawal });
    expect(record.documents[0]).toMatchObject({ serial: receiptSerial(5), registrationId: body, issuedAt: now.toISOString() });
    // Without receiptLanguage the receipt is in the station's first language.
    expect(storedDocument(record.documents[0]!.id).language).toBe('zh-CN');
    expect(record.documents.map((document) => document.serial)).toEqual([5, 4, 3, 2, 1].map(receiptSerial));
    expect(count('document')).toBe(5);
    expect(count('audit_log', "action = 'document_issue'")).toBe(5);
    expect(count('outbox', "kind = 'document'")).toBe(5);
  });

  it('issues no receipt and uses no serial for a refused change: the next receipt follows without a gap', async () => {
    const created = await ok('registration:create', sampleRegistration({ programs: [{ program: 'organ', organs: { kind: 'all' } }] }));
    const organ = created.registrations[0]!;
    const before = { document: count('document'), event: count('document_event'), audit: count('audit_log'), outbox: count('outbox') };

    const stale = { registrationId: organ.id, expectedVersion: 2, choice: { program: 'organ', organs: { kind: 'selected', organs: ['liver'] } } } as const;
    expect(await refusal('registration:amend', stale)).toBe('version_conflict');
    const stranger = { kind: 'resident_id', number: residentId('530102', '19900307', '004') } as const;
    expect(await refusal('registration:withdraw', { registrationId: organ.id, expectedVersion: 1, identity: stranger, reason: '本人要求' })).toBe('identity_mismatch');
    expect(await refusal('registration:withdraw', { registrationId: organ.id, expectedVersion: 2, ...withdrawal })).toBe('version_conflict');
    expect({ document: count('document'), event: count('document_event'), audit: count('audit_log'), outbox: count('outbox') }).toEqual(before);

    const record = await ok('registration:withdraw', { registrationId: organ.id, expectedVersion: 1, ...withdrawal });
    expect(record.documents.map((document) => document.serial)).toEqual([receiptSerial(2), receiptSerial(1)]);
  });
});

describe('what a receipt prints', () => {
  it('prints the change it was issued for, whatever happened to the record since', async () => {
    const created = await ok('registration:create', sampleRegistration({ programs: [{ program: 'organ', organs: { kind: 'all' } }], receiptLanguage: 'en' }));
    const organ = created.registrations[0]!;
    const creationReceipt = created.receipts[0]!;

    await advance(MINUTE);
    const amended = await ok('registration:amend', { registrationId: organ.id, expectedVersion: 1, choice: { program: 'organ', organs: { kind: 'selected', organs: ['kidney', 'liver'] } } });
    const amendmentReceipt = amended.documents[0]!;
    await advance(MINUTE);
    const withdrawn = await ok('registration:withdraw', { registrationId: organ.id, expectedVersion: 2, ...withdrawal, receiptLanguage: 'en' });
    const withdrawalReceipt = withdrawn.documents[0]!;
    expect([amendmentReceipt.serial, withdrawalReceipt.serial]).toEqual([receiptSerial(2), receiptSerial(3)]);

    const creation = pdfText(await ok('documents:pdf', { documentId: creationReceipt.documentId }));
    expect(creation).toContain('Registrationreceipt');
    expect(creation).toContain(creationReceipt.serial);
    expect(creation).toContain(printedEvent.en.created);
    expect(creation).not.toContain(printedEvent.en.withdrawn);
    // …with the organs chosen at registration, not those of the amendment.
    expect(creation).toContain('Allorgans');
    expect(creation).not.toContain('Kidney');

    // The amendment's receipt, in Chinese, shows the organs chosen then, not the state of the record now.
    const amendment = pdfText(await ok('documents:pdf', { documentId: amendmentReceipt.id }));
    expect(amendment).toContain('登记回执');
    expect(amendment).toContain(printedEvent['zh-CN'].amended);
    expect(amendment).toContain('肾脏、肝脏');
    expect(amendment).not.toContain(printedEvent['zh-CN'].withdrawn);

    const withdrawalText = pdfText(await ok('documents:pdf', { documentId: withdrawalReceipt.id }));
    expect(withdrawalText).toContain(withdrawalReceipt.serial);
    expect(withdrawalText).toContain(printedEvent.en.withdrawn);
    expect(withdrawalText).not.toContain(printedEvent.en.created);
    expect(withdrawalText).toContain(organ.number);
  });

  it('prints the change it was issued for even when the next change comes in the same millisecond', async () => {
    // The clock does not move: the receipt records the version it attests, not a time to compare.
    const created = await ok('registration:create', sampleRegistration({ programs: [{ program: 'cornea' }], receiptLanguage: 'en' }));
    await ok('registration:withdraw', { registrationId: created.registrations[0]!.id, expectedVersion: 1, ...withdrawal, receiptLanguage: 'en' });
    const creation = pdfText(await ok('documents:pdf', { documentId: created.receipts[0]!.documentId }));
    expect(creation).toContain(printedEvent.en.created);
    expect(creation).not.toContain(printedEvent.en.withdrawn);
    expect(() => station.connection.sqlite.prepare('update document set subject_version = 2').run()).toThrow(/cannot be changed/);
  });
});

describe('printing the receipt at the kiosk', () => {
  /** Registers at the kiosk and returns the receipt the kiosk is handed. */
  async function registerAtKiosk(person = samplePerson) {
    const created = await ok('registration:create', sampleRegistration({ person, programs: [{ program: 'cornea' }] }), kioskCaller);
    expect(created.receipts).toHaveLength(1);
    return created.receipts[0]!;
  }

  it('prints a fresh kiosk receipt once, records the print, and refuses it a second time', async () => {
    const receipt = await registerAtKiosk();
    expect(storedDocument(receipt.documentId).issued_by).toBeNull();
    const printed = await ok('registration:receipt', { documentId: receipt.documentId }, kioskCaller);
    expect(printed.fileName).toBe(`${receipt.serial}.pdf`);
    const text = pdfText(printed);
    expect(text).toContain(receipt.serial);
    expect(text).toContain(printedEvent['zh-CN'].created);
    expect(count('document_event', `document_id = '${receipt.documentId}' and event = 'printed'`)).toBe(1);
    expect(count('audit_log', `action = 'print' and object_id = '${receipt.documentId}'`)).toBe(1);

    expect(await refusal('registration:receipt', { documentId: receipt.documentId }, kioskCaller)).toBe('not_found');
    expect(count('document_event', `document_id = '${receipt.documentId}' and event = 'printed'`)).toBe(1);
    // Staff still print further copies through the same call, as documents:pdf does.
    expect((await ok('registration:receipt', { documentId: receipt.documentId })).fileName).toBe(`${receipt.serial}.pdf`);
    expect(count('document_event', `document_id = '${receipt.documentId}' and event = 'printed'`)).toBe(2);
  });

  it('prints it within 15 minutes of the registration and not after', async () => {
    const inTime = await registerAtKiosk();
    const late = await registerAtKiosk({ ...samplePerson, document: { kind: 'resident_id', number: residentId('530102', '19850101', '013') }, name: '王五' });
    now = new Date(now.getTime() + 15 * MINUTE);
    await ok('registration:receipt', { documentId: inTime.documentId }, kioskCaller);
    now = new Date(now.getTime() + 1);
    expect(await refusal('registration:receipt', { documentId: late.documentId }, kioskCaller)).toBe('not_found');
    expect(count('document_event', `document_id = '${late.documentId}' and event = 'printed'`)).toBe(0);
    // The late receipt is still there for staff to print.
    await ok('session:unlock', { pin: sampleAdmin.pin });
    await ok('registration:receipt', { documentId: late.documentId });
  });

  it('refuses a receipt issued by staff, a document that is not a receipt, and a document that does not exist', async () => {
    const created = await ok('registration:create', sampleRegistration({ programs: [{ program: 'cornea' }] }));
    const staffReceipt = created.receipts[0]!;
    expect(storedDocument(staffReceipt.documentId).issued_by).not.toBeNull();
    expect(await refusal('registration:receipt', { documentId: staffReceipt.documentId }, kioskCaller)).toBe('not_found');

    // A donor card issued with no staff member (as the system issues one), minutes ago and never printed: still not a receipt.
    const card = await station.services.documents.issue(
      { kind: 'donor_card', subject: { type: 'person', id: created.personId }, language: 'zh-CN', replaces: null },
      { id: null, role: 'system' },
    );
    expect(storedDocument(card.id).issued_by).toBeNull();
    expect(await refusal('registration:receipt', { documentId: card.id }, kioskCaller)).toBe('not_found');
    expect(await refusal('registration:receipt', { documentId: 'no-such-document' }, kioskCaller)).toBe('not_found');
    expect(count('audit_log', "action = 'print'")).toBe(0);
    // Staff print both.
    await ok('registration:receipt', { documentId: staffReceipt.documentId });
    await ok('registration:receipt', { documentId: card.id });
  });

  it('prints once when "print" is pressed twice at the same moment', async () => {
    const receipt = await registerAtKiosk();
    const presses = await Promise.all([1, 2].map(() => station.dispatch('registration:receipt', { documentId: receipt.documentId }, kioskCaller)));
    expect(presses.map((press) => press.ok).sort()).toEqual([false, true]);
    expect(count('document_event', `document_id = '${receipt.documentId}' and event = 'printed'`)).toBe(1);
  });

  it('refuses a receipt issued with no staff member but not at the kiosk (the command line)', async () => {
    const created = await station.services.registrations.create(
      contract['registration:create'].input.parse(sampleRegistration({ programs: [{ program: 'cornea' }] })),
      { id: null, role: 'system' },
      'cli',
    );
    const receipt = created.receipts[0]!;
    expect(storedDocument(receipt.documentId).issued_by).toBeNull();
    expect(await refusal('registration:receipt', { documentId: receipt.documentId }, kioskCaller)).toBe('not_found');
  });

  it('refuses a receipt of the kiosk that staff have already printed', async () => {
    const receipt = await registerAtKiosk();
    await ok('documents:pdf', { documentId: receipt.documentId });
    expect(await refusal('registration:receipt', { documentId: receipt.documentId }, kioskCaller)).toBe('not_found');
  });
});
