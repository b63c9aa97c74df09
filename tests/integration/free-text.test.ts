import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callsOn, signInStaffDesks } from '../fixtures/dispatch';
import { sampleRegistration } from '../fixtures/registrations';
import { kioskCaller, openTempStation, sampleSetup } from '../fixtures/temp-station';

type TempStation = Awaited<ReturnType<typeof openTempStation>>;

let station: TempStation;
const admin = { sessionKey: 'admin' };
const registrarDesk = { sessionKey: 'registrar-desk' };
const calls = callsOn(() => station, () => admin);

/** Characters that hide in text or turn its display around: a right-to-left override, NUL, a zero-width space. */
const hiddenCharacters = ['\u202E', '\u0000', '\u200B'];

function count(table: string, where = '1 = 1'): number {
  return (station.connection.sqlite.prepare(`select count(*) as n from ${table} where ${where}`).get() as { n: number }).n;
}

function issues(error: { issues?: { path: string; reason: string }[] }) {
  return error.issues?.map(({ path, reason }) => ({ path, reason }));
}

const session = { title: '讲座', startsAt: '2030-05-12T09:00:00+08:00', endsAt: '2030-05-12T10:00:00+08:00', venue: '报告厅', host: '张老师', audienceKind: 'school', expectedHeadCount: 40 };

beforeEach(async () => {
  station = await openTempStation();
});
afterEach(async () => {
  await station.remove();
});

describe('free text with hidden characters', () => {
  it('is refused at first-run setup in the station name, and no station is recorded', async () => {
    for (const hidden of hiddenCharacters) {
      const error = await calls.refusal('station:setup', { ...sampleSetup, name: `昆明医科大学${hidden}站` });
      expect(issues(error)).toEqual([{ path: 'name', reason: 'text_characters' }]);
    }
    expect(count('station')).toBe(0);
  });

  it('is refused in a visitor message, a moderation reason and a session title, and nothing is stored', async () => {
    await calls.ok('station:setup', sampleSetup);
    await calls.ok('visitor:signIn', { partySize: 1, purpose: 'tour', message: '愿你安息' }, kioskCaller);
    const [message] = (await calls.ok('messages:list', {})).messages;
    expect(message).toBeDefined();
    for (const hidden of hiddenCharacters) {
      const visitor = await calls.refusal('visitor:signIn', { partySize: 1, purpose: 'tour', message: `愿你安息${hidden}。好很都切一` }, kioskCaller);
      expect(issues(visitor)).toEqual([{ path: 'message', reason: 'text_characters' }]);
      const reject = await calls.refusal('messages:reject', { id: message!.id, reason: `含有广告${hidden}` });
      expect(issues(reject)).toEqual([{ path: 'reason', reason: 'text_characters' }]);
      const scheduled = await calls.refusal('education:schedule', { ...session, title: `讲座${hidden}` });
      expect(issues(scheduled)).toEqual([{ path: 'title', reason: 'text_characters' }]);
    }
    expect(count('visitor_sign_in')).toBe(1);
    expect(count('visitor_message', "state = 'pending'")).toBe(1);
    expect(count('education_session')).toBe(0);
  });

  it('keeps an emoji joined with a zero-width joiner, but refuses the joiner on its own', async () => {
    await calls.ok('station:setup', sampleSetup);
    await calls.ok('visitor:signIn', { partySize: 3, purpose: 'tour', message: '我们一家 👨‍👩‍👧 来看你' }, kioskCaller);
    const error = await calls.refusal('visitor:signIn', { partySize: 1, purpose: 'tour', message: '愿你\u200D安息' }, kioskCaller);
    expect(issues(error)).toEqual([{ path: 'message', reason: 'text_characters' }]);
    expect(count('visitor_message')).toBe(1);
  });
});

describe('station rename', () => {
  beforeEach(async () => {
    await calls.ok('station:setup', sampleSetup);
  });

  it('lets an administrator correct the name, keeps the code, and audits the old and the new name', async () => {
    const renamed = await calls.ok('station:rename', { name: '  昆明医科大学遗体捐献接收站 ' });
    expect(renamed).toMatchObject({ code: sampleSetup.code, name: '昆明医科大学遗体捐献接收站' });
    expect(await calls.ok('station:get', undefined)).toMatchObject({ code: sampleSetup.code, name: '昆明医科大学遗体捐献接收站' });
    const entry = station.connection.sqlite.prepare(`select object_id, detail from audit_log where action = 'station_rename'`).get() as { object_id: string; detail: string };
    expect(entry.object_id).toBe(sampleSetup.code);
    expect(JSON.parse(entry.detail)).toEqual({ from: sampleSetup.name, to: '昆明医科大学遗体捐献接收站' });
  });

  it('puts the new name on the documents printed afterwards, and their numbers keep the code', async () => {
    const created = await calls.ok('registration:create', sampleRegistration());
    await calls.ok('station:rename', { name: '昆明医科大学遗体捐献接收站' });
    const issued = await calls.ok('documents:issue', { kind: 'donor_card', subject: { type: 'person', id: created.personId }, language: 'zh-CN' });
    const printed = await calls.ok('documents:pdf', { documentId: issued.id });
    const file = join(station.dataDir, 'card.pdf');
    writeFileSync(file, Buffer.from(printed.contentBase64, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain('昆明医科大学遗体捐献接收站');
    expect(text).not.toContain(sampleSetup.name);
    expect(issued.serial).toContain(sampleSetup.code);
  });

  it('is refused for a registrar and for the kiosk, and the name stays', async () => {
    await signInStaffDesks(station, admin, [{ role: 'registrar', desk: registrarDesk }]);
    expect(await calls.refusalCode('station:rename', { name: '别的名字' }, registrarDesk)).toBe('forbidden');
    expect(await calls.refusalCode('station:rename', { name: '别的名字' }, kioskCaller)).toBe('not_signed_in');
    expect(await calls.ok('station:get', undefined)).toMatchObject({ name: sampleSetup.name });
    expect(count('audit_log', "action = 'station_rename'")).toBe(0);
  });

  it('refuses a name with hidden characters or of the wrong length, and the name stays', async () => {
    for (const hidden of hiddenCharacters) {
      expect(issues(await calls.refusal('station:rename', { name: `昆明医科大学<img src=x onerror=alert(1)>${hidden}站` }))).toEqual([
        { path: 'name', reason: 'text_characters' },
      ]);
    }
    expect(issues(await calls.refusal('station:rename', { name: '   ' }))).toEqual([{ path: 'name', reason: 'station_name_length' }]);
    expect(issues(await calls.refusal('station:rename', { name: '站'.repeat(61) }))).toEqual([{ path: 'name', reason: 'station_name_length' }]);
    expect(await calls.ok('station:get', undefined)).toMatchObject({ name: sampleSetup.name });
    expect(count('audit_log', "action = 'station_rename'")).toBe(0);
  });
});
