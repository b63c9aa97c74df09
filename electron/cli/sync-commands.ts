import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { TFunction } from 'i18next';
import { SYNC_SCHEMA_VERSION } from '../../shared/domain/sync';
import { syncEndpoint } from '../../shared/validation/sync';
import type { OpenStation } from '../app/open-station';
import { firstSigningKey } from '../db/repositories/signing-keys';
import { AppError } from '../services/kernel/errors';
import { envelopeProblem, openBatchFile, readBatchRecords, verifyBatchSignature, type Manifest } from '../sync/batch-file';
import { keyId } from '../sync/keys';
import { decryptFromStation, isEncryptedBatch } from '../sync/usb-encryption';
import { SyncProtocolError } from '../sync/protocol-error';
import { printJson, withStation } from './command-support';
import { SYSTEM_ACTOR } from './register';

/**
 * The sync commands (docs/sync-protocol.md §6–§11): export batches to a folder, send them, import the
 * province's acknowledgements and keys, and check a batch file the way the province will. Each returns
 * its exit code (0 done, 1 refused), or `{ usage }` for main to report as a usage error (exit 2).
 */
export type SyncCommandResult = number | { usage: string };

function printLine(value: unknown): void {
  process.stdout.write(JSON.stringify(value) + '\n');
}

/** A code's sentence: the station's error texts first, then the protocol's codes, else the code itself. */
function codeMessage(t: TFunction, code: string): string {
  return t([`errors:${code}`, `cli:protocolCode.${code}`], { defaultValue: code });
}

function refusal(t: TFunction, code: string): number {
  printLine({ ok: false, error: { code, message: codeMessage(t, code) } });
  process.stderr.write(codeMessage(t, code) + '\n');
  return 1;
}

/** The bytes of a file the reader named, or a usage message saying in their language why not. */
function readNamedFile(file: string, t: TFunction): { ok: true; bytes: Buffer } | { ok: false; usage: string } {
  try {
    return { ok: true, bytes: readFileSync(file) };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { ok: false, usage: t('cli:fileMissing', { file }) };
    return { ok: false, usage: t('cli:fileUnreadable', { file, detail: error instanceof Error ? error.message : String(error) }) };
  }
}

/** `export --out DIR`: writes what waits and copies every batch not yet acknowledged, encrypted, into DIR. */
export async function exportBatches(args: string[], t: TFunction): Promise<SyncCommandResult> {
  const { values } = parseArgs({ args, options: { out: { type: 'string' } }, strict: true });
  if (values.out === undefined || values.out.trim() === '') return { usage: t('cli:exportNeedsOut') };
  const folder = resolve(values.out);
  return withStation(async (station) => {
    try {
      const exported = await station.services.sync.transfer.exportToFolder(folder, SYSTEM_ACTOR);
      printJson({ folder, ...exported });
      return 0;
    } catch (error) {
      if (error instanceof AppError) return refusal(t, error.code);
      throw error;
    }
  });
}

/** `sync [--url URL]`: sends everything waiting to the configured endpoint (or URL) and waits for the outcome. */
export async function syncNow(args: string[], t: TFunction): Promise<SyncCommandResult> {
  const { values } = parseArgs({ args, options: { url: { type: 'string' } }, strict: true });
  let endpoint: string | undefined;
  if (values.url !== undefined) {
    const parsed = syncEndpoint.safeParse(values.url);
    if (!parsed.success) return { usage: t('cli:syncBadUrl', { url: values.url }) };
    endpoint = parsed.data;
  }
  return withStation(async (station) => {
    const run = await station.services.sync.transfer.sendAll(SYSTEM_ACTOR, endpoint);
    const { outbox } = await station.services.sync.status.status();
    printJson({ ...run, message: run.error === null ? null : codeMessage(t, run.error), outbox });
    if (run.error === null) return 0;
    process.stderr.write(t('cli:syncStopped', { message: codeMessage(t, run.error) }) + '\n');
    return 1;
  });
}

/** `import-ack FILE...`: applies each acknowledgement; one JSON line per file; exit 1 when any was refused. */
export async function importAcks(args: string[], t: TFunction): Promise<SyncCommandResult> {
  const { positionals } = parseArgs({ args, options: {}, allowPositionals: true, strict: true });
  if (positionals.length === 0) return { usage: t('cli:importAckNeedsFile') };
  const files: Array<{ file: string; bytes: Buffer }> = [];
  for (const file of positionals) {
    const read = readNamedFile(file, t);
    if (!read.ok) return { usage: read.usage };
    files.push({ file, bytes: read.bytes });
  }
  return withStation(async (station) => {
    let allApplied = true;
    for (const { file, bytes } of files) {
      try {
        printLine({ file, ok: true, ...(await station.services.sync.acks.apply(bytes, SYSTEM_ACTOR)) });
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        allApplied = false;
        printLine({ file, ok: false, error: { code: error.code, message: codeMessage(t, error.code) } });
        process.stderr.write(t('cli:ackRefused', { file, message: codeMessage(t, error.code) }) + '\n');
      }
    }
    return allApplied ? 0 : 1;
  });
}

/** `province-key --signing FILE | --encryption FILE`: imports one of the province's public keys; prints its fingerprint. */
export async function importProvinceKey(args: string[], t: TFunction): Promise<SyncCommandResult> {
  const { values } = parseArgs({ args, options: { signing: { type: 'string' }, encryption: { type: 'string' } }, strict: true });
  const given = (['signing', 'encryption'] as const).filter((use) => values[use] !== undefined);
  const [use] = given;
  if (given.length !== 1 || use === undefined) return { usage: t('cli:provinceKeyNeedsOne') };
  const read = readNamedFile(values[use] as string, t);
  if (!read.ok) return { usage: read.usage };
  const pem = read.bytes.toString('utf8');
  return withStation(async (station) => {
    try {
      const key = await station.services.sync.provinceKeys.import(use, pem, SYSTEM_ACTOR);
      printJson({ use: key.use, fingerprint: key.id, importedAt: key.importedAt });
      return 0;
    } catch (error) {
      if (error instanceof AppError) return refusal(t, error.code);
      throw error;
    }
  });
}

/** What `verify-batch` prints of a manifest: the counts and names, nothing personal. */
function manifestSummary(manifest: Manifest) {
  const { batchId, batchSeq, stationCode, stationKeyId, createdAt, firstSeq, lastSeq, recordCount, omittedCount, resentCount, kindCounts, payloadBytes, payloadSha256 } = manifest;
  return { batchId, batchSeq, stationCode, stationKeyId, createdAt, firstSeq, lastSeq, recordCount, omittedCount, resentCount, kindCounts, payloadBytes, payloadSha256 };
}

/** A refusal of verify-batch: a protocol code (§12.1, §12.2) and what made it. */
class BatchCheckFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The receiver's checks of §6.4 that a station can make of its own file: decryption (§7), container and
 * canonical manifest, this station's code and key, the signature, the schema version, the payload hash,
 * the lines against the manifest and each envelope (§8.1). Throws a BatchCheckFailure at the first that fails.
 */
function checkBatch(file: Buffer, provinceKey: KeyObject | null, station: { code: string | null; publicKey: KeyObject | null }): Manifest {
  try {
    const plain = isEncryptedBatch(file) ? decryptFromStation(file, provinceKey ? [provinceKey] : []) : file;
    const batch = openBatchFile(plain);
    const { manifest } = batch;
    if (manifest.stationCode !== station.code) throw new BatchCheckFailure('station_unknown', `the batch is from ${manifest.stationCode}, not this station`);
    if (station.publicKey === null) throw new BatchCheckFailure('station_key_unknown', 'this station has no signing key yet');
    if (keyId(station.publicKey) !== manifest.stationKeyId) throw new BatchCheckFailure('station_key_unknown', `the batch names key ${manifest.stationKeyId}, not this station's`);
    if (!verifyBatchSignature(batch, station.publicKey)) throw new BatchCheckFailure('signature_invalid', "the manifest signature does not verify with this station's key");
    if (manifest.schemaVersion !== SYNC_SCHEMA_VERSION) throw new BatchCheckFailure('schema_unsupported', `schemaVersion ${manifest.schemaVersion}`);
    const envelopes = readBatchRecords(batch);
    for (const envelope of envelopes) {
      const problem = envelopeProblem(envelope, manifest);
      if (problem) throw new BatchCheckFailure(problem, `the record with seq ${envelope.seq}`);
    }
    return manifest;
  } catch (error) {
    if (error instanceof SyncProtocolError) throw new BatchCheckFailure(error.code, error.message);
    throw error;
  }
}

/** A private X25519 key from a PEM file, or null when the file holds anything else. */
function provincePrivateKey(pem: Buffer): KeyObject | null {
  try {
    const key = createPrivateKey({ key: pem, format: 'pem' });
    return key.asymmetricKeyType === 'x25519' ? key : null;
  } catch {
    return null;
  }
}

/**
 * `verify-batch FILE [--province-key PRIVATE.pem]`: checks a `.rsb` (or a `.rse`, decrypted with the
 * province's private key) against this station's key; prints the manifest summary and "ok", or the
 * protocol code that refuses it (exit 1). Nothing personal is printed, so nothing is audited.
 */
export async function verifyBatch(args: string[], t: TFunction): Promise<SyncCommandResult> {
  const { values, positionals } = parseArgs({ args, options: { 'province-key': { type: 'string' } }, allowPositionals: true, strict: true });
  const [path] = positionals;
  if (positionals.length !== 1 || path === undefined) return { usage: t('cli:verifyBatchNeedsFile') };
  const read = readNamedFile(path, t);
  if (!read.ok) return { usage: read.usage };
  let provinceKey: KeyObject | null = null;
  if (values['province-key'] !== undefined) {
    const keyFile = readNamedFile(values['province-key'], t);
    if (!keyFile.ok) return { usage: keyFile.usage };
    provinceKey = provincePrivateKey(keyFile.bytes);
    if (provinceKey === null) return { usage: t('cli:provincePrivateKeyInvalid', { file: values['province-key'] }) };
  }
  const encrypted = isEncryptedBatch(read.bytes);
  if (encrypted && provinceKey === null) return { usage: t('cli:verifyBatchNeedsKey') };
  return withStation(async (station) => {
    const own = {
      code: (await station.services.station.get())?.code ?? null,
      publicKey: await stationPublicKey(station),
    };
    try {
      const manifest = checkBatch(read.bytes, provinceKey, own);
      printLine({ file: path, result: 'ok', encrypted, ...manifestSummary(manifest) });
      return 0;
    } catch (error) {
      if (!(error instanceof BatchCheckFailure)) throw error;
      const message = codeMessage(t, error.code);
      printLine({ file: path, result: 'refused', encrypted, code: error.code, message, detail: error.message });
      process.stderr.write(t('cli:verifyBatchRefused', { file: path, message }) + '\n');
      return 1;
    }
  });
}

/** The public half of the key this station signs its batches (and documents) with; read, not exported, so not audited. */
async function stationPublicKey(station: OpenStation): Promise<KeyObject | null> {
  const row = await firstSigningKey(station.connection.db);
  return row ? createPublicKey({ key: Buffer.from(row.public_key, 'base64'), format: 'der', type: 'spki' }) : null;
}
