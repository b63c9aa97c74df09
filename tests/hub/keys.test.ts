import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeKeyFolderPassphrase } from '../../hub/keys/change-passphrase';
import { DATA_KEY_FILE } from '../../hub/keys/data-keys';
import { PASSPHRASE_CHANGE_MARKER, RESEALED_SUFFIX, sealedNameOf } from '../../hub/keys/key-folder';
import { ENCRYPTION_PRIVATE_FILE, loadOrCreateProvinceKeys, loadProvinceKeys, SIGNING_PRIVATE_FILE, type ProvinceKeys } from '../../hub/keys/province-keys';
import { HubKeysLockedError, PassphraseSealer, type ScryptParameters } from '../../hub/keys/sealed-file';
import { passphraseFrom } from '../../hub/cli/passphrase';
import { UsageError } from '../../hub/cli/usage';
import { PROVINCE } from './support/batches';
import { describeOnBothEngines } from './support/both-engines';
import { http } from './support/http-client';
import { databaseArgs, startHubProcess } from './support/hub-process';

const hubEntry = fileURLToPath(new URL('../../hub/cli/main.ts', import.meta.url));

/** The lowest cost the envelope accepts: the unit tests need sealing, not a slow guess. */
const QUICK: ScryptParameters = { N: 2 ** 14, r: 8, p: 1 };
const PASSPHRASE = 'correct horse battery staple';
const quickSealer = (passphrase = PASSPHRASE) => new PassphraseSealer(passphrase, { scrypt: QUICK });

let folder = '';
beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'relay-hub-keys-'));
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

let fresh = 0;
function freshPath(name: string): string {
  return join(folder, `${++fresh}-${name}`);
}

const PRIVATE_FILES = [SIGNING_PRIVATE_FILE, ENCRYPTION_PRIVATE_FILE, DATA_KEY_FILE];

/** Every secret byte string of the keys, in the encodings a file could hold them in. */
function secretsOf(keys: ProvinceKeys): string[] {
  const ders = [keys.signing.privateKey, keys.encryption.privateKey].map((key) => key.export({ type: 'pkcs8', format: 'der' }));
  const raw = [...ders.map((der) => der.subarray(der.length - 32)), keys.data.auditKey, ...keys.data.keys.map((key) => key.key)];
  return [...ders, ...raw].flatMap((bytes) => [bytes.toString('base64'), bytes.toString('hex'), bytes.toString('latin1')]);
}

function lockedReason(open: () => unknown): string {
  try {
    open();
  } catch (error) {
    if (error instanceof HubKeysLockedError) return error.reason;
    throw error;
  }
  throw new Error('the keys opened');
}

describe('hub keys sealed at rest', () => {
  it('seals every private file under the passphrase, one derivation per start: no PEM, no key bytes on disk', () => {
    const dir = freshPath('keys');
    const sealer = quickSealer();
    const made = loadOrCreateProvinceKeys(dir, { passphrase: sealer });
    expect(made.created).toBe(true);
    expect(sealer.derivations).toBe(1);
    for (const name of PRIVATE_FILES) {
      expect(existsSync(join(dir, name))).toBe(false);
      expect(statSync(join(dir, sealedNameOf(name))).mode & 0o777).toBe(0o600);
    }
    const secrets = secretsOf(made.keys);
    for (const name of readdirSync(dir).filter((file) => file.endsWith('.sealed'))) {
      const text = readFileSync(join(dir, name), 'latin1');
      expect(text).not.toMatch(/PRIVATE KEY/);
      for (const secret of secrets) expect(text.includes(secret)).toBe(false);
    }

    const reopening = quickSealer();
    const reopened = loadOrCreateProvinceKeys(dir, { passphrase: reopening });
    expect(reopened.created).toBe(false);
    expect(reopening.derivations).toBe(1);
    expect([reopened.keys.signing.keyId, reopened.keys.encryption.keyId, reopened.keys.data.currentKeyId]).toEqual([
      made.keys.signing.keyId,
      made.keys.encryption.keyId,
      made.keys.data.currentKeyId,
    ]);
  });

  it('refuses a wrong passphrase, a folder opened without one, an altered file and a file moved into another’s place', () => {
    const dir = freshPath('keys');
    loadOrCreateProvinceKeys(dir, { passphrase: quickSealer() });
    expect(lockedReason(() => loadProvinceKeys(dir, { passphrase: quickSealer('not the passphrase at all') }))).toBe('wrong_passphrase_or_altered');
    expect(lockedReason(() => loadProvinceKeys(dir))).toBe('passphrase_required');
    expect(lockedReason(() => loadOrCreateProvinceKeys(dir))).toBe('passphrase_required');
    expect(() => loadProvinceKeys(dir, { passphrase: quickSealer('not the passphrase at all') })).toThrow(/the passphrase is wrong, or the file was altered/);

    const signing = join(dir, sealedNameOf(SIGNING_PRIVATE_FILE));
    const original = readFileSync(signing);
    const envelope = JSON.parse(original.toString('utf8')) as { ciphertext: string };
    const altered = Buffer.from(envelope.ciphertext, 'base64');
    altered[5] = (altered[5] ?? 0) ^ 0x01;
    writeFileSync(signing, JSON.stringify({ ...envelope, ciphertext: altered.toString('base64') }));
    expect(lockedReason(() => loadProvinceKeys(dir, { passphrase: quickSealer() }))).toBe('wrong_passphrase_or_altered');

    writeFileSync(signing, original.subarray(0, 40));
    expect(lockedReason(() => loadProvinceKeys(dir, { passphrase: quickSealer() }))).toBe('damaged');

    // The name is the associated data: the encryption key's envelope under the signing key's name does not open.
    writeFileSync(signing, readFileSync(join(dir, sealedNameOf(ENCRYPTION_PRIVATE_FILE))));
    expect(lockedReason(() => loadProvinceKeys(dir, { passphrase: quickSealer() }))).toBe('wrong_passphrase_or_altered');

    writeFileSync(signing, original);
    expect(loadProvinceKeys(dir, { passphrase: quickSealer() }).signing.keyId).toMatch(/^[0-9a-f]{64}$/);
  });

  it('seals a clear folder in place, keeping its keys and leaving no clear copy, also after a sealing cut short', () => {
    const dir = freshPath('keys');
    const clear = loadOrCreateProvinceKeys(dir).keys;
    const retired = 'province-encryption.2026-01.old.key.pem';
    writeFileSync(join(dir, retired), readFileSync(join(dir, ENCRYPTION_PRIVATE_FILE)), { mode: 0o600 });

    const sealed = loadOrCreateProvinceKeys(dir, { passphrase: quickSealer() });
    expect(sealed.created).toBe(false);
    expect(sealed.sealedInPlace.sort()).toEqual([...PRIVATE_FILES, retired].map(sealedNameOf).sort());
    expect(readdirSync(dir).filter((name) => name.endsWith('.key.pem') || name.endsWith('.json'))).toEqual([]);
    expect([sealed.keys.signing.keyId, sealed.keys.encryption.keyId, sealed.keys.data.currentKeyId]).toEqual([clear.signing.keyId, clear.encryption.keyId, clear.data.currentKeyId]);
    expect(sealed.keys.encryptionPrivateKeys).toHaveLength(2);

    // A crash after the sealed copy was made durable but before the clear file went: the clear copy goes now.
    writeFileSync(join(dir, SIGNING_PRIVATE_FILE), clear.signing.privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    const again = loadOrCreateProvinceKeys(dir, { passphrase: quickSealer() });
    expect(again.sealedInPlace).toEqual([]);
    expect(existsSync(join(dir, SIGNING_PRIVATE_FILE))).toBe(false);
    expect(again.keys.signing.keyId).toBe(clear.signing.keyId);
  });

  it('changes the passphrase: the old one is refused and the new one opens the same keys; a wrong current one changes nothing', () => {
    const dir = freshPath('keys');
    const made = loadOrCreateProvinceKeys(dir, { passphrase: quickSealer() }).keys;
    const next = 'another passphrase, longer';
    expect(() => changeKeyFolderPassphrase(dir, quickSealer('not the passphrase at all'), quickSealer(next))).toThrow(HubKeysLockedError);
    expect(loadProvinceKeys(dir, { passphrase: quickSealer() }).signing.keyId).toBe(made.signing.keyId);

    const changed = changeKeyFolderPassphrase(dir, quickSealer(), quickSealer(next));
    expect(changed.files.sort()).toEqual(PRIVATE_FILES.map(sealedNameOf).sort());
    expect(readdirSync(dir).filter((name) => name.endsWith(RESEALED_SUFFIX) || name === PASSPHRASE_CHANGE_MARKER)).toEqual([]);
    expect(lockedReason(() => loadProvinceKeys(dir, { passphrase: quickSealer() }))).toBe('wrong_passphrase_or_altered');
    const opened = loadProvinceKeys(dir, { passphrase: quickSealer(next) });
    expect([opened.signing.keyId, opened.encryption.keyId, opened.data.currentKeyId]).toEqual([made.signing.keyId, made.encryption.keyId, made.data.currentKeyId]);
  });

  it('a passphrase change cut short is undone before its commit and finished after it', () => {
    const dir = freshPath('keys');
    const made = loadOrCreateProvinceKeys(dir, { passphrase: quickSealer() }).keys;
    const next = 'another passphrase, longer';
    // Re-sealed files beside the old ones, no commit marker: the old passphrase stays in force.
    const signing = join(dir, sealedNameOf(SIGNING_PRIVATE_FILE));
    writeFileSync(`${signing}${RESEALED_SUFFIX}`, quickSealer(next).seal(signing, Buffer.from('half of a change')));
    expect(loadProvinceKeys(dir, { passphrase: quickSealer() }).signing.keyId).toBe(made.signing.keyId);
    expect(existsSync(`${signing}${RESEALED_SUFFIX}`)).toBe(false);

    // Committed, then cut short after one rename: the next opening finishes it under the new passphrase.
    changeKeyFolderPassphrase(dir, quickSealer(), quickSealer(next));
    const afterChange = Object.fromEntries(PRIVATE_FILES.map((name) => [name, readFileSync(join(dir, sealedNameOf(name)))]));
    changeKeyFolderPassphrase(dir, quickSealer(next), quickSealer(PASSPHRASE));
    // Roll the folder back to "committed, only the signing file renamed" by hand.
    for (const name of [ENCRYPTION_PRIVATE_FILE, DATA_KEY_FILE]) {
      const path = join(dir, sealedNameOf(name));
      renameSync(path, `${path}${RESEALED_SUFFIX}`);
      writeFileSync(path, afterChange[name] as Buffer);
    }
    writeFileSync(join(dir, PASSPHRASE_CHANGE_MARKER), '{}');
    const finished = loadProvinceKeys(dir, { passphrase: quickSealer(PASSPHRASE) });
    expect(finished.encryption.keyId).toBe(made.encryption.keyId);
    expect(readdirSync(dir).filter((name) => name.endsWith(RESEALED_SUFFIX) || name === PASSPHRASE_CHANGE_MARKER)).toEqual([]);
  });
});

describe('the passphrase of a hub command', () => {
  it('comes from --passphrase-file (without its final line break) or RELAY_HUB_PASSPHRASE, exactly one, 12 characters or more', () => {
    const file = freshPath('hub-passphrase');
    writeFileSync(file, `${PASSPHRASE}\n`, { mode: 0o600 });
    expect(passphraseFrom({ 'passphrase-file': file }, {})).toBe(PASSPHRASE);
    expect(passphraseFrom({}, { RELAY_HUB_PASSPHRASE: PASSPHRASE })).toBe(PASSPHRASE);
    expect(() => passphraseFrom({ 'passphrase-file': file }, { RELAY_HUB_PASSPHRASE: PASSPHRASE })).toThrow(UsageError);
    expect(() => passphraseFrom({}, {})).toThrow(UsageError);
    expect(() => passphraseFrom({}, { RELAY_HUB_PASSPHRASE: '口令十一个字不够长的' })).toThrow(/at least 12 characters/);
    expect(() => passphraseFrom({ 'passphrase-file': freshPath('missing') }, {})).toThrow(/ENOENT/);
  });
});

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** `npm run hub -- …` as a process, with exactly the passphrase variables given. */
function runHub(args: string[], env: Record<string, string> = {}): Promise<Run> {
  const { RELAY_HUB_PASSPHRASE: _old, RELAY_HUB_NEW_PASSPHRASE: _new, ...inherited } = process.env;
  return promisify(execFile)(process.execPath, ['--import', 'tsx', hubEntry, ...args], { encoding: 'utf8', env: { ...inherited, ...env } }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );
}

describeOnBothEngines('hub keys from the command line', (open) => {
  it('init refuses without a passphrase or with a short one, seals with one, refuses a wrong one; change-passphrase swaps them', async () => {
    const hub = await open();
    await hub.close();
    const keysDir = freshPath('keys');
    const init = ['init', '--province', PROVINCE, '--keys', keysDir, ...databaseArgs(hub.options)];

    const without = await runHub(init);
    expect(without.code).toBe(2);
    expect(without.stderr).toMatch(/--passphrase-file FILE or set RELAY_HUB_PASSPHRASE/);
    const short = await runHub(init, { RELAY_HUB_PASSPHRASE: 'short' });
    expect(short.code).toBe(2);
    expect(short.stderr).toMatch(/at least 12 characters/);
    expect(existsSync(keysDir)).toBe(false);

    const made = await runHub(init, { RELAY_HUB_PASSPHRASE: PASSPHRASE });
    expect(made.code).toBe(0);
    expect(JSON.parse(made.stdout)).toMatchObject({ province: PROVINCE, keysCreated: true });
    expect(readdirSync(keysDir).filter((name) => name.endsWith('.key.pem') || name.endsWith('.json'))).toEqual([]);

    const wrong = await runHub(init, { RELAY_HUB_PASSPHRASE: 'not the passphrase at all' });
    expect(wrong.code).toBe(1);
    expect(JSON.parse(wrong.stdout)).toMatchObject({ refused: 'keys_locked', reason: 'wrong_passphrase_or_altered' });
    expect(wrong.stderr).toMatch(/the passphrase is wrong, or the file was altered/);
    expect(wrong.stderr).not.toMatch(/\n\s+at /);

    const next = 'the new passphrase of the hub';
    const nextFile = freshPath('new-passphrase');
    writeFileSync(nextFile, `${next}\n`, { mode: 0o600 });
    const changeArgs = ['keys', 'change-passphrase', '--keys', keysDir, '--new-passphrase-file', nextFile];
    expect((await runHub(changeArgs, { RELAY_HUB_PASSPHRASE: 'not the passphrase at all' })).code).toBe(1);
    const changed = await runHub(changeArgs, { RELAY_HUB_PASSPHRASE: PASSPHRASE });
    expect(changed.code).toBe(0);
    expect(JSON.parse(changed.stdout)).toMatchObject({ passphraseChanged: true });

    expect((await runHub(init, { RELAY_HUB_PASSPHRASE: PASSPHRASE })).code).toBe(1);
    const reopened = await runHub([...init, '--passphrase-file', nextFile]);
    expect(reopened.code).toBe(0);
    expect(JSON.parse(reopened.stdout)).toMatchObject({ keysCreated: false, provinceSigningKeyId: JSON.parse(made.stdout).provinceSigningKeyId });
  }, 120_000);

  it('hub serve takes the passphrase from a file (as systemd’s credentials give it), seals a clear folder in place, and answers', async () => {
    const hub = await open();
    await hub.close();
    const keysDir = freshPath('keys');
    const clear = loadOrCreateProvinceKeys(keysDir).keys;
    const passphraseFile = freshPath('hub-passphrase');
    writeFileSync(passphraseFile, PASSPHRASE, { mode: 0o600 });
    const { RELAY_HUB_PASSPHRASE: _unused, ...env } = process.env;
    const served = await startHubProcess([...databaseArgs(hub.options), '--keys', keysDir, '--province', PROVINCE, '--port', '0', '--passphrase-file', passphraseFile], env);
    try {
      expect(served.lines[0]).toMatchObject({ keysSealedInPlace: expect.arrayContaining(PRIVATE_FILES.map(sealedNameOf)) });
      const info = await http(`${served.url}/v1/info`, 'GET');
      expect(info.status).toBe(200);
      expect(JSON.parse(info.body.toString('utf8'))).toMatchObject({ signingKeyIds: [clear.signing.keyId], encryptionKeyId: clear.encryption.keyId });
      expect(readdirSync(keysDir).filter((name) => name.endsWith('.key.pem') || name.endsWith('.json'))).toEqual([]);
    } finally {
      await served.stop();
    }
  }, 120_000);
});
