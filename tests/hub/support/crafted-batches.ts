import type { KeyObject } from 'node:crypto';
import { envelopeLine, writeBatchFile, type Envelope } from '../../../electron/sync/batch-file';
import { exampleKeyPair } from '../../../electron/sync/keys';

/** The station KMU01's signing key, another station's, and a key nobody registered: the same in every run. */
export const kmu01Key = exampleKeyPair('relay-station test: station KMU01', 'ed25519');
export const ynu02Key = exampleKeyPair('relay-station test: station YNU02', 'ed25519');
export const strangerKey = exampleKeyPair('relay-station test: a key nobody registered', 'ed25519');

const AT = '2026-11-20T06:12:41.207Z';
const AUDIT_HEAD = { seq: 88213, hash: 'b81f37a043a6f767e7c94d105f4bd31282f3ecc20680bb9d09bd93461cf4c863' };

/** A line as a test writes it: the envelope's own fields, the station's code filled in unless named. */
export type Line = Pick<Envelope, 'seq' | 'kind' | 'entityId' | 'version' | 'payload'> & { station?: string };

/** The n-th entity id of a test. */
export function uuid(n: number): string {
  return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

/** The registration (§5.3) of entity n: a cornea registration of one person unless told otherwise. */
export function registrationPayload(entity: number, options: { program?: string; version?: number } = {}): Record<string, unknown> {
  const program = options.program ?? 'cornea';
  return {
    id: uuid(entity),
    number: `KMU01-2026-R${String(entity).padStart(6, '0')}`,
    personId: uuid(9000 + entity),
    program,
    state: 'active',
    version: options.version ?? 1,
    event: 'created',
    channel: 'kiosk',
    choice: { program },
    person: { name: '陈静', documentKind: 'residence_permit', documentNumber: '810000199408230021', phone: '13987654321', ethnicGroup: null, birthDate: '1994-08-23', sex: 'female' },
    consents: [],
    at: AT,
  };
}

/** A registration line of entity n at outbox seq `seq`. */
export function registrationLine(seq: number, entity: number, options: { program?: string; version?: number } = {}): Line {
  const version = options.version ?? 1;
  return { seq, kind: 'registration', entityId: uuid(entity), version, payload: registrationPayload(entity, { ...options, version }) };
}

/** A receipt (document) line of entity n at outbox seq `seq`. */
export function documentLine(seq: number, entity: number, version = 1): Line {
  return { seq, kind: 'document', entityId: uuid(entity), version, payload: { id: uuid(entity), serial: `KMU01-2026-RCP-${entity}`, state: 'issued' } };
}

/** Who writes a crafted batch: the station code, its key, and the manifest's software (to vary the manifest). */
export interface CraftedBatchOptions {
  stationCode?: string;
  key?: KeyObject;
  software?: string;
  /** The manifest's audit head (§8.4); CRAFTED_AUDIT_HEAD unless named. */
  auditHead?: { seq: number; hash: string };
}

/** A signed `.rsb` of these lines (firstSeq … lastSeq from the lines themselves), by default KMU01's. */
export function craftedBatch(batchSeq: number, lines: Line[], options: CraftedBatchOptions = {}): { file: Buffer; manifestBytes: Buffer; batchId: string } {
  const stationCode = options.stationCode ?? 'KMU01';
  const records = lines.map((line) => ({ seq: line.seq, kind: line.kind, line: envelopeLine({ station: stationCode, createdAt: AT, changedAt: AT, ...line }) }));
  const seqs = lines.map((line) => line.seq);
  const written = writeBatchFile(
    {
      stationCode,
      batchSeq,
      firstSeq: Math.min(...seqs),
      lastSeq: Math.max(...seqs),
      omittedCount: Math.max(...seqs) - Math.min(...seqs) + 1 - lines.length,
      createdAt: AT,
      auditHead: options.auditHead ?? AUDIT_HEAD,
      software: options.software ?? 'relay-station/test',
    },
    records,
    options.key ?? kmu01Key.privateKey,
  );
  return { file: written.file, manifestBytes: written.manifestBytes, batchId: written.manifest.batchId };
}

/** The audit head every crafted batch names. */
export const CRAFTED_AUDIT_HEAD = AUDIT_HEAD;
