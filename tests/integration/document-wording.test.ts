import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stationDate } from '../../shared/domain/age';
import type { Language } from '../../shared/i18n/languages';
import { callOk } from '../fixtures/dispatch';
import { beijing, TestClock } from '../fixtures/education';
import { residentId, samplePerson, sampleRegistration } from '../fixtures/registrations';
import { stationPerTest } from '../fixtures/station-per-test';
import { openTempStation, sampleSetup } from '../fixtures/temp-station';

/**
 * What each document says in its closing words: the statement that a registration is an intent only
 * belongs to the registration documents, not to the certificates given to a bereaved family or a
 * school; a withdrawal receipt says what was withdrawn and when; and a long name moves the layout down.
 */

const desk = { sessionKey: 'wording-desk' };
const { station, ok } = stationPerTest(desk);

const DISCLAIMER = { 'zh-CN': '志愿登记仅表达捐献意愿', en: 'A registration of intent is not a guarantee' } as const;
const CHANGE_OR_WITHDRAW = { 'zh-CN': '如需修改或撤回登记', en: 'To amend or withdraw the registration' } as const;

function pdfFile(contentBase64: string): string {
  const file = join(station().dataDir, 'wording.pdf');
  writeFileSync(file, Buffer.from(contentBase64, 'base64'));
  return file;
}

/** The text of a printed document, white space folded: Chinese without any, English with single spaces. */
async function printedText(documentId: string, language: Language): Promise<string> {
  const file = pdfFile((await ok('documents:pdf', { documentId })).contentBase64);
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  return language === 'en' ? text.replace(/\s+/g, ' ') : text.replace(/\s+/g, '');
}

async function issueAndRead(kind: 'receipt' | 'memorial_certificate' | 'honour_certificate' | 'registration_certificate', subject: { type: 'person' | 'registration'; id: string }, language: Language) {
  const issued = await ok('documents:issue', { kind, subject, language });
  return printedText(issued.id, language);
}

describe('closing words of each kind of document', () => {
  it('leave the intent statement off the memorial and honour certificates, and keep it on the receipt', async () => {
    const created = await ok('registration:create', sampleRegistration({ programs: [{ program: 'cornea' }] }));
    const cornea = created.registrations[0]!;
    await ok('registration:realise', { registrationId: cornea.id, expectedVersion: 1, donatedOn: stationDate(new Date()) });
    const person = { type: 'person', id: created.personId } as const;

    for (const language of ['zh-CN', 'en'] as const) {
      const memorial = await issueAndRead('memorial_certificate', person, language);
      expect(memorial, language).not.toContain(DISCLAIMER[language]);
      expect(memorial, language).toContain(language === 'en' ? 'sympathy and sincere gratitude to the family' : '谨向家属致以深切的慰问和诚挚的感谢');

      const honour = await issueAndRead('honour_certificate', person, language);
      expect(honour, language).not.toContain(DISCLAIMER[language]);
      expect(honour, language).toContain(language === 'en' ? 'With heartfelt thanks to 李𠮷祥 and to the family' : '谨向李𠮷祥及家属致以衷心的感谢');

      const receipt = await issueAndRead('receipt', { type: 'registration', id: cornea.id }, language);
      expect(receipt, language).toContain(DISCLAIMER[language]);
    }
  });

  it('keep the intent statement on the registration certificate', async () => {
    const created = await ok('registration:create', sampleRegistration({ programs: [{ program: 'cornea' }] }));
    for (const language of ['zh-CN', 'en'] as const) {
      const text = await issueAndRead('registration_certificate', { type: 'registration', id: created.registrations[0]!.id }, language);
      expect(text, language).toContain(DISCLAIMER[language]);
    }
  });
});

describe('a withdrawal receipt', () => {
  it('says what was withdrawn and on which day, and neither how to withdraw nor that the registration is an intent', async () => {
    const created = await ok('registration:create', sampleRegistration({ programs: [{ program: 'cornea' }] }));
    const cornea = created.registrations[0]!;
    const record = await ok('registration:withdraw', { registrationId: cornea.id, expectedVersion: 1, identity: samplePerson.document, reason: '本人要求', receiptLanguage: 'zh-CN' });
    const receipt = record.documents.find((document) => document.kind === 'receipt' && document.registrationId === cornea.id && document.state === 'issued');
    expect(receipt).toBeDefined();
    const [year, month, day] = stationDate(new Date()).split('-').map(Number);

    const zh = await printedText(receipt!.id, 'zh-CN');
    expect(zh).toContain(`角膜捐献登记（登记编号：${cornea.number}）已于${year}年${month}月${day}日撤回`);
    expect(zh).toContain('已撤回的登记');
    expect(zh).not.toContain(CHANGE_OR_WITHDRAW['zh-CN']);
    expect(zh).not.toContain(DISCLAIMER['zh-CN']);

    // The same withdrawal in English, issued again in that language.
    const english = await ok('documents:issue', { kind: 'receipt', subject: { type: 'registration', id: cornea.id }, language: 'en', replaces: receipt!.id });
    const en = await printedText(english.id, 'en');
    const monthName = new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(year!, month! - 1, day)));
    expect(en).toContain(`The registration for Cornea donation (registration number ${cornea.number}) was withdrawn on ${day} ${monthName} ${year}`);
    expect(en).toContain('Withdrawn registrations');
    expect(en).not.toContain(CHANGE_OR_WITHDRAW.en);
    expect(en).not.toContain(DISCLAIMER.en);
  });

  it('dates the withdrawal by the station calendar: half past midnight in Beijing is still the day before in UTC', async () => {
    const clock = new TestClock(new Date(beijing('00:30', '2026-05-12')));
    const early = await openTempStation({ clock });
    try {
      await early.dispatch('station:setup', sampleSetup, desk);
      const created = await callOk(early, 'registration:create', sampleRegistration({ programs: [{ program: 'cornea' }] }), desk);
      const cornea = created.registrations[0]!;
      const record = await callOk(early, 'registration:withdraw', { registrationId: cornea.id, expectedVersion: 1, identity: samplePerson.document, reason: '本人要求' }, desk);
      const receipt = record.documents.find((document) => document.kind === 'receipt' && document.state === 'issued' && document.registrationId === cornea.id);
      const file = join(early.dataDir, 'withdrawal.pdf');
      writeFileSync(file, Buffer.from((await callOk(early, 'documents:pdf', { documentId: receipt!.id }, desk)).contentBase64, 'base64'));
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
      expect(text).toContain('已于2026年5月12日撤回');
    } finally {
      await early.remove();
    }
  });

  it('a receipt of a new registration still says how to change or withdraw it', async () => {
    const created = await ok('registration:create', sampleRegistration({ programs: [{ program: 'cornea' }] }));
    const text = await issueAndRead('receipt', { type: 'registration', id: created.registrations[0]!.id }, 'en');
    expect(text).toContain(CHANGE_OR_WITHDRAW.en);
    expect(text).not.toContain('Withdrawn registrations');
  });
});

/** The lines of a PDF page with their vertical extent, as poppler finds them. */
function pdfLines(file: string): Array<{ top: number; bottom: number; text: string }> {
  const html = execFileSync('pdftotext', ['-enc', 'UTF-8', '-bbox-layout', file, '-'], { encoding: 'utf8' });
  return [...html.matchAll(/<line xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)].map((match) => ({
    top: Number(match[1]),
    bottom: Number(match[2]),
    text: [...match[3]!.matchAll(/>([^<]+)<\/word>/g)].map((word) => word[1]).join(' '),
  }));
}

describe('the registration certificate of a long name', () => {
  it('sets the statement on a line of its own under the date', async () => {
    // 50 characters (the longest name allowed), the widest letters: the name wraps under the title and in the body.
    const name = 'WWWWWWWWWWWWWWWWWWWWWWWW WWWWWWWWWWWWWWWWWWWWWWWWW';
    expect(name).toHaveLength(50);
    const person = { ...samplePerson, name, document: { kind: 'resident_id', number: residentId('530102', '19850611', '013') } } as const;
    const created = await ok('registration:create', sampleRegistration({ person, programs: [{ program: 'cornea' }] }));
    const issued = await ok('documents:issue', { kind: 'registration_certificate', subject: { type: 'registration', id: created.registrations[0]!.id }, language: 'en' });
    const lines = pdfLines(pdfFile((await ok('documents:pdf', { documentId: issued.id })).contentBase64));

    const [year, month, day] = stationDate(new Date(issued.issuedAt)).split('-').map(Number);
    const monthName = new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(year!, month! - 1, day)));
    // The sign-off's date is a line of its own (drawn on the statement's line, poppler reads the two as one).
    const signedDate = lines.filter((line) => line.text === `${day} ${monthName} ${year}`);
    const statement = lines.filter((line) => line.text.includes('A registration of intent is not a guarantee'));
    expect(signedDate).toHaveLength(1);
    expect(statement).toHaveLength(1);
    expect(statement[0]!.text).not.toContain(monthName);
    expect(statement[0]!.top).toBeGreaterThanOrEqual(signedDate[0]!.bottom);
    // The name as a whole is on the page, above the statement.
    expect(lines.filter((line) => line.bottom <= statement[0]!.top).map((line) => line.text).join(' ')).toContain(name);
  });
});
