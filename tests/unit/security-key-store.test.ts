import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KeyFileInvalidError, currentKey, generateKeyRing, serializeKeyRing, withNewCurrentKey, type KeyRing } from '../../electron/security/key-ring';
import {
  FileKeyStore,
  KeyFilePermissionError,
  SealedFileKeyStore,
  resolveKeyFile,
  type Sealer,
} from '../../electron/security/key-store';

const posix = process.platform !== 'win32';
const now = new Date('2025-03-01T08:00:00.000Z');

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'relay-key-store-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function mode(path: string): number {
  return statSync(path).mode & 0o777;
}

function sameRing(a: KeyRing | null, b: KeyRing): void {
  expect(a).not.toBeNull();
  expect(serializeKeyRing(a as KeyRing).equals(serializeKeyRing(b))).toBe(true);
}

/** A toy sealer: AES-256-GCM under a fixed test key, so tampering or another key makes unseal throw. */
function aesSealer(key: Buffer = Buffer.alloc(32, 0x42)): Sealer & { calls: { seal: number; unseal: number } } {
  const calls = { seal: 0, unseal: 0 };
  return {
    calls,
    seal(plain) {
      calls.seal += 1;
      const nonce = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, nonce);
      return Buffer.concat([nonce, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
    },
    unseal(sealed) {
      calls.unseal += 1;
      const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
      decipher.setAuthTag(sealed.subarray(sealed.length - 16));
      return Buffer.concat([decipher.update(sealed.subarray(12, sealed.length - 16)), decipher.final()]);
    },
  };
}

function caught(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('FileKeyStore', () => {
  it('returns null when the file does not exist (also when its folder does not)', () => {
    expect(new FileKeyStore(join(dir, 'station.key')).load()).toBeNull();
    expect(new FileKeyStore(join(dir, 'missing', 'station.key')).load()).toBeNull();
  });

  it('exposes its path as location', () => {
    const path = join(dir, 'station.key');
    expect(new FileKeyStore(path).location).toBe(path);
  });

  it('round-trips a ring', () => {
    const path = join(dir, 'station.key');
    const ring = withNewCurrentKey(generateKeyRing(now), now);
    new FileKeyStore(path).save(ring);
    const loaded = new FileKeyStore(path).load();
    sameRing(loaded, ring);
    expect(loaded?.currentKeyId).toBe(ring.currentKeyId);
    expect(loaded && currentKey(loaded).key.equals(currentKey(ring).key)).toBe(true);
  });

  it('does not zero the caller\'s keys while wiping its own buffers', () => {
    const path = join(dir, 'station.key');
    const ring = generateKeyRing(now);
    const copy = Buffer.from(currentKey(ring).key);
    new FileKeyStore(path).save(ring);
    expect(currentKey(ring).key.equals(copy)).toBe(true);
    expect(copy.equals(Buffer.alloc(32))).toBe(false);
  });

  it.runIf(posix)('writes the file 0600 and creates a missing folder 0700', () => {
    const path = join(dir, 'nested', 'deeper', 'station.key');
    new FileKeyStore(path).save(generateKeyRing(now));
    expect(mode(path)).toBe(0o600);
    expect(mode(join(dir, 'nested', 'deeper'))).toBe(0o700);
    expect(mode(join(dir, 'nested'))).toBe(0o700);
  });

  it.runIf(posix)('keeps 0600 even under a permissive umask', () => {
    const previous = process.umask(0o000);
    try {
      const path = join(dir, 'station.key');
      new FileKeyStore(path).save(generateKeyRing(now));
      expect(mode(path)).toBe(0o600);
    } finally {
      process.umask(previous);
    }
  });

  it.runIf(posix)('refuses a file readable by group or others, naming the path and the mode', () => {
    const path = join(dir, 'station.key');
    const store = new FileKeyStore(path);
    store.save(generateKeyRing(now));
    chmodSync(path, 0o644);
    const error = caught(() => store.load());
    expect(error).toBeInstanceOf(KeyFilePermissionError);
    expect((error as KeyFilePermissionError).path).toBe(path);
    expect((error as KeyFilePermissionError).mode & 0o777).toBe(0o644);
    expect((error as Error).message).toContain(path);
    expect((error as Error).message).toContain('644');
  });

  it.runIf(posix)('refuses any group or other permission bit, accepts owner-only modes', () => {
    const path = join(dir, 'station.key');
    const store = new FileKeyStore(path);
    store.save(generateKeyRing(now));
    for (const bad of [0o640, 0o604, 0o620, 0o602, 0o610, 0o601, 0o666]) {
      chmodSync(path, bad);
      expect(() => store.load()).toThrow(KeyFilePermissionError);
    }
    for (const good of [0o600, 0o400]) {
      chmodSync(path, good);
      expect(store.load()).not.toBeNull();
    }
  });

  it('replaces the previous ring and leaves no temporary files', () => {
    const path = join(dir, 'station.key');
    const store = new FileKeyStore(path);
    const first = generateKeyRing(now);
    const second = withNewCurrentKey(first, now);
    store.save(first);
    store.save(second);
    sameRing(store.load(), second);
    expect(readdirSync(dir)).toEqual(['station.key']);
  });

  it.runIf(posix)('tightens the mode when it replaces a too-open file', () => {
    const path = join(dir, 'station.key');
    writeFileSync(path, 'old', { mode: 0o644 });
    chmodSync(path, 0o644);
    new FileKeyStore(path).save(generateKeyRing(now));
    expect(mode(path)).toBe(0o600);
  });

  it('cleans up its temporary file when the final rename fails', () => {
    // A non-empty folder where the key file should be makes the rename fail after the temp file is written.
    const path = join(dir, 'station.key');
    mkdirSync(path);
    writeFileSync(join(path, 'occupant'), 'x');
    expect(() => new FileKeyStore(path).save(generateKeyRing(now))).toThrow();
    expect(readdirSync(dir)).toEqual(['station.key']);
    expect(readdirSync(path)).toEqual(['occupant']);
  });

  it('refuses something that is not a regular file', () => {
    const path = join(dir, 'station.key');
    mkdirSync(path, { mode: 0o700 });
    const error = caught(() => new FileKeyStore(path).load());
    expect(error).toBeInstanceOf(KeyFileInvalidError);
    expect((error as KeyFileInvalidError).path).toBe(path);
  });

  it('reports invalid content as KeyFileInvalidError carrying the path', () => {
    const path = join(dir, 'station.key');
    writeFileSync(path, '{"version":1}', { mode: 0o600 });
    const error = caught(() => new FileKeyStore(path).load());
    expect(error).toBeInstanceOf(KeyFileInvalidError);
    expect((error as KeyFileInvalidError).path).toBe(path);
    expect((error as Error).message).toContain(path);
  });

  it('reports a truncated file as invalid', () => {
    const path = join(dir, 'station.key');
    const bytes = serializeKeyRing(generateKeyRing(now));
    writeFileSync(path, bytes.subarray(0, bytes.length - 10), { mode: 0o600 });
    expect(() => new FileKeyStore(path).load()).toThrow(KeyFileInvalidError);
  });
});

describe('SealedFileKeyStore', () => {
  it('round-trips a ring through the sealer', () => {
    const path = join(dir, 'station.key');
    const sealer = aesSealer();
    const ring = withNewCurrentKey(generateKeyRing(now), now);
    new SealedFileKeyStore(path, sealer).save(ring);
    sameRing(new SealedFileKeyStore(path, sealer).load(), ring);
    expect(sealer.calls).toEqual({ seal: 1, unseal: 1 });
  });

  it('returns null when the file does not exist, without calling the sealer', () => {
    const sealer = aesSealer();
    expect(new SealedFileKeyStore(join(dir, 'station.key'), sealer).load()).toBeNull();
    expect(sealer.calls.unseal).toBe(0);
  });

  it('keeps the keys out of the file in the clear', () => {
    const path = join(dir, 'station.key');
    const ring = generateKeyRing(now);
    new SealedFileKeyStore(path, aesSealer()).save(ring);
    const raw = readFileSync(path);
    expect(raw.includes(Buffer.from(currentKey(ring).key.toString('base64')))).toBe(false);
    expect(raw.includes(Buffer.from(ring.auditKey.toString('base64')))).toBe(false);
    expect(raw.includes(currentKey(ring).key)).toBe(false);
    expect(raw.includes(Buffer.from('currentKeyId'))).toBe(false);
  });

  it.runIf(posix)('uses the same owner-only, atomic file handling', () => {
    const path = join(dir, 'sub', 'station.key');
    const store = new SealedFileKeyStore(path, aesSealer());
    store.save(generateKeyRing(now));
    store.save(generateKeyRing(now));
    expect(mode(path)).toBe(0o600);
    expect(mode(join(dir, 'sub'))).toBe(0o700);
    expect(readdirSync(join(dir, 'sub'))).toEqual(['station.key']);
    chmodSync(path, 0o644);
    expect(() => store.load()).toThrow(KeyFilePermissionError);
  });

  it('turns an unseal failure into KeyFileInvalidError carrying the path', () => {
    const path = join(dir, 'station.key');
    new SealedFileKeyStore(path, aesSealer()).save(generateKeyRing(now));
    const failing: Sealer = {
      seal: (plain) => plain,
      unseal: () => {
        throw new Error('safeStorage is not available');
      },
    };
    const error = caught(() => new SealedFileKeyStore(path, failing).load());
    expect(error).toBeInstanceOf(KeyFileInvalidError);
    expect((error as KeyFileInvalidError).path).toBe(path);
    expect((error as Error).message).toContain(path);
    expect((error as Error).cause).toBeInstanceOf(Error);
  });

  it('refuses a file sealed under another secret or tampered with', () => {
    const path = join(dir, 'station.key');
    new SealedFileKeyStore(path, aesSealer(Buffer.alloc(32, 1))).save(generateKeyRing(now));
    expect(() => new SealedFileKeyStore(path, aesSealer(Buffer.alloc(32, 2))).load()).toThrow(KeyFileInvalidError);

    const raw = readFileSync(path);
    raw[20] = (raw[20] ?? 0) ^ 0x01;
    writeFileSync(path, raw, { mode: 0o600 });
    expect(() => new SealedFileKeyStore(path, aesSealer(Buffer.alloc(32, 1))).load()).toThrow(KeyFileInvalidError);
  });

  it('refuses a plain key file', () => {
    const path = join(dir, 'station.key');
    new FileKeyStore(path).save(generateKeyRing(now));
    expect(() => new SealedFileKeyStore(path, aesSealer()).load()).toThrow(KeyFileInvalidError);
  });

  it('refuses unsealed bytes that are not a key ring', () => {
    const path = join(dir, 'station.key');
    const garbage: Sealer = { seal: (plain) => plain, unseal: () => Buffer.from('not a ring') };
    writeFileSync(path, 'whatever', { mode: 0o600 });
    const error = caught(() => new SealedFileKeyStore(path, garbage).load());
    expect(error).toBeInstanceOf(KeyFileInvalidError);
    expect((error as KeyFileInvalidError).path).toBe(path);
  });

  it('leaves the old file in place when sealing fails', () => {
    const path = join(dir, 'station.key');
    const ring = generateKeyRing(now);
    new SealedFileKeyStore(path, aesSealer()).save(ring);
    const broken: Sealer = {
      seal: () => {
        throw new Error('no keychain');
      },
      unseal: (sealed) => sealed,
    };
    expect(() => new SealedFileKeyStore(path, broken).save(generateKeyRing(now))).toThrow('no keychain');
    sameRing(new SealedFileKeyStore(path, aesSealer()).load(), ring);
    expect(readdirSync(dir)).toEqual(['station.key']);
  });
});

describe('resolveKeyFile', () => {
  it('uses RELAY_KEY_FILE, trimmed, when set', () => {
    expect(resolveKeyFile({ RELAY_KEY_FILE: '  /media/usb/station.key \n' }, '/data')).toBe('/media/usb/station.key');
  });

  it('falls back to station.key in the data folder', () => {
    expect(resolveKeyFile({}, '/data/relay')).toBe(join('/data/relay', 'station.key'));
    expect(resolveKeyFile({ RELAY_KEY_FILE: '' }, '/data/relay')).toBe(join('/data/relay', 'station.key'));
    expect(resolveKeyFile({ RELAY_KEY_FILE: '   ' }, '/data/relay')).toBe(join('/data/relay', 'station.key'));
  });

  it('does not create anything', () => {
    resolveKeyFile({}, join(dir, 'x'));
    expect(existsSync(join(dir, 'x'))).toBe(false);
  });
});
