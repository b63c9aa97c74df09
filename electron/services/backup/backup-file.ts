import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { open, rm, stat, type FileHandle } from 'node:fs/promises';

/**
 * The encrypted backup file: `RSBACKUP`, the header's length (uint32, big-endian), the header (JSON), then
 * the database in chunks of `chunkBytes`, each sealed with AES-256-GCM (ciphertext then 16-byte tag).
 *
 * The key is derived for this file alone (HKDF over a data key with a random salt), so a counter is a safe
 * nonce; its last byte marks the final chunk, so a file cut at a chunk boundary is refused too. Every chunk
 * authenticates the whole header as associated data: a changed header fails like a changed chunk. Chunks
 * keep memory flat for databases of hundreds of megabytes, and a file is only ever decrypted to a
 * temporary file that is used once every chunk has passed.
 */

export const BACKUP_MAGIC = Buffer.from('RSBACKUP', 'ascii');
export const BACKUP_FORMAT_VERSION = 1;
export const BACKUP_FILE_EXTENSION = '.rsbk';
const CHUNK_BYTES = 1 << 20;
const TAG_BYTES = 16;
const NONCE_BYTES = 12;
const SALT_BYTES = 32;
const MAX_HEADER_BYTES = 64 * 1024;
/** A header may not ask for chunks larger than this: reading one takes that much memory. */
const MAX_CHUNK_BYTES = 64 << 20;
const PREFIX_BYTES = BACKUP_MAGIC.length + 4;

/**
 * The station's whole key ring (current and archived data keys) sealed to its recovery key (recovery.ts),
 * so that this file and the recovery code are enough to restore it on a new machine.
 */
export interface BackupRecovery {
  /** Of the recovery key: which code opens this file. */
  fingerprint: string;
  /** The scrypt salt of the recovery code, base64. */
  salt: string;
  /** The serialized key ring in the `.rse` container, base64. */
  sealedRing: string;
}

/** What the backup says about itself, authenticated with its content. */
export interface BackupFacts {
  /** Migrations applied in the backed-up database. */
  schemaVersion: number;
  stationCode: string;
  createdAt: string;
  outbox: { highestSeq: number; unacknowledged: number };
  lastBatchSeq: number;
  /** Absent in backups of a station that had no recovery key yet: those need this station's key file. */
  recovery?: BackupRecovery;
}

export interface BackupHeader extends BackupFacts {
  format: typeof BACKUP_FORMAT_VERSION;
  /** The data key the file key was derived from. */
  keyId: string;
  salt: string;
  chunkBytes: number;
  databaseBytes: number;
}

/** A file key derived from the data key `keyId` (the current one when null); null when the ring has no such key. */
export type FileKeyDeriver = (keyId: string | null, salt: Buffer) => { keyId: string; key: Buffer } | null;

/** The file is not a backup, is damaged or cut short, or was not made with a key of this station. */
export class BackupCorruptError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupCorruptError';
  }
}

function nonceFor(index: number, final: boolean): Buffer {
  const nonce = Buffer.alloc(NONCE_BYTES);
  nonce.writeUIntBE(index, 5, 6);
  nonce[NONCE_BYTES - 1] = final ? 1 : 0;
  return nonce;
}

function chunkCount(databaseBytes: number, chunkBytes: number): number {
  return Math.ceil(databaseBytes / chunkBytes);
}

async function readExactly(handle: FileHandle, length: number, position: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const { bytesRead } = await handle.read(buffer, done, length - done, position + done);
    if (bytesRead === 0) throw new BackupCorruptError('the file ends early');
    done += bytesRead;
  }
  return buffer;
}

function isWhole(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function isRecovery(value: unknown): value is BackupRecovery {
  const r = value as Partial<BackupRecovery> | null;
  return typeof r === 'object' && r !== null && typeof r.fingerprint === 'string' && typeof r.salt === 'string' && typeof r.sealedRing === 'string';
}

/** The header's fields, checked one by one: anything else is a damaged or foreign file. */
function parseHeader(bytes: Buffer): BackupHeader {
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new BackupCorruptError('the header is not JSON');
  }
  const h = json as Partial<BackupHeader> | null;
  const valid =
    typeof h === 'object' &&
    h !== null &&
    h.format === BACKUP_FORMAT_VERSION &&
    typeof h.keyId === 'string' &&
    typeof h.salt === 'string' &&
    Buffer.from(h.salt, 'base64').length === SALT_BYTES &&
    isWhole(h.chunkBytes) &&
    h.chunkBytes > 0 &&
    h.chunkBytes <= MAX_CHUNK_BYTES &&
    isWhole(h.databaseBytes) &&
    h.databaseBytes > 0 &&
    isWhole(h.schemaVersion) &&
    typeof h.stationCode === 'string' &&
    typeof h.createdAt === 'string' &&
    !Number.isNaN(Date.parse(h.createdAt)) &&
    typeof h.outbox === 'object' &&
    h.outbox !== null &&
    isWhole(h.outbox.highestSeq) &&
    isWhole(h.outbox.unacknowledged) &&
    isWhole(h.lastBatchSeq) &&
    (h.recovery === undefined || isRecovery(h.recovery));
  if (!valid) throw new BackupCorruptError('the header is incomplete');
  return h as BackupHeader;
}

interface OpenedBackup {
  header: BackupHeader;
  /** Magic, length and header: the associated data of every chunk. */
  prefix: Buffer;
  fileBytes: number;
}

async function readPrefix(handle: FileHandle): Promise<OpenedBackup> {
  const { size } = await handle.stat();
  const start = await readExactly(handle, PREFIX_BYTES, 0);
  if (!start.subarray(0, BACKUP_MAGIC.length).equals(BACKUP_MAGIC)) throw new BackupCorruptError('not a Relay Station backup');
  const headerLength = start.readUInt32BE(BACKUP_MAGIC.length);
  if (headerLength === 0 || headerLength > MAX_HEADER_BYTES) throw new BackupCorruptError('the header length is implausible');
  const headerBytes = await readExactly(handle, headerLength, PREFIX_BYTES);
  const header = parseHeader(headerBytes);
  const expected = PREFIX_BYTES + headerLength + header.databaseBytes + chunkCount(header.databaseBytes, header.chunkBytes) * TAG_BYTES;
  if (size !== expected) throw new BackupCorruptError(size < expected ? 'the file is cut short' : 'the file has bytes after its end');
  return { header, prefix: Buffer.concat([start, headerBytes]), fileBytes: size };
}

/** The header of a backup file, not yet authenticated: enough to list and sort the files of a folder. */
export async function readBackupHeader(file: string): Promise<{ header: BackupHeader; fileBytes: number }> {
  const handle = await open(file, 'r');
  try {
    const { header, fileBytes } = await readPrefix(handle);
    return { header, fileBytes };
  } finally {
    await handle.close();
  }
}

/**
 * The header of a backup file, authenticated: the final chunk is decrypted, which proves the header (its
 * associated data) was written with a key of this station and that the file ends where it should. Throws
 * BackupCorruptError otherwise. Cheap enough to list a folder: one chunk per file, nothing written.
 */
export async function readAuthenticatedHeader(file: string, deriveKey: FileKeyDeriver): Promise<{ header: BackupHeader; fileBytes: number }> {
  const handle = await open(file, 'r');
  try {
    const { header, prefix, fileBytes } = await readPrefix(handle);
    const fileKey = deriveKey(header.keyId, Buffer.from(header.salt, 'base64'));
    if (!fileKey) throw new BackupCorruptError('the file was not made with a key of this station');
    const chunks = chunkCount(header.databaseBytes, header.chunkBytes);
    const last = chunks - 1;
    const plainLength = header.databaseBytes - last * header.chunkBytes;
    const position = fileBytes - plainLength - TAG_BYTES;
    const sealed = await readExactly(handle, plainLength + TAG_BYTES, position);
    const decipher = createDecipheriv('aes-256-gcm', fileKey.key, nonceFor(last, true));
    decipher.setAAD(prefix);
    decipher.setAuthTag(sealed.subarray(plainLength));
    try {
      decipher.update(sealed.subarray(0, plainLength)).fill(0);
      decipher.final();
    } catch {
      throw new BackupCorruptError('the header fails authentication');
    }
    return { header, fileBytes };
  } finally {
    await handle.close();
  }
}

/**
 * Encrypts the database copy `plainFile` into `outFile` (created, never overwritten) under a key derived
 * from the current data key. The output is flushed to disk before this returns.
 */
export async function encryptBackup(plainFile: string, outFile: string, facts: BackupFacts, deriveKey: FileKeyDeriver): Promise<BackupHeader> {
  const salt = randomBytes(SALT_BYTES);
  const fileKey = deriveKey(null, salt);
  if (!fileKey) throw new Error('the station has no current data key');
  const databaseBytes = (await stat(plainFile)).size;
  const header: BackupHeader = {
    format: BACKUP_FORMAT_VERSION,
    keyId: fileKey.keyId,
    salt: salt.toString('base64'),
    chunkBytes: CHUNK_BYTES,
    databaseBytes,
    ...facts,
  };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(headerBytes.length);
  const prefix = Buffer.concat([BACKUP_MAGIC, length, headerBytes]);

  const input = await open(plainFile, 'r');
  const output = await open(outFile, 'wx', 0o600);
  try {
    await output.write(prefix);
    const chunks = chunkCount(databaseBytes, CHUNK_BYTES);
    for (let index = 0; index < chunks; index += 1) {
      const plain = await readExactly(input, Math.min(CHUNK_BYTES, databaseBytes - index * CHUNK_BYTES), index * CHUNK_BYTES);
      const cipher = createCipheriv('aes-256-gcm', fileKey.key, nonceFor(index, index === chunks - 1));
      cipher.setAAD(prefix);
      await output.write(Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]));
    }
    await output.sync();
  } catch (error) {
    await output.close();
    await rm(outFile, { force: true });
    throw error;
  } finally {
    await input.close();
  }
  await output.close();
  return header;
}

/**
 * Decrypts a backup into `outFile` (created, owner-only) and returns its authenticated header. Any failure
 * (wrong magic, damaged header or chunk, cut short, unknown key) removes the partial output and throws
 * BackupCorruptError, so nothing half-decrypted is ever used.
 */
export async function decryptBackup(file: string, outFile: string, deriveKey: FileKeyDeriver): Promise<BackupHeader> {
  const handle = await open(file, 'r');
  let output: FileHandle | null = null;
  try {
    const { header, prefix } = await readPrefix(handle);
    const fileKey = deriveKey(header.keyId, Buffer.from(header.salt, 'base64'));
    if (!fileKey) throw new BackupCorruptError('the file was not made with a key of this station');
    output = await open(outFile, 'wx', 0o600);
    const chunks = chunkCount(header.databaseBytes, header.chunkBytes);
    let position = prefix.length;
    for (let index = 0; index < chunks; index += 1) {
      const plainLength = Math.min(header.chunkBytes, header.databaseBytes - index * header.chunkBytes);
      const sealed = await readExactly(handle, plainLength + TAG_BYTES, position);
      position += sealed.length;
      const decipher = createDecipheriv('aes-256-gcm', fileKey.key, nonceFor(index, index === chunks - 1));
      decipher.setAAD(prefix);
      decipher.setAuthTag(sealed.subarray(plainLength));
      let plain: Buffer;
      try {
        plain = Buffer.concat([decipher.update(sealed.subarray(0, plainLength)), decipher.final()]);
      } catch {
        throw new BackupCorruptError(`chunk ${index} fails authentication`);
      }
      await output.write(plain);
    }
    await output.sync();
    await output.close();
    output = null;
    return header;
  } catch (error) {
    if (output) {
      await output.close();
      await rm(outFile, { force: true });
    }
    if (error instanceof BackupCorruptError) throw error;
    // A file that cannot be read as a backup at all (a folder, say) is refused the same way.
    if ((error as NodeJS.ErrnoException).code === 'EISDIR') throw new BackupCorruptError('not a file');
    throw error;
  } finally {
    await handle.close();
  }
}
