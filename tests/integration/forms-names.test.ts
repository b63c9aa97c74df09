import { describe, expect, it } from 'vitest';
import { nameListEntry } from '../fixtures/name-list';
import { sampleRegistration } from '../fixtures/registrations';
import { stationPerTest } from '../fixtures/station-per-test';
import { kioskCaller } from '../fixtures/temp-station';

/**
 * Names found the way people type them: the public name list by pinyin for a name with a character
 * outside the basic plane (𠮷, a form of 吉) and a middle dot, and staff search for Latin names in any
 * case and width.
 */

const desk = { sessionKey: 'admin-desk' };
const { station, reopen, ok } = stationPerTest(desk);

/** An entry whose family signed the consent on paper. */
const entry = (publishedName: string) => nameListEntry(publishedName, {}, { signature: { kind: 'paper' }, givenOn: '2025-03-01' });

/** The names the public search shows for `query`, as the kiosk asks for them. */
async function publicNames(query: string): Promise<string[]> {
  const result = await ok('nameList:search', { query }, kioskCaller);
  return result.groups.flatMap((group) => group.names.map((name) => name.name));
}

describe('the public name list', () => {
  it('finds 𠮷野·家 by its pinyin initials, its full pinyin and the common form 吉, across the middle dot', async () => {
    await ok('nameList:add', entry('𠮷野·家'));
    await ok('nameList:add', entry('张晓明'));
    for (const query of ['jyj', 'JYJ', 'jiyejia', 'ji ye jia', 'jiye', '吉野家', '𠮷野家', '野·家', 'ｊｙｊ']) {
      expect(await publicNames(query), query).toEqual(['𠮷野·家']);
    }
    // A rare character in the given name reads too: 李𠮷祥 by `ljx` and `lijixiang`.
    await ok('nameList:add', entry('李𠮷祥'));
    for (const query of ['ljx', 'lijixiang', '李吉祥']) expect(await publicNames(query), query).toEqual(['李𠮷祥']);
  });

  it('remakes the keys of names published before 𠮷 was read as 吉 when the station opens after the upgrade', async () => {
    const added = await ok('nameList:add', entry('𠮷野·家'));
    await ok('nameList:add', entry('张晓明'));
    // The keys such an entry was stored with before: its own characters and `yj`, never `jyj`.
    const db = station().connection.sqlite;
    db.prepare('delete from memorial_name_key where entry_id = ? and key not in (?, ?, ?)').run(added.id, '𠮷野·家', '野·家', 'yj');
    expect(await publicNames('jyj')).toEqual([]);
    // The database as it was before migration 0018: without its bookkeeping row the next open applies it.
    db.prepare(`delete from schema_migration where name = '0018_name_list_rekey'`).run();
    await reopen();
    for (const query of ['jyj', 'jiyejia', '吉野家', '𠮷野·家']) expect(await publicNames(query), query).toEqual(['𠮷野·家']);
    expect(await publicNames('zxm')).toEqual(['张晓明']);
    // Asked once: the task is done and the next open leaves the keys alone.
    expect(station().connection.sqlite.prepare(`select count(*) as n from maintenance_task where task = 'name_keys'`).get()).toEqual({ n: 0 });
  });
});

describe('staff search for Latin names', () => {
  /** A passport holder registered at the kiosk. */
  function passportHolder(name: string, passport: string) {
    return sampleRegistration({
      person: { document: { kind: 'passport', number: passport }, name, phone: '13812345678', birthDate: '1985-06-01', sex: 'female' },
      programs: [{ program: 'cornea' }],
    });
  }

  async function searchIds(query: string): Promise<string[]> {
    return (await ok('registration:search', { query })).results.map((result) => result.personId);
  }

  it('folds case, width, composed accents and look-alike dots as the kiosk does when it stores the name', async () => {
    const garcia = await ok('registration:create', passportHolder('Maria José·García', 'P2000001'), kioskCaller);
    const maria = await ok('registration:create', passportHolder('Maria', 'P2000002'), kioskCaller);
    for (const query of [
      'MARIA JOSÉ·GARCÍA',
      'maria josé·garcía',
      'MARIA JOSE\u0301 · GARCI\u0301A',
      'ＭＡＲＩＡ　ＪＯＳÉ・ＧＡＲＣÍＡ',
    ]) {
      expect(await searchIds(query), query).toEqual([garcia.personId]);
    }
    for (const query of ['ｍａｒｉａ', 'ＭＡＲＩＡ', 'MARIA']) expect(await searchIds(query), query).toEqual([maria.personId]);
  });
});
