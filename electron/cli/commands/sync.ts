import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { TFunction } from 'i18next';
import { SYNC_SCHEMA_VERSION } from '../../../shared/domain/sync';
import { syncEndpoint } from '../../../shared/validation/sync';
import type { OpenStation } from '../../app/open-station';
import { firstSigningKey } from '../../db/repositories/signing-keys';
import { envelopeProblem, openBatchFile, readBatchRecords, verifyBatchSignature, type Manifest } from '../../sync/batch-file';
import { keyId } from '../../sync/keys';
import { decryptFromStation, isEncryptedBatch } from '../../sync/usb-encryption';
import { SyncProtocolError } from '../../sync/protocol-error';
import { UsageError, type CliCommand } from '../command';
import { callStation, codeMessage, printJson, printLine, reportRefusal, SYSTEM_ACTOR, translateRefusal, withStation } from '../command-support';

/**
 * The sync commands (docs/sync-protocol.md §6–§11): export batches to a folder, send them, import the
 * province's acknowledgements and keys, and check a batch file the way the province will. Each exits
 * 0 when done and 1 when refused; a refusal is one JSON line on stdout and its sentence on stderr.
 */

/** A refused call as the sync commands report it: one compact JSON line. */
function refusal(t: TFunction, error: Parameters<typeof reportRefusal>[1]): number {
  return reportRefusal(t, error, { print: printLine });
}

/** The bytes of a file the reader named; a usage error saying in their language why not. */
function readNamedFile(file: string, t: TFunction): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new UsageError(t('cli:fileMissing', { file }));
    throw new UsageError(t('cli:fileUnreadable', { file, detail: error instanceof Error ? error.message : String(error) }));
  }
}

/** `export --out DIR`: writes what waits and copies every batch not yet acknowledged, encrypted, into DIR. */
export const exportCommand: CliCommand = {
  name: 'export',
  usage: 'cli:commandUsage.export',
  calls: ['sync:export'],
  async run(args, { t }) {
    const { values } = parseArgs({ args, options: { out: { type: 'string' } }, strict: true });
    if (values.out === undefined || values.out.trim() === '') throw new UsageError(t('cli:exportNeedsOut'));
    const folder = resolve(values.out);
    return withStation(async (station) => {
      const result = await callStation(station, 'sync:export', { folder });
      if (!result.ok) return refusal(t, result.error);
      printJson({ folder, ...result.data });
      return 0;
    });
  },
};

/** `sync [--url URL]`: sends everything waiting to the configured endpoint (or URL) and waits for the outcome. */
export const syncCommand: CliCommand = {
  name: 'sync',
  usage: 'cli:commandUsage.sync',
  direct: 'waits for the run to finish and may name another endpoint; sync:send only starts a run to the configured one',
  async run(args, { t }) {
    const { values } = parseArgs({ args, options: { url: { type: 'string' } }, strict: true });
    let endpoint: string | undefined;
    if (values.url !== undefined) {
      const parsed = syncEndpoint.safeParse(values.url);
      if (!parsed.success) throw new UsageError(t('cli:syncBadUrl', { url: values.url }));
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
  },
};

/** `import-ack FILE...`: applies each acknowledgement; one JSON line per file; exit 1 when any was refused. */
export const importAckCommand: CliCommand = {
  name: 'import-ack',
  usage: 'cli:commandUsage.importAck',
  calls: ['sync:importAck'],
  async run(args, { t }) {
    const { positionals } = parseArgs({ args, options: {}, allowPositionals: true, strict: true });
    if (positionals.length === 0) throw new UsageError(t('cli:importAckNeedsFile'));
    const files = positionals.map((file) => ({ file, bytes: readNamedFile(file, t) }));
    return withStation(async (station) => {
      let allApplied = true;
      for (const { file, bytes } of files) {
        const result = await callStation(station, 'sync:importAck', { fileName: basename(file), content: bytes.toString('base64') });
        if (result.ok) {
          printLine({ file, ok: true, ...result.data });
          continue;
        }
        allApplied = false;
        const refused = translateRefusal(t, result.error);
        printLine({ file, ok: false, error: refused.issues.length > 0 ? refused : { code: refused.code, message: refused.message } });
        process.stderr.write(t('cli:ackRefused', { file, message: refused.message }) + '\n');
      }
      return allApplied ? 0 : 1;
    });
  },
};

/** `province-key --signing FILE | --encryption FILE`: imports one of the province's public keys; prints its fingerprint. */
export const provinceKeyCommand: CliCommand = {
  name: 'province-key',
  usage: 'cli:commandUsage.provinceKey',
  calls: ['sync:importProvinceKey'],
  async run(args, { t }) {
    const { values } = parseArgs({ args, options: { signing: { type: 'string' }, encryption: { type: 'string' } }, strict: true });
    const given = (['signing', 'encryption'] as const).filter((use) => values[use] !== undefined);
    const [use] = given;
    if (given.length !== 1 || use === undefined) throw new UsageError(t('cli:provinceKeyNeedsOne'));
    const pem = readNamedFile(values[use] as string, t).toString('utf8');
    return withStation(async (station) => {
      const result = await callStation(station, 'sync:importProvinceKey', { use, pem });
      if (!result.ok) return refusal(t, result.error);
      printJson({ use: result.data.use, fingerprint: result.data.id, importedAt: result.data.importedAt });
      return 0;
    });
  },
};

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
export const verifyBatchCommand: CliCommand = {
  name: 'verify-batch',
  usage: 'cli:commandUsage.verifyBatch',
  direct: "checks a file at the machine the way the province will, with the province's private key when given; no screen does it",
  async run(args, { t }) {
    const { values, positionals } = parseArgs({ args, options: { 'province-key': { type: 'string' } }, allowPositionals: true, strict: true });
    const [path] = positionals;
    if (positionals.length !== 1 || path === undefined) throw new UsageError(t('cli:verifyBatchNeedsFile'));
    const bytes = readNamedFile(path, t);
    let provinceKey: KeyObject | null = null;
    if (values['province-key'] !== undefined) {
      provinceKey = provincePrivateKey(readNamedFile(values['province-key'], t));
      if (provinceKey === null) throw new UsageError(t('cli:provincePrivateKeyInvalid', { file: values['province-key'] }));
    }
    const encrypted = isEncryptedBatch(bytes);
    if (encrypted && provinceKey === null) throw new UsageError(t('cli:verifyBatchNeedsKey'));
    return withStation(async (station) => {
      const own = {
        code: (await station.services.station.get())?.code ?? null,
        publicKey: await stationPublicKey(station),
      };
      try {
        const manifest = checkBatch(bytes, provinceKey, own);
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
  },
};

/** The public half of the key this station signs its batches (and documents) with; read, not exported, so not audited. */
async function stationPublicKey(station: OpenStation): Promise<KeyObject | null> {
  const row = await firstSigningKey(station.connection.db);
  return row ? createPublicKey({ key: Buffer.from(row.public_key, 'base64'), format: 'der', type: 'spki' }) : null;
}
