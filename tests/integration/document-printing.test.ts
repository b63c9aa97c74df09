import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callsOn } from '../fixtures/dispatch';
import { residentId, sampleRegistration, SAMPLE_SIGNATURE } from '../fixtures/registrations';
import { openTempStation, sampleSetup } from '../fixtures/temp-station';

type TempStation = Awaited<ReturnType<typeof openTempStation>>;

let station: TempStation;
const desk = { sessionKey: 'admin-desk' };

beforeEach(async () => {
  // The fonts are where `npm run fonts` (the tests' global setup) puts them: resources/fonts of the source tree.
  station = await openTempStation();
  await station.dispatch('station:setup', sampleSetup, desk);
});
afterEach(async () => {
  await station.remove();
});

const { ok } = callsOn(() => station, () => desk);

/** The text of a PDF as poppler reads it. */
function pdfText(pdf: Buffer): string {
  const file = join(station.dataDir, 'document.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

describe('printing a document', () => {
  it('renders an issued copy from the records, with its serial, and records the print', async () => {
    const created = await ok('registration:create', sampleRegistration({ programs: [{ program: 'organ', organs: { kind: 'selected', organs: ['kidney', 'liver'] } }] }));
    const registration = created.registrations[0]!;
    for (const [kind, subject, title] of [
      ['receipt', { type: 'registration', id: registration.id }, '登记回执'],
      ['registration_certificate', { type: 'registration', id: registration.id }, '志愿登记证书'],
      ['donor_card', { type: 'person', id: created.personId }, '捐献志愿登记卡'],
    ] as const) {
      const issued = await ok('documents:issue', { kind, subject, language: 'zh-CN' });
      const printed = await ok('documents:pdf', { documentId: issued.id });
      const pdf = Buffer.from(printed.contentBase64, 'base64');
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(printed).toMatchObject({ fileName: `${issued.serial}.pdf`, missing: [] });
      const text = pdfText(pdf).replace(/\s+/g, '');
      for (const expected of [issued.serial, '李𠮷祥', registration.number, title]) expect(text, kind).toContain(expected);
      if (kind === 'receipt') expect(text).toContain('肾脏、肝脏');
    }
    expect((station.connection.sqlite.prepare("select count(*) as n from audit_log where action = 'print'").get() as { n: number }).n).toBe(3);
  });

  it('prints in English, and never a copy that has left the station', async () => {
    const created = await ok('registration:create', sampleRegistration());
    const issued = await ok('documents:issue', { kind: 'receipt', subject: { type: 'registration', id: created.registrations[0]!.id }, language: 'en' });
    const text = pdfText(Buffer.from((await ok('documents:pdf', { documentId: issued.id })).contentBase64, 'base64'));
    expect(text).toContain('Registration receipt');
    await ok('documents:handOver', {
      documentId: issued.id,
      recipientName: '李𠮷祥',
      relation: 'self',
      recipientDocument: { kind: 'resident_id', number: residentId('530102', '19900307', '002') },
      signature: SAMPLE_SIGNATURE,
    });
    expect(await station.dispatch('documents:pdf', { documentId: issued.id }, desk)).toMatchObject({ ok: false, error: { code: 'document_already_handed_over' } });
  });
});
