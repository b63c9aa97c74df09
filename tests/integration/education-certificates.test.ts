import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { beijing, kiosk, openEducationStation, sampleGroup, sampleSession, type EducationStation } from '../fixtures/education';

let edu: EducationStation;

beforeEach(async () => {
  edu = await openEducationStation();
});
afterEach(async () => {
  await edu.station.remove();
});

/** The text of a PDF as poppler reads it, whitespace removed (Chinese lines wrap anywhere). */
function pdfText(contentBase64: string): string {
  const file = join(edu.station.dataDir, 'attendance.pdf');
  writeFileSync(file, Buffer.from(contentBase64, 'base64'));
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
}

async function checkedInGroup() {
  const session = await edu.ok('education:schedule', sampleSession());
  edu.at(beijing('08:50'));
  const group = await edu.ok('education:checkIn', { sessionId: session.id, ...sampleGroup }, kiosk);
  edu.at(beijing('11:30'));
  return { session, group };
}

describe('attendance certificates', () => {
  it('are issued per group, name the organisation, and print the session title, day and head count', async () => {
    const { session, group } = await checkedInGroup();
    const issued = await edu.ok('documents:issue', { kind: 'attendance_certificate', subject: { type: 'session', id: group.id }, language: 'zh-CN' });
    expect(issued).toMatchObject({ kind: 'attendance_certificate', personId: null, subjectName: '昆明市第一中学*', subject: { type: 'session', id: group.id } });
    expect(issued.serial).toMatch(/^KMU01-2026-/);

    const detail = await edu.ok('education:get', { sessionId: session.id });
    expect(detail.groups[0]?.certificates).toEqual([issued.serial]);

    const printed = await edu.ok('documents:pdf', { documentId: issued.id });
    expect(printed).toMatchObject({ fileName: `${issued.serial}.pdf`, missing: [] });
    const text = pdfText(printed.contentBase64);
    for (const expected of [sampleGroup.organisation, sampleSession().title, issued.serial, '参加证明', '42']) expect(text).toContain(expected);
    expect(text).toContain('2026年5月12日');
    // The contact adult is nobody's business on the certificate.
    expect(text).not.toContain(sampleGroup.contactName);
  });

  it('name a short organisation whole in the QR code', async () => {
    const session = await edu.ok('education:schedule', sampleSession());
    const group = await edu.ok('education:checkIn', { sessionId: session.id, ...sampleGroup, organisation: '翠湖社区' }, kiosk);
    edu.at(beijing('09:30'));
    const issued = await edu.ok('documents:issue', { kind: 'attendance_certificate', subject: { type: 'session', id: group.id }, language: 'zh-CN' });
    expect(issued.subjectName).toBe('翠湖社区');
    expect(await edu.ok('documents:verify', { payload: issued.payload })).toMatchObject({ result: 'genuine', kind: 'attendance_certificate', subject: '翠湖社区' });
  });

  it('print in English too', async () => {
    const { group } = await checkedInGroup();
    const issued = await edu.ok('documents:issue', { kind: 'attendance_certificate', subject: { type: 'session', id: group.id }, language: 'en' });
    const text = pdfText((await edu.ok('documents:pdf', { documentId: issued.id })).contentBase64);
    expect(text).toContain('Certificateofattendance'.replace(/\s+/g, ''));
    expect(text).toContain(sampleGroup.organisation);
    expect(text).toContain(sampleSession().title);
  });

  it('are refused for an unknown group and for a session cancelled after check-in', async () => {
    expect(await edu.dispatch('documents:issue', { kind: 'attendance_certificate', subject: { type: 'session', id: 'no-such-group' }, language: 'zh-CN' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    const session = await edu.ok('education:schedule', sampleSession({ startsAt: beijing('15:00'), endsAt: beijing('16:00') }));
    const group = await edu.ok('education:checkIn', { sessionId: session.id, ...sampleGroup }, kiosk);
    await edu.ok('education:cancel', { sessionId: session.id, version: 1, reason: '暴雨预警' });
    expect(await edu.dispatch('documents:issue', { kind: 'attendance_certificate', subject: { type: 'session', id: group.id }, language: 'zh-CN' })).toMatchObject({
      ok: false,
      error: { code: 'session_cancelled' },
    });
    expect(edu.rows('select id from document')).toHaveLength(0);
  });
});

describe('sealed attendance data', () => {
  it('stays readable after the data key is rotated', async () => {
    const { session, group } = await checkedInGroup();
    await edu.ok('education:survey', { sessionId: session.id, score: 4, comment: '很感人' }, kiosk);
    const before = edu.rows<{ contact_name: string }>('select contact_name from education_group')[0]!.contact_name;
    await edu.station.services.protection.rotate();
    expect(edu.rows<{ contact_name: string }>('select contact_name from education_group')[0]!.contact_name).not.toBe(before);
    expect(await edu.ok('education:revealContact', { groupId: group.id })).toMatchObject({ contactName: sampleGroup.contactName, contactPhone: sampleGroup.contactPhone });
  });
});
