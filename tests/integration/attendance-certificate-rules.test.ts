import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { beijing, kiosk, openEducationStation, sampleGroup, sampleSession, type EducationStation } from '../fixtures/education';

/**
 * An attendance certificate attests a session that has been held: none while it is still to come, and
 * its closing words say what the session was, not that a registration is an intent only.
 */

let edu: EducationStation;

beforeEach(async () => {
  edu = await openEducationStation();
});
afterEach(async () => {
  await edu.station.remove();
});

/** A group checked in at 08:50 for the 09:00 session (the clock left there). */
async function groupCheckedInEarly() {
  const session = await edu.ok('education:schedule', sampleSession());
  edu.at(beijing('08:50'));
  const group = await edu.ok('education:checkIn', { sessionId: session.id, ...sampleGroup }, kiosk);
  return { session, group };
}

function certificateFor(groupId: string, language: 'zh-CN' | 'en' = 'zh-CN') {
  return { kind: 'attendance_certificate', subject: { type: 'session', id: groupId }, language } as const;
}

describe('an attendance certificate', () => {
  it('is refused while the session has not started, even for a group that checked in, and issued once it has', async () => {
    const { group } = await groupCheckedInEarly();
    expect(await edu.dispatch('documents:issue', certificateFor(group.id))).toMatchObject({ ok: false, error: { code: 'session_not_held' } });
    // One minute before the start is still before it.
    edu.at(beijing('08:59'));
    expect(await edu.dispatch('documents:issue', certificateFor(group.id))).toMatchObject({ ok: false, error: { code: 'session_not_held' } });
    expect(edu.rows('select id from document')).toHaveLength(0);

    edu.at(beijing('09:00'));
    const issued = await edu.ok('documents:issue', certificateFor(group.id));
    expect(issued).toMatchObject({ kind: 'attendance_certificate', subject: { type: 'session', id: group.id } });
  });

  it('closes with what the session was, not with the statement that a registration is an intent only', async () => {
    const { group } = await groupCheckedInEarly();
    edu.at(beijing('11:30'));
    for (const [language, expected, absent] of [
      ['zh-CN', '本证明仅证明参加活动，与捐献志愿登记无关。', '志愿登记仅表达捐献意愿'],
      ['en', 'This certificate attests attendance only; it is not a donation registration.', 'A registration of intent is not a guarantee'],
    ] as const) {
      const issued = await edu.ok('documents:issue', certificateFor(group.id, language));
      const file = join(edu.station.dataDir, `attendance-${language}.pdf`);
      writeFileSync(file, Buffer.from((await edu.ok('documents:pdf', { documentId: issued.id })).contentBase64, 'base64'));
      const raw = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
      const text = language === 'en' ? raw.replace(/\s+/g, ' ') : raw.replace(/\s+/g, '');
      expect(text, language).toContain(expected);
      expect(text, language).not.toContain(absent);
    }
  });
});
