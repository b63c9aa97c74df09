import { closeSync, existsSync, fstatSync, openSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fsyncDirectory, writeOwnerOnlyFileAtomically } from './durable-files';
import { KeyFileInvalidError, parseKeyRing, serializeKeyRing, type KeyRing } from './key-ring';

/**
 * Where the key ring lives between runs. Only this module touches the key file, so its permission and
 * durability rules are kept in one place: a key file that others can read leaks every sealed value, and
 * a half-written one loses them all.
 */

const IS_POSIX = process.platform !== 'win32';

/** Loads and saves the station's key ring. */
export interface KeyStore {
  /** The file (or other place) the ring is kept in, for messages to the operator. */
  readonly location: string;
  /** The stored ring, or null when nothing has been stored yet (a new station). */
  load(): KeyRing | null;
  /** Replaces the stored ring atomically: after a crash the old or the new ring is there, never a mix. */
  save(ring: KeyRing): void;
}

/** A store whose file can be deleted once its ring has moved to another store. */
export interface RemovableKeyStore extends KeyStore {
  remove(): void;
}

/** Encrypts the key file with a platform secret (e.g. Electron safeStorage), supplied by the shell. */
export interface Sealer {
  seal(plain: Buffer): Buffer;
  unseal(sealed: Buffer): Buffer;
}

/** The key file can be read or written by group or others; we refuse to use keys that may have leaked. */
export class KeyFilePermissionError extends Error {
  constructor(
    readonly path: string,
    readonly mode: number,
  ) {
    const octal = (mode & 0o777).toString(8).padStart(3, '0');
    super(`The key file ${path} has mode ${octal}; it must be readable and writable by its owner only (chmod 600 "${path}")`);
    this.name = 'KeyFilePermissionError';
  }
}

/** RELAY_KEY_FILE (trimmed, when non-empty) lets an operator keep the key apart from the data, e.g. on removable media. */
export function resolveKeyFile(env: NodeJS.ProcessEnv, dataDir: string): string {
  const fromEnv = env.RELAY_KEY_FILE?.trim();
  return fromEnv ? fromEnv : join(dataDir, 'station.key');
}

/**
 * The file's bytes, or null when it does not exist. Mode and content come from the same open file
 * descriptor, so the file cannot be swapped between the permission check and the read.
 */
function readOwnerOnlyFile(path: string): Buffer | null {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new KeyFileInvalidError(`The key file ${path} is not a regular file`, path);
    // Windows has no POSIX modes (Node reports 0o666); there the user profile's ACLs protect the file.
    if (IS_POSIX && (stat.mode & 0o077) !== 0) throw new KeyFilePermissionError(path, stat.mode);
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

function parseFrom(path: string, bytes: Buffer): KeyRing {
  try {
    return parseKeyRing(bytes);
  } catch (error) {
    if (error instanceof KeyFileInvalidError) {
      throw new KeyFileInvalidError(`The key file ${path} is invalid: ${error.message}`, path, { cause: error });
    }
    throw error;
  }
}

/** The key ring as a plain owner-only (0600) file, for hosts without a platform secret store (CLI, station host, tests). */
export class FileKeyStore implements RemovableKeyStore {
  readonly location: string;

  constructor(path: string) {
    this.location = path;
  }

  load(): KeyRing | null {
    const bytes = readOwnerOnlyFile(this.location);
    if (bytes === null) return null;
    try {
      return parseFrom(this.location, bytes);
    } finally {
      bytes.fill(0);
    }
  }

  save(ring: KeyRing): void {
    const bytes = serializeKeyRing(ring);
    try {
      writeOwnerOnlyFileAtomically(this.location, bytes);
    } finally {
      bytes.fill(0);
    }
  }

  remove(): void {
    removeKeyFile(this.location);
  }
}

/**
 * The key ring sealed by a platform secret (Electron safeStorage: DPAPI, Keychain, libsecret), so a copy
 * of the data folder alone does not reveal the keys. Same file handling as FileKeyStore.
 */
export class SealedFileKeyStore implements RemovableKeyStore {
  readonly location: string;

  constructor(
    path: string,
    private readonly sealer: Sealer,
  ) {
    this.location = path;
  }

  load(): KeyRing | null {
    const sealed = readOwnerOnlyFile(this.location);
    if (sealed === null) return null;
    let plain: Buffer;
    try {
      plain = this.sealer.unseal(sealed);
    } catch (cause) {
      // Another user, another machine, or a plain key file: say which file, do not guess further.
      throw new KeyFileInvalidError(`The key file ${this.location} could not be unsealed`, this.location, { cause });
    }
    try {
      return parseFrom(this.location, plain);
    } finally {
      plain.fill(0);
    }
  }

  save(ring: KeyRing): void {
    const plain = serializeKeyRing(ring);
    try {
      writeOwnerOnlyFileAtomically(this.location, this.sealer.seal(plain));
    } finally {
      plain.fill(0);
    }
  }

  remove(): void {
    removeKeyFile(this.location);
  }
}

function removeKeyFile(path: string): void {
  rmSync(path, { force: true });
  fsyncDirectory(dirname(path));
}

/**
 * A sealed key file in a session that cannot unseal it (a kiosk autologin without an unlocked keyring,
 * say): says so instead of letting the station believe its key is missing. Nothing is ever saved here.
 */
export class UnavailableSealedKeyStore implements RemovableKeyStore {
  constructor(readonly location: string) {}

  load(): KeyRing | null {
    if (!existsSync(this.location)) return null;
    throw new KeyFileInvalidError(
      `The key file ${this.location} is sealed by the operating system's key store, which this session cannot use; unlock the keyring (or sign in as the user who set the station up) and start again`,
      this.location,
    );
  }

  save(): void {
    throw new Error(`the operating system's key store is not available to seal ${this.location}`);
  }

  remove(): void {
    // Never: it is the only copy of the keys.
  }
}

/**
 * The key ring in the store this session prefers, found in the other one when need be and moved over:
 * which store the platform offers can change between sessions (a keyring that appears later, or one
 * that is locked). The ring is saved to the preferred store and read back before the other file is
 * removed, so a failure on the way leaves at least one readable copy.
 */
export class MigratingKeyStore implements KeyStore {
  constructor(
    private readonly preferred: KeyStore,
    private readonly other: RemovableKeyStore,
  ) {}

  get location(): string {
    return this.preferred.location;
  }

  load(): KeyRing | null {
    const ring = this.preferred.load();
    if (ring !== null) return ring;
    const found = this.other.load();
    if (found === null) return null;
    this.preferred.save(found);
    if (this.preferred.load()?.currentKeyId !== found.currentKeyId) throw new KeyFileInvalidError(`The key ring could not be moved to ${this.preferred.location}`, this.preferred.location);
    this.other.remove();
    return found;
  }

  save(ring: KeyRing): void {
    this.preferred.save(ring);
  }
}
