import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { maskDocumentNumber } from '../../shared/domain/masking';
import { MEMORIAL_CONSENT_TEXT_VERSION } from '../../shared/domain/memorial-names';
import { languages } from '../../shared/i18n/languages';
import { createTranslator } from '../../shared/i18n/translator';
import { kioskCaller, openTempStation, sampleSetup } from '../fixtures/temp-station';
import { callsOn } from '../fixtures/dispatch';
import { sampleRegistration } from '../fixtures/registrations';
import { nameListEntry, sampleRelativeDocument } from '../fixtures/name-list';

type TempStation = Awaited<ReturnType<typeof openTempStation>>;

let station: TempStation;
/** 2026-04-04 17:00 in Beijing, the day before Qingming. */
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

function rows<T = Record<string, unknown>>(sql: string, ...params: unknown[]): T[] {
  return station.connection.sqlite.prepare(sql).all(...params) as T[];
}

function count(table: string, where = '1 = 1', ...params: unknown[]): number {
  return (station.connection.sqlite.prepare(`select count(*) as n from ${table} where ${where}`).get(...params) as { n: number }).n;
}

const relativeDocument = sampleRelativeDocument;
const entry = nameListEntry;

/** The public search as the kiosk makes it: names found, year by year. */
async function search(query: string) {
  const result = await ok('nameList:search', { query }, kioskCaller);
  return { total: result.total, years: result.groups.map((group) => group.year), names: result.groups.flatMap((group) => group.names.map((n) => n.name)) };
}

describe('adding a name with the family consent', () => {
  it('stores the name for the public, seals the consent, and audits and queues the entry in one go', async () => {
    const added = await ok('nameList:add', entry('张晓明', { donationKind: 'organ' }));
    expect(added).toMatchObject({
      state: 'published',
      name: '张晓明',
      donationKind: 'organ',
      engravingYear: 2025,
      wallLocation: '东区 3 排 12 号',
      personId: null,
      createdBy: '管理员',
      withdrawn: null,
      consent: {
        relativeName: '李*',
        relation: 'child',
        relativeDocumentKind: 'resident_id',
        relativeDocument: maskDocumentNumber(relativeDocument.number),
        signature: 'drawn',
        givenOn: '2026-03-20',
        textVersion: MEMORIAL_CONSENT_TEXT_VERSION,
      },
    });

    const [stored] = rows<{ published_name: string; consent_id: string }>('select * from memorial_entry where id = ?', added.id);
    expect(stored?.published_name).toBe('张晓明');
    const [consent] = rows<{ relative: string; signature: string }>('select * from memorial_consent where id = ?', stored!.consent_id);
    // The relative's details and signature are sealed; only the masked document number was ever kept.
    expect(consent!.relative).not.toContain('李建国');
    expect(consent!.signature).not.toContain('iVBOR');
    const relative = JSON.parse(station.services.protection.open(consent!.relative, 'memorial_consent.relative')) as { name: string; document: string };
    expect(relative).toMatchObject({ name: '李建国', document: maskDocumentNumber(relativeDocument.number) });
    expect(JSON.stringify(rows('select * from memorial_consent'))).not.toContain(relativeDocument.number);

    const audit = rows<{ action: string; object_type: string; detail: string }>("select * from audit_log where object_type = 'memorial_entry'");
    expect(audit.map((row) => row.action)).toEqual(['create']);
    expect(audit[0]!.detail).not.toContain('张晓明');
    const outbox = rows<{ kind: string; version: number; payload: string }>("select * from outbox join outbox_payload using (seq) where kind = 'memorial_entry'");
    expect(outbox).toHaveLength(1);
    const payload = JSON.parse(station.services.protection.open(outbox[0]!.payload, 'outbox.payload'));
    expect(payload).toMatchObject({ id: added.id, state: 'published', name: '张晓明', consent: { relativeName: '李*', signature: 'drawn' } });
  });

  it('records a consent signed on paper and links the donor’s person record', async () => {
    const registered = await ok('registration:create', sampleRegistration());
    const added = await ok('nameList:add', entry('李𠮷祥', { personId: registered.personId }, { signature: { kind: 'paper' }, relation: 'spouse' }));
    expect(added).toMatchObject({ personId: registered.personId, consent: { signature: 'paper', relation: 'spouse' } });
    expect(rows('select signature_kind, signature from memorial_consent')).toEqual([{ signature_kind: 'paper', signature: null }]);
  });

  it('refuses an entry without consent, or with a consent the station cannot stand behind, with translated reasons', async () => {
    const { consent: _consent, ...withoutConsent } = entry('张晓明');
    const cases: Array<[input: unknown, path: string, reason: string]> = [
      [withoutConsent, 'consent', 'memorial_consent_required'],
      [entry('张晓明', {}, { textVersion: '2020-01' as never }), 'consent.textVersion', 'consent_text_outdated'],
      [entry('张晓明', {}, { relation: 'self' as never }), 'consent.relation', 'consent_relation'],
      [entry('张晓明', {}, { givenOn: '2026-02-30' }), 'consent.givenOn', 'consent_date'],
      [entry('张晓明', {}, { relativeDocument: { kind: 'resident_id', number: '530102196001010110' } }), 'consent.relativeDocument.number', 'id_check_character'],
      [entry('张晓明', {}, { signature: { kind: 'drawn', image: 'data:image/gif;base64,R0lGOD' } }), 'consent.signature.image', 'signature_invalid'],
      [entry('张晓明', { donationKind: 'stem_cell' as never }), 'donationKind', 'donation_kind'],
      [entry('张晓明', { engravingYear: 1900 }), 'engravingYear', 'engraving_year'],
      [entry('张晓明', { wallLocation: '  ' }), 'wallLocation', 'required'],
      [entry('张3'), 'publishedName', 'name_digits'],
    ];
    for (const [input, path, reason] of cases) {
      const error = await refusal('nameList:add', input);
      expect(error.code, path).toBe('validation_failed');
      expect(error.issues, path).toContainEqual({ path, reason });
    }
    // Rules that need the station's calendar or records: next year at the latest, no consent dated tomorrow, a known person.
    expect((await refusal('nameList:add', entry('张晓明', { engravingYear: 2028 }))).issues).toEqual([{ path: 'engravingYear', reason: 'engraving_year' }]);
    expect(await ok('nameList:add', entry('王芳', { engravingYear: 2027 }))).toMatchObject({ engravingYear: 2027 });
    expect((await refusal('nameList:add', entry('张晓明', {}, { givenOn: '2026-04-05' }))).issues).toEqual([{ path: 'consent.givenOn', reason: 'consent_date' }]);
    expect((await refusal('nameList:add', entry('张晓明', { personId: 'nobody' }))).issues).toEqual([{ path: 'personId', reason: 'person_unknown' }]);
    expect(count('memorial_entry')).toBe(1);
    expect(count('memorial_consent')).toBe(1);

    for (const language of languages) {
      const t = await createTranslator(language);
      for (const reason of ['memorial_consent_required', 'consent_relation', 'consent_date', 'donation_kind', 'engraving_year', 'person_unknown', 'search_query']) {
        expect(t(`validation:${reason}`), `${language} ${reason}`).not.toBe(reason);
      }
      expect(t('errors:memorial_consent_withdrawn'), language).not.toBe('memorial_consent_withdrawn');
    }
  });

  it('leaves the kiosk out of the staff calls', async () => {
    expect((await refusal('nameList:add', entry('张晓明'), kioskCaller)).code).toBe('not_signed_in');
    expect((await refusal('nameList:list', {}, kioskCaller)).code).toBe('not_signed_in');
    expect((await refusal('nameList:withdrawConsent', { entryId: 'x', reason: '家属要求' }, kioskCaller)).code).toBe('not_signed_in');
  });
});

describe('the database itself', () => {
  it('refuses an entry without a standing consent, and search keys for a name that is not published', async () => {
    const sqlite = station.connection.sqlite;
    const insertEntry = (id: string, consentId: string) =>
      sqlite
        .prepare(
          `insert into memorial_entry (id, station_code, consent_id, state, version, published_name, donation_kind,
             engraving_year, wall_location, created_at) values (?, 'KMU01', ?, 'published', 1, '张晓明', 'body', 2025, '东区', ?)`,
        )
        .run(id, consentId, now.toISOString());
    expect(() => insertEntry('e1', 'no-such-consent')).toThrow(/FOREIGN KEY/);

    const added = await ok('nameList:add', entry('王芳'));
    await ok('nameList:withdrawConsent', { entryId: added.id, reason: '家属要求' });
    const [withdrawn] = rows<{ consent_id: string }>('select consent_id from memorial_entry where id = ?', added.id);
    // A second entry on the withdrawn consent, a key for the withdrawn entry, and bringing it back are all refused.
    expect(() => insertEntry('e2', withdrawn!.consent_id)).toThrow(/standing consent|UNIQUE/);
    expect(() =>
      sqlite.prepare("insert into memorial_name_key (key, entry_id, engraving_year, sort_key) values ('wf', ?, 2025, 'wang fang')").run(added.id),
    ).toThrow(/only a published/);
    expect(() => sqlite.prepare("update memorial_entry set state = 'published', published_name = '王芳' where id = ?").run(added.id)).toThrow(/final/);
    expect(() => sqlite.prepare('delete from memorial_entry where id = ?').run(added.id)).toThrow(/never deleted/);
    expect(() => sqlite.prepare('update memorial_consent set withdrawn_at = null where id = ?').run(withdrawn!.consent_id)).toThrow(/withdrawn once/);
    // Published with no name, or a name without the state that allows it, breaks the table's check.
    expect(() =>
      sqlite
        .prepare(
          `insert into memorial_consent (id, relative, signature_kind, given_on, text_version, recorded_at) values ('c3', 'x', 'paper', '2026-03-01', 'v', ?)`,
        )
        .run(now.toISOString()),
    ).not.toThrow();
    expect(() =>
      sqlite
        .prepare(
          `insert into memorial_entry (id, station_code, consent_id, state, version, donation_kind, engraving_year, wall_location, created_at)
           values ('e3', 'KMU01', 'c3', 'published', 1, 'body', 2025, '东区', ?)`,
        )
        .run(now.toISOString()),
    ).toThrow(/CHECK/);
  });
});

describe('the public search', () => {
  beforeEach(async () => {
    await ok('nameList:add', entry('张晓明', { engravingYear: 2024, donationKind: 'organ', wallLocation: '东区 1 排 1 号' }));
    await ok('nameList:add', entry('张晓红', { engravingYear: 2025, donationKind: 'cornea', wallLocation: '东区 2 排 3 号' }));
    await ok('nameList:add', entry('赵小梅', { engravingYear: 2025, wallLocation: '西区 1 排 5 号' }));
    await ok('nameList:add', entry('单雄信', { engravingYear: 2023 }));
    await ok('nameList:add', entry('曾国藩', { engravingYear: 2023 }));
    await ok('nameList:add', entry('解缙', { engravingYear: 2022 }));
    await ok('nameList:add', entry('阿依古丽·买买提', { engravingYear: 2022 }));
  });

  it('finds names by any run of their characters', async () => {
    expect(await search('张晓明')).toEqual({ total: 1, years: [2024], names: ['张晓明'] });
    expect(await search('晓')).toEqual({ total: 2, years: [2025, 2024], names: ['张晓红', '张晓明'] });
    expect(await search('古丽买买')).toMatchObject({ total: 1, names: ['阿依古丽·买买提'] });
    expect(await search('张明')).toEqual({ total: 0, years: [], names: [] });
  });

  it('finds names by pinyin initials and by the start of their pinyin, whatever the case or width', async () => {
    expect(await search('zxm')).toMatchObject({ total: 2, names: ['赵小梅', '张晓明'] });
    expect(await search('ZXH')).toMatchObject({ total: 1, names: ['张晓红'] });
    expect(await search('ｚｘ')).toMatchObject({ total: 3 });
    expect(await search('zhangxiao')).toMatchObject({ total: 2, names: ['张晓红', '张晓明'] });
    expect(await search('zhang xiao ming')).toMatchObject({ total: 1, names: ['张晓明'] });
  });

  it('finds polyphonic surnames by their surname reading and their everyday reading', async () => {
    for (const query of ['sxx', 'dxx', 'shanxiongxin', 'danxiong', '单']) expect((await search(query)).names, query).toEqual(['单雄信']);
    for (const query of ['zgf', 'cgf', 'zengguofan', 'cengguo']) expect((await search(query)).names, query).toEqual(['曾国藩']);
    for (const query of ['xj', 'jj', 'xiejin', 'jiejin']) expect((await search(query)).names, query).toEqual(['解缙']);
  });

  it('groups the names by year of engraving, newest year first, each with its donation kind and wall location', async () => {
    const result = await ok('nameList:search', { query: 'z' }, kioskCaller);
    expect(result.total).toBe(4);
    expect(result.groups).toEqual([
      {
        year: 2025,
        names: [
          { id: expect.any(String), name: '张晓红', donationKind: 'cornea', wallLocation: '东区 2 排 3 号' },
          { id: expect.any(String), name: '赵小梅', donationKind: 'body', wallLocation: '西区 1 排 5 号' },
        ],
      },
      { year: 2024, names: [{ id: expect.any(String), name: '张晓明', donationKind: 'organ', wallLocation: '东区 1 排 1 号' }] },
      { year: 2023, names: [{ id: expect.any(String), name: '曾国藩', donationKind: 'body', wallLocation: '东区 3 排 12 号' }] },
    ]);
  });

  it('refuses a search that cannot be a name, with a translatable reason', async () => {
    expect((await refusal('nameList:search', { query: '   ' }, kioskCaller)).issues).toEqual([{ path: 'query', reason: 'required' }]);
    expect((await refusal('nameList:search', { query: '%' }, kioskCaller)).issues).toEqual([{ path: 'query', reason: 'search_query' }]);
    expect((await refusal('nameList:search', { query: '张3' }, kioskCaller)).issues).toEqual([{ path: 'query', reason: 'search_query' }]);
    expect((await refusal('nameList:search', { query: '张'.repeat(51) }, kioskCaller)).issues).toEqual([{ path: 'query', reason: 'text_too_long' }]);
  });
});

describe('withdrawing the family consent', () => {
  it('takes the name off the list at once: not found by characters, initials nor pinyin, and not counted', async () => {
    const kept = await ok('nameList:add', entry('张晓红'));
    const gone = await ok('nameList:add', entry('张晓明'));
    expect(await search('张晓')).toMatchObject({ total: 2 });
    const keysBefore = count('memorial_name_key', 'entry_id = ?', gone.id);
    expect(keysBefore).toBeGreaterThan(3);

    const withdrawn = await ok('nameList:withdrawConsent', { entryId: gone.id, reason: '家属要求撤下' });
    expect(withdrawn).toMatchObject({ id: gone.id, state: 'withdrawn', name: '张*', withdrawn: { at: now.toISOString(), by: '管理员' } });

    for (const query of ['张晓明', '晓明', 'zxm', 'zhangxiaoming']) expect(await search(query), query).toEqual({ total: 0, years: [], names: [] });
    expect(await search('张晓')).toEqual({ total: 1, years: [2025], names: ['张晓红'] });
    expect(await search('zx')).toMatchObject({ total: 1, names: ['张晓红'] });
    expect(count('memorial_name_key', 'entry_id = ?', gone.id)).toBe(0);
    expect(count('memorial_name_key', 'entry_id = ?', kept.id)).toBeGreaterThan(0);

    // The name is erased from every plain column: only its sealed copy is left, for the history.
    const [stored] = rows<{ published_name: string | null; withdrawn_name: string }>('select * from memorial_entry where id = ?', gone.id);
    expect(stored).toMatchObject({ published_name: null });
    expect(station.services.protection.open(stored!.withdrawn_name, 'memorial_entry.withdrawn_name')).toBe('张晓明');
    const tables = rows<{ name: string }>("select name from sqlite_master where type = 'table'").map((table) => table.name);
    for (const table of tables) expect(JSON.stringify(rows(`select * from ${table}`)), table).not.toContain('张晓明');

    const audit = rows<{ action: string; object_id: string }>("select action, object_id from audit_log where object_type = 'memorial_entry' order by seq");
    expect(audit.slice(-1)).toEqual([{ action: 'withdraw', object_id: gone.id }]);
    const outbox = rows<{ version: number; payload: string }>("select version, payload from outbox join outbox_payload using (seq) where kind = 'memorial_entry' and entity_id = ? order by seq", gone.id);
    expect(outbox.map((row) => row.version)).toEqual([1, 2]);
    expect(JSON.parse(station.services.protection.open(outbox[1]!.payload, 'outbox.payload'))).toMatchObject({
      state: 'withdrawn',
      name: null,
      consent: { withdrawnAt: now.toISOString() },
    });

    const again = await refusal('nameList:withdrawConsent', { entryId: gone.id, reason: '重复' });
    expect(again.code).toBe('memorial_consent_withdrawn');
    expect((await refusal('nameList:withdrawConsent', { entryId: 'nobody', reason: '家属要求' })).code).toBe('not_found');
  });

  it('leaves no trace of the erased name in the database file nor its WAL', async () => {
    const added = await ok('nameList:add', entry('欧阳修远'));
    await ok('nameList:add', entry('赵小梅'));
    const files = () => Buffer.concat([readFileSync(join(station.dataDir, 'station.sqlite')), readFileSync(join(station.dataDir, 'station.sqlite-wal'))]);
    const bytes = (text: string) => Buffer.from(text, 'utf8');
    // The check can fail: before the withdrawal the name, and its pinyin, are on disk in plain text.
    expect(files().includes(bytes('欧阳修远'))).toBe(true);
    expect(files().includes(bytes('ouyangxiuyuan'))).toBe(true);

    await ok('nameList:withdrawConsent', { entryId: added.id, reason: '家属要求撤下' });
    for (const text of ['欧阳修远', '阳修远', 'ouyangxiuyuan', 'oyxy']) expect(files().includes(bytes(text)), text).toBe(false);
    expect(files().includes(bytes('赵小梅'))).toBe(true);
  });

  it('keeps the withdrawn entry in the staff history, masked, and out of staff searches', async () => {
    const first = await ok('nameList:add', entry('张晓明'));
    await ok('nameList:add', entry('赵小梅'));
    await ok('nameList:withdrawConsent', { entryId: first.id, reason: '家属要求撤下' });

    const all = await ok('nameList:list', {});
    expect(all.total).toBe(2);
    expect(all.entries.map((item) => [item.name, item.state])).toEqual(
      expect.arrayContaining([
        ['张*', 'withdrawn'],
        ['赵小梅', 'published'],
      ]),
    );
    expect((await ok('nameList:list', { state: 'withdrawn' })).entries.map((item) => item.id)).toEqual([first.id]);
    expect(await ok('nameList:list', { query: 'zxm' })).toMatchObject({ total: 1, entries: [{ name: '赵小梅' }] });
    expect(await ok('nameList:list', { query: 'zxm', state: 'withdrawn' })).toEqual({ total: 0, entries: [] });
  });

  it('survives a key rotation: the sealed consent and name are re-encrypted and still open', async () => {
    const added = await ok('nameList:add', entry('张晓明'));
    await ok('nameList:withdrawConsent', { entryId: added.id, reason: '家属要求撤下' });
    const before = rows<{ withdrawn_name: string }>('select withdrawn_name from memorial_entry')[0]!.withdrawn_name;
    await station.services.protection.rotate();
    const after = rows<{ withdrawn_name: string }>('select withdrawn_name from memorial_entry')[0]!.withdrawn_name;
    expect(after).not.toBe(before);
    expect((await ok('nameList:list', {})).entries[0]).toMatchObject({ name: '张*', consent: { relativeName: '李*' } });
  });
});
