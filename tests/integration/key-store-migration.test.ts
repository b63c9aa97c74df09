import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStation } from '../../electron/app/open-station';
import { FileKeyStore, MigratingKeyStore, SealedFileKeyStore, UnavailableSealedKeyStore, type Sealer } from '../../electron/security/key-store';
import { useCleanups } from '../fixtures/cleanups';
import { callOk } from '../fixtures/dispatch';
import { kioskCaller, sampleSetup } from '../fixtures/temp-station';

/**
 * The key store a desktop session gets depends on the session (a keyring may appear later, or stay locked):
 * the key is found in either store and moved to the sealed one when the platform can seal.
 */

const { tempDir } = useCleanups();
const admin = { sessionKey: 'key-store-admin' };

/** Stands in for the operating system's key store: reversible, and not the plain key ring. */
const fakeOsSealer: Sealer = {
  seal: (plain) => Buffer.concat([Buffer.from('OS-SEALED:'), Buffer.from(plain.map((byte) => byte ^ 0x5a))]),
  unseal: (sealed) => {
    if (!sealed.subarray(0, 10).equals(Buffer.from('OS-SEALED:'))) throw new Error('not sealed here');
    return Buffer.from(sealed.subarray(10).map((byte) => byte ^ 0x5a));
  },
};

function stores(dir: string) {
  const plainPath = join(dir, 'station.key');
  const sealedPath = join(dir, 'station.key.sealed');
  return {
    plainPath,
    sealedPath,
    keyringAppeared: new MigratingKeyStore(new SealedFileKeyStore(sealedPath, fakeOsSealer), new FileKeyStore(plainPath)),
    keyringLocked: new MigratingKeyStore(new FileKeyStore(plainPath), new UnavailableSealedKeyStore(sealedPath)),
  };
}

describe('a station whose key store changes between sessions', () => {
  it('first run without a keyring, then with one: the plain key file moves into the sealed one, and every record still opens', async () => {
    const dir = tempDir();
    const first = await openStation({ dataDir: dir });
    await callOk(first, 'station:setup', sampleSetup, admin);
    await callOk(first, 'visitor:signIn', { partySize: 1, purpose: 'tour', visitorName: '周敏' }, kioskCaller);
    const visitId = (first.connection.sqlite.prepare('select id from visitor_sign_in').get() as { id: string }).id;
    await first.close();

    const { plainPath, sealedPath, keyringAppeared } = stores(dir);
    const second = await openStation({ dataDir: dir, keyStore: keyringAppeared });
    try {
      expect(existsSync(plainPath)).toBe(false);
      expect(readFileSync(sealedPath).subarray(0, 10).toString()).toBe('OS-SEALED:');
      await callOk(second, 'session:login', { username: sampleSetup.admin.username, password: sampleSetup.admin.password }, admin);
      expect(await callOk(second, 'visitor:revealName', { id: visitId }, admin)).toMatchObject({ visitorName: '周敏' });
    } finally {
      await second.close();
    }
  });

  it('sealed, then a session whose keyring is locked: refused with a message that says so, nothing created in its place', async () => {
    const dir = tempDir();
    const { plainPath, keyringAppeared, keyringLocked } = stores(dir);
    const first = await openStation({ dataDir: dir, keyStore: keyringAppeared });
    await callOk(first, 'station:setup', sampleSetup, admin);
    await first.close();

    await expect(openStation({ dataDir: dir, keyStore: keyringLocked })).rejects.toThrow(/sealed by the operating system's key store/);
    expect(existsSync(plainPath)).toBe(false);
    const again = await openStation({ dataDir: dir, keyStore: stores(dir).keyringAppeared });
    expect(await again.services.station.get()).toMatchObject({ code: sampleSetup.code });
    await again.close();
  });
});
