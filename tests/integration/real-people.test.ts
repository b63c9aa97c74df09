import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStation } from '../../electron/app/open-station';
import { callOk, callsOn } from '../fixtures/dispatch';
import { sampleRegistration } from '../fixtures/registrations';
import { kioskCaller, makeTempDir, openTempStation, sampleSetup } from '../fixtures/temp-station';

/**
 * Names and numbers as real people type them: full-width letters and digits from a Chinese input
 * method, foreign names with hyphens and apostrophes as their passports print them, and staff searching
 * a Latin name in whatever case.
 */

type TempStation = Awaited<ReturnType<typeof openTempStation>>;

let station: TempStation;
/** The recovery code the station showed at setup. */
let recoveryCode: string;
const desk = { sessionKey: 'admin-desk' };

beforeEach(async () => {
  station = await openTempStation();
  recoveryCode = (await callOk(station, 'station:setup', sampleSetup, desk)).recovery.code;
});
afterEach(async () => {
  await station.remove();
});

const { ok, refusal } = callsOn(() => station, () => desk);

/** The full-width form of printable ASCII, as a Chinese input method in full-width mode types it. */
function fullWidth(text: string): string {
  return text.replace(/[!-~]/g, (char) => String.fromCharCode(char.charCodeAt(0) + 0xfee0));
}

/** A passport holder registering one program at the kiosk. */
function passportHolder(name: string, passport: string, phone = '13812345678') {
  return sampleRegistration({
    person: { document: { kind: 'passport', number: passport }, name, phone, birthDate: '1985-06-01', sex: 'male' },
    programs: [{ program: 'cornea' }],
  });
}

async function searchIds(query: string): Promise<string[]> {
  return (await ok('registration:search', { query })).results.map((result) => result.personId);
}

describe('full-width typing', () => {
  it('stores a full-width Latin name, document number and phone as plain ASCII, found by staff in any case or width', async () => {
    const created = await ok('registration:create', passportHolder(fullWidth('Anna'), fullWidth('e12345678'), fullWidth('13812345678')), kioskCaller);
    expect(created.name).toBe('A*');
    expect(await ok('person:reveal', { personId: created.personId, field: 'name' })).toMatchObject({ value: 'Anna' });
    expect(await ok('person:reveal', { personId: created.personId, field: 'document' })).toMatchObject({ value: 'E12345678' });
    expect(await ok('person:reveal', { personId: created.personId, field: 'phone' })).toMatchObject({ value: '13812345678' });
    for (const query of ['anna', 'ANNA', 'Anna', fullWidth('Anna'), fullWidth('ANNA')]) {
      expect(await searchIds(query), query).toEqual([created.personId]);
    }
    expect(await searchIds(fullWidth('E12345678'))).toEqual([created.personId]);
  });

  it('re-indexes names stored before they were case-folded when the station opens after the upgrade', async () => {
    const created = await ok('registration:create', passportHolder('Anna', 'E12345678'), kioskCaller);
    // The index such a row was written with before: the name exactly as stored.
    const legacyKey = station.services.protection.cipher.blindIndex('name', 'Anna');
    station.connection.sqlite.prepare('update person set name_key = ? where id = ?').run(legacyKey, created.personId);
    expect(await searchIds('anna')).toEqual([]);
    // The database as it was before migration 0017: without its bookkeeping row the next open applies it.
    station.connection.sqlite.prepare(`delete from schema_migration where name = '0017_name_index_case'`).run();
    const { dataDir } = station;
    await station.close();
    const reopened = await openStation({ dataDir });
    const remove = async () => {
      await reopened.close();
      rmSync(dataDir, { recursive: true, force: true });
    };
    station = { ...reopened, remove };
    await ok('session:login', { username: sampleSetup.admin.username, password: sampleSetup.admin.password });
    for (const query of ['Anna', 'anna', 'ANNA']) expect(await searchIds(query), query).toEqual([created.personId]);
  });

  it('finds a record by a registration number typed in full width', async () => {
    const created = await ok('registration:create', sampleRegistration(), kioskCaller);
    const number = created.registrations[0]!.number;
    expect(number).toMatch(/^[A-Z0-9]+-\d{4}-R\d{6}$/);
    const found = await ok('registration:search', { query: fullWidth(number.toLowerCase()) });
    expect(found).toMatchObject({ matchedBy: 'registration_number', results: [{ personId: created.personId }] });
  });

  it('accepts a region code typed in full width at setup', async () => {
    const fresh = await openTempStation();
    try {
      const setup = await fresh.dispatch('station:setup', { ...sampleSetup, regionCode: fullWidth(sampleSetup.regionCode) }, desk);
      expect(setup).toMatchObject({ ok: true });
    } finally {
      await fresh.remove();
    }
  });

  it('opens a backup with the recovery code typed in full width', async () => {
    const folder = makeTempDir();
    const fresh = await openTempStation();
    try {
      const taken = await station.services.backup.take({ id: null, role: 'system' }, folder.dir);
      const typed = fullWidth(recoveryCode.toLowerCase()).replace(/\uFF0D/g, '\u3000');
      const staged = await callOk(fresh, 'backup:restoreWithRecoveryCode', { file: taken.backup.file, recoveryCode: typed }, kioskCaller);
      expect(staged).toMatchObject({ stationCode: sampleSetup.code });
    } finally {
      await fresh.remove();
      folder.remove();
    }
  });
});

describe('names as passports print them', () => {
  it('registers names with hyphens and apostrophes, typographic apostrophes folded to ASCII', async () => {
    const cases = [
      ['Jean-Luc Picard', 'Jean-Luc Picard', 'P1000001'],
      ['Mary-Jane Watson', 'Mary-Jane Watson', 'P1000002'],
      ["O'Brien", "O'Brien", 'P1000003'],
      ['Jean-Luc O\u2019Brien', "Jean-Luc O'Brien", 'P1000004'],
    ] as const;
    for (const [typed, stored, passport] of cases) {
      const created = await ok('registration:create', passportHolder(typed, passport), kioskCaller);
      expect(await ok('person:reveal', { personId: created.personId, field: 'name' }), typed).toMatchObject({ value: stored });
      expect(await searchIds(stored.toLowerCase()), typed).toEqual([created.personId]);
    }
  });

  it('still refuses punctuation that is no part of a name', async () => {
    for (const name of ['-', "''", '-Picard', "O'", 'Jean--Luc', "O''Brien", '张-三']) {
      const refused = await refusal('registration:create', passportHolder(name, 'P2000001'), kioskCaller);
      expect(refused, name).toMatchObject({ code: 'validation_failed' });
      expect(JSON.stringify(refused), name).toContain('name_characters');
    }
  });

  it('prints an apostrophe and a hyphen on the receipt as typed', async () => {
    const created = await ok('registration:create', passportHolder('Jean-Luc O\u2019Brien', 'P3000001'), kioskCaller);
    const printed = await ok('documents:pdf', { documentId: created.receipts[0]!.documentId });
    const file = join(station.dataDir, 'receipt.pdf');
    writeFileSync(file, Buffer.from(printed.contentBase64, 'base64'));
    expect(execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })).toContain("Jean-Luc O'Brien");
  });
});
