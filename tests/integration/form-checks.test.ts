import { mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallInput } from '../../shared/contract/calls';
import type { Clock } from '../../electron/services/kernel/clock';
import { beijing, kiosk, openEducationStation, sampleGroup, sampleSession, type EducationStation } from '../fixtures/education';
import { residentId, samplePerson, sampleRegistration, SAMPLE_SIGNATURE } from '../fixtures/registrations';
import { makeTempDir } from '../fixtures/temp-station';
import { stationPerTest } from '../fixtures/station-per-test';
import { nameListEntry } from '../fixtures/name-list';

/** 2026-04-04 17:00 in Beijing. */
const APRIL_4TH: Clock = { now: () => new Date('2026-04-04T09:00:00.000Z') };

describe('scheduling a session: the day is today or later, and not years ahead (L1)', () => {
  let edu: EducationStation;
  beforeEach(async () => {
    edu = await openEducationStation();
  });
  afterEach(async () => {
    await edu.station.remove();
  });

  it('gives historic dates the "today or later" reason, not the "same day" one', async () => {
    // An evening session: with the local-mean-time offset of old Beijing dates it used to look like two days.
    for (const date of ['1900-01-01', '0001-01-01', '2026-05-11']) {
      const result = await edu.dispatch('education:schedule', sampleSession({ startsAt: beijing('19:00', date), endsAt: beijing('23:59', date) }));
      expect(result, date).toMatchObject({ ok: false, error: { code: 'validation_failed', issues: [{ path: 'startsAt', reason: 'session_start_past' }] } });
    }
  });

  it('refuses a day more than two years ahead with its own reason, on schedule and on update', async () => {
    for (const date of ['9999-12-31', '2100-01-01', '2028-05-13']) {
      const result = await edu.dispatch('education:schedule', sampleSession({ startsAt: beijing('09:00', date), endsAt: beijing('11:00', date) }));
      expect(result, date).toMatchObject({ ok: false, error: { code: 'validation_failed', issues: [{ path: 'startsAt', reason: 'session_start_too_far' }] } });
    }
    const session = await edu.ok('education:schedule', sampleSession({ startsAt: beijing('09:00', '2028-05-12'), endsAt: beijing('11:00', '2028-05-12') }));
    const moved = await edu.dispatch('education:update', { ...sampleSession({ startsAt: beijing('09:00', '2100-01-01'), endsAt: beijing('11:00', '2100-01-01') }), sessionId: session.id, version: 1 });
    expect(moved).toMatchObject({ ok: false, error: { code: 'validation_failed', issues: [{ path: 'startsAt', reason: 'session_start_too_far' }] } });
    expect(edu.rows('select id from education_session')).toHaveLength(1);
  });
});

describe('the backup folder is checked when saved, and a missing restore file is named as such (L2)', () => {
  const admin = { sessionKey: 'form-checks-admin' };
  const { ok, refusal } = stationPerTest(admin);
  let scratch: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    scratch = makeTempDir('form-checks-');
  });
  afterEach(() => {
    scratch.remove();
  });

  const settings = (folder: string) => ({ folder, keep: 7, intervalHours: 24 });

  it('refuses a folder that is missing, a file, a system folder (also through a link) or has a NUL, each with its reason', async () => {
    const file = join(scratch.dir, 'not-a-folder.txt');
    writeFileSync(file, 'x');
    const linkToEtc = join(scratch.dir, 'looks-harmless');
    symlinkSync('/etc', linkToEtc);
    const cases = [
      [join(scratch.dir, 'nonexistent', 'dir'), 'backup_folder_not_found'],
      [file, 'backup_folder_not_directory'],
      ['/etc', 'backup_folder_system'],
      ['/etc/', 'backup_folder_system'],
      ['/proc/self', 'backup_folder_system'],
      ['/', 'backup_folder_system'],
      ['C:\\Windows\\Temp', 'backup_folder_system'],
      [linkToEtc, 'backup_folder_system'],
      [`${scratch.dir}\0/etc`, 'invalid'],
    ] as const;
    for (const [folder, reason] of cases) {
      expect(await refusal('backup:settings', settings(folder)), folder).toMatchObject({ code: 'validation_failed', issues: [{ path: 'folder', reason }] });
    }
    expect((await ok('backup:status', undefined)).settings.folder).toBeNull();
    expect(readdirSync('/etc').filter((name) => name.startsWith('.write-check-'))).toEqual([]);
  });

  it('saves a usable folder and leaves nothing behind from the write check', async () => {
    const stick = join(scratch.dir, 'stick');
    mkdirSync(stick);
    expect(await ok('backup:settings', settings(stick))).toMatchObject({ folder: stick });
    expect(readdirSync(stick)).toEqual([]);
  });

  it('says a restore file that does not exist is not found, with its own code', async () => {
    const missing = join(scratch.dir, 'KMU01-backup-missing.rsbak');
    expect(await refusal('backup:inspect', { file: missing })).toMatchObject({ code: 'backup_file_not_found' });
    expect(await refusal('backup:restore', { file: missing, confirm: true })).toMatchObject({ code: 'backup_file_not_found' });
  });
});

describe('a name-list entry: a plausible consent date, and a duplicate is questioned (L18)', () => {
  const { station, ok, refusal } = stationPerTest({ sessionKey: 'form-checks-names' }, APRIL_4TH);

  const entry = (overrides: Partial<CallInput<'nameList:add'>> = {}, givenOn = '2026-03-20') => nameListEntry('张晓明', overrides, { givenOn });
  const publishedCount = () => (station().connection.sqlite.prepare("select count(*) as n from memorial_entry where state = 'published'").get() as { n: number }).n;

  it('refuses a consent date before 1950 with its own reason, and one after today', async () => {
    for (const date of ['1900-01-01', '0001-01-01', '1949-12-31']) {
      expect((await refusal('nameList:add', entry({}, date))).issues, date).toEqual([{ path: 'consent.givenOn', reason: 'consent_date_too_early' }]);
    }
    expect((await refusal('nameList:add', entry({}, '2026-04-05'))).issues).toEqual([{ path: 'consent.givenOn', reason: 'consent_date' }]);
    expect(await ok('nameList:add', entry({}, '1950-01-01'))).toMatchObject({ name: '张晓明', state: 'published' });
  });

  it('refuses the same name at the same place without confirmation, and adds it once confirmed', async () => {
    await ok('nameList:add', entry());
    expect(await refusal('nameList:add', entry())).toMatchObject({ code: 'memorial_entry_duplicate' });
    // Spacing does not make it another place.
    expect(await refusal('nameList:add', entry({ wallLocation: '东区3排12号' }))).toMatchObject({ code: 'memorial_entry_duplicate' });
    expect(publishedCount()).toBe(1);
    await ok('nameList:add', entry({ wallLocation: '东区 3 排 13 号' }));
    await ok('nameList:add', entry({ confirmDuplicate: true }));
    expect(publishedCount()).toBe(3);
  });
});

describe('a group checking in twice to the same session is asked first (M3)', () => {
  let edu: EducationStation;
  beforeEach(async () => {
    edu = await openEducationStation();
  });
  afterEach(async () => {
    await edu.station.remove();
  });

  it('refuses the same organisation and phone without confirmation, and takes it once confirmed', async () => {
    const session = await edu.ok('education:schedule', sampleSession());
    const other = await edu.ok('education:schedule', sampleSession({ title: '红十字精神进社区', startsAt: beijing('14:00'), endsAt: beijing('16:00') }));
    edu.at(beijing('08:40'));
    await edu.ok('education:checkIn', { sessionId: session.id, ...sampleGroup }, kiosk);
    // One minute later, the same teacher taps again; the phone written with spaces is the same phone.
    edu.at(beijing('08:41'));
    const again = await edu.dispatch('education:checkIn', { sessionId: session.id, ...sampleGroup, contactPhone: '139 8765 4321' }, kiosk);
    expect(again).toMatchObject({ ok: false, error: { code: 'group_already_checked_in' } });
    expect(edu.rows('select id from education_group where session_id = ?', session.id)).toHaveLength(1);

    // Another class of the same school (another contact phone) and the same group at another session are not questioned.
    await edu.ok('education:checkIn', { sessionId: session.id, ...sampleGroup, contactPhone: '13811112222' }, kiosk);
    await edu.ok('education:checkIn', { sessionId: other.id, ...sampleGroup }, kiosk);
    await edu.ok('education:checkIn', { sessionId: session.id, ...sampleGroup, confirmRepeat: true }, kiosk);
    expect(edu.rows('select id from education_group where session_id = ?', session.id)).toHaveLength(3);
  });
});

describe('a hand-over "to the person themself" checks the document against the registrant (M2)', () => {
  const { station, ok, refusal } = stationPerTest({ sessionKey: 'form-checks-documents' }, APRIL_4TH);

  const handOver = (documentId: string, relation: CallInput<'documents:handOver'>['relation'], number: string): CallInput<'documents:handOver'> => ({
    documentId,
    recipientName: 'Anna',
    relation,
    recipientDocument: { kind: 'resident_id', number },
    signature: SAMPLE_SIGNATURE,
  });

  it('refuses "the person themself" with another document, and accepts the registrant\'s own or a relative named as such', async () => {
    const created = await ok('registration:create', sampleRegistration());
    const card = await ok('documents:issue', { kind: 'donor_card', subject: { type: 'person', id: created.personId }, language: 'zh-CN' });
    const someoneElse = residentId('530102', '19800101', '002');
    expect(await refusal('documents:handOver', handOver(card.id, 'self', someoneElse))).toMatchObject({ code: 'handover_not_the_registrant' });
    expect(station().connection.sqlite.prepare('select state from document where id = ?').get(card.id)).toEqual({ state: 'issued' });

    await ok('documents:handOver', handOver(card.id, 'self', samplePerson.document.number));
    const [receipt] = created.receipts;
    expect(await ok('documents:handOver', handOver(receipt!.documentId, 'spouse', someoneElse))).toMatchObject({ state: 'handed_over' });
  });
});
