import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStation } from '../../electron/app/open-station';
import { openDatabaseFile } from '../../electron/db/connection';
import { FieldCipher } from '../../electron/security/field-cipher';
import { FileKeyStore } from '../../electron/security/key-store';
import { DataKeyMismatchError, DataKeyMissingError } from '../../electron/services/kernel/data-protection';
import { useCleanups } from '../fixtures/cleanups';
import { containsText } from '../fixtures/plain-text';
import { kioskCaller, sampleSetup } from '../fixtures/temp-station';

const { tempDir } = useCleanups();

const staff = { sessionKey: 'staff' };
/** Personal values a visitor might give, rare characters included. */
const knownNames = ['欧阳𠀀明', '阿依古丽·买买提', 'Zhang Weiwei', '司马𪚥'];

async function stationWithVisitors(dataDir: string) {
  const station = await openStation({ dataDir });
  await station.dispatch('station:setup', sampleSetup, staff);
  for (const visitorName of knownNames) {
    const result = await station.dispatch('visitor:signIn', { partySize: 1, purpose: 'remembrance', visitorName }, kioskCaller);
    expect(result.ok).toBe(true);
  }
  return station;
}

describe('personal data at rest', () => {
  it('never reaches the database file or its WAL in plain text', async () => {
    const dir = tempDir();
    const station = await stationWithVisitors(dir);
    const walPath = join(dir, 'station.sqlite-wal');
    // Read while the station is open: the WAL then still holds every page written.
    const wal = readFileSync(walPath);
    const database = readFileSync(join(dir, 'station.sqlite'));
    expect(wal.length).toBeGreaterThan(0);
    for (const name of knownNames) {
      expect(containsText(wal, name), `WAL holds ${name}`).toBe(false);
      expect(containsText(database, name), `database holds ${name}`).toBe(false);
    }
    // The check itself can fail: the same bytes do contain a value stored in plain text.
    expect(containsText(Buffer.concat([database, wal]), 'KMU01')).toBe(true);

    const listed = await station.dispatch('visitor:list', {}, staff);
    expect(listed.ok && (listed.data as { visitors: Array<{ visitorName: string }> }).visitors.map((v) => v.visitorName).sort()).toEqual(
      ['欧*', '阿*', 'Z*', '司*'].sort(),
    );
    await station.close();
    for (const file of [join(dir, 'station.sqlite'), walPath].filter(existsSync)) {
      for (const name of knownNames) expect(containsText(readFileSync(file), name), `${file} holds ${name}`).toBe(false);
    }
  });

  it('keeps the key out of the database, in an owner-only file', async () => {
    const dir = tempDir();
    await (await stationWithVisitors(dir)).close();
    const keyFile = join(dir, 'station.key');
    const ring = new FileKeyStore(keyFile).load();
    expect(ring).not.toBeNull();
    const database = readFileSync(join(dir, 'station.sqlite'));
    for (const key of ring?.keys ?? []) expect(database.includes(key.key)).toBe(false);
    if (process.platform !== 'win32') {
      const { statSync } = await import('node:fs');
      expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    }
  });

  it('refuses to open without its key, with a foreign key, or with a key file others can read', async () => {
    const dir = tempDir();
    await (await stationWithVisitors(dir)).close();
    const keyFile = join(dir, 'station.key');
    const original = readFileSync(keyFile);

    const otherDir = tempDir();
    await (await openStation({ dataDir: otherDir })).close();
    writeFileSync(keyFile, readFileSync(join(otherDir, 'station.key')), { mode: 0o600 });
    await expect(openStation({ dataDir: dir })).rejects.toBeInstanceOf(DataKeyMismatchError);

    const { rmSync } = await import('node:fs');
    rmSync(keyFile);
    await expect(openStation({ dataDir: dir })).rejects.toBeInstanceOf(DataKeyMissingError);
    // Still missing: a failed open must not quietly create a fresh key.
    expect(existsSync(keyFile)).toBe(false);

    writeFileSync(keyFile, original, { mode: 0o600 });
    if (process.platform !== 'win32') {
      chmodSync(keyFile, 0o644);
      await expect(openStation({ dataDir: dir })).rejects.toMatchObject({ name: 'KeyFilePermissionError' });
      chmodSync(keyFile, 0o600);
    }
    const reopened = await openStation({ dataDir: dir });
    const listed = await reopened.dispatch('visitor:list', {}, kioskCaller);
    expect(listed).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
    await reopened.close();
  });
});

describe('key rotation', () => {
  function keyIdsInUse(dir: string): Set<string | null> {
    const connection = openDatabaseFile(join(dir, 'station.sqlite'));
    try {
      const names = connection.sqlite.prepare('select visitor_name as v from visitor_sign_in where visitor_name is not null').all() as Array<{ v: string }>;
      const payloads = connection.sqlite.prepare('select payload as v from outbox_payload').all() as Array<{ v: string }>;
      return new Set([...names, ...payloads].map((row) => FieldCipher.keyIdOf(row.v)));
    } finally {
      void connection.close();
    }
  }

  it('re-encrypts every sealed value under a new key and archives the old one', async () => {
    const dir = tempDir();
    const station = await stationWithVisitors(dir);
    const before = station.services.protection.cipher.currentKeyId;
    expect(keyIdsInUse(dir)).toEqual(new Set([before]));

    const resealed = await station.services.protection.rotate();
    const after = station.services.protection.cipher.currentKeyId;
    expect(after).not.toBe(before);
    expect(resealed).toBe(knownNames.length * 2); // each visit's name and its outbox payload
    expect(keyIdsInUse(dir)).toEqual(new Set([after]));
    expect(new FileKeyStore(join(dir, 'station.key')).load()?.keys.map((key) => [key.id, key.archived ?? false])).toEqual([
      [before, true],
      [after, false],
    ]);
    await station.close();

    const reopened = await openStation({ dataDir: dir });
    await reopened.dispatch('session:login', { username: 'admin', password: sampleSetup.admin.password }, staff);
    const listed = await reopened.dispatch('visitor:list', {}, staff);
    expect(listed.ok).toBe(true);
    await reopened.close();
  });

  it('finishes a rotation that was cut short, at the next start, losing nothing', async () => {
    const dir = tempDir();
    const station = await stationWithVisitors(dir);
    const oldKey = station.services.protection.cipher.currentKeyId;
    // The disk "fills up" once the names are done and the outbox is next.
    station.connection.sqlite.exec("create trigger full_disk before update on outbox_payload begin select raise(abort, 'disk full'); end");
    await expect(station.services.protection.rotate()).rejects.toThrow('disk full');
    const ring = new FileKeyStore(join(dir, 'station.key')).load();
    expect(ring?.keys).toHaveLength(2); // both keys kept while values are under either
    const newKey = ring?.currentKeyId;
    expect(keyIdsInUse(dir)).toEqual(new Set([oldKey, newKey]));
    station.connection.sqlite.exec('drop trigger full_disk');
    await station.close();

    const resumed = await openStation({ dataDir: dir });
    expect(resumed.services.protection.cipher.currentKeyId).toBe(newKey);
    expect(keyIdsInUse(dir)).toEqual(new Set([newKey]));
    expect(new FileKeyStore(join(dir, 'station.key')).load()?.keys.filter((key) => !key.archived).map((key) => key.id)).toEqual([newKey]);
    const id = (resumed.connection.sqlite.prepare('select id from visitor_sign_in limit 1').get() as { id: string }).id;
    await resumed.dispatch('session:login', { username: 'admin', password: sampleSetup.admin.password }, staff);
    const revealed = await resumed.dispatch('visitor:revealName', { id }, staff);
    expect(knownNames).toContain((revealed as { data: { visitorName: string } }).data.visitorName);
    await resumed.close();
  });
});
