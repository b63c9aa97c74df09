import BetterSqlite3 from 'better-sqlite3';

/**
 * The receiver's own database: registered station keys, every record version held once (§8.1), the
 * batches processed with their acknowledgements (§8.2) and what tombstones cover (§5.4).
 */

const SCHEMA = `
CREATE TABLE IF NOT EXISTS stations (
  code TEXT NOT NULL,
  key_id TEXT NOT NULL,
  public_key_pem TEXT NOT NULL,
  name TEXT,
  PRIMARY KEY (code, key_id)
);
CREATE TABLE IF NOT EXISTS record_versions (
  station TEXT NOT NULL,
  kind TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  digest TEXT NOT NULL,
  payload TEXT,
  withdrawn INTEGER NOT NULL DEFAULT 0,
  batch_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  UNIQUE (station, kind, entity_id, version)
);
CREATE INDEX IF NOT EXISTS record_versions_registration_document ON record_versions (
  json_extract(payload, '$.person.documentNumber')
) WHERE kind = 'registration';
CREATE TABLE IF NOT EXISTS batches (
  batch_id TEXT PRIMARY KEY,
  station TEXT NOT NULL,
  batch_seq INTEGER NOT NULL,
  manifest_sha256 TEXT NOT NULL,
  audit_seq INTEGER NOT NULL,
  audit_hash TEXT NOT NULL,
  received_at TEXT NOT NULL,
  processed_at TEXT NOT NULL,
  ack BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS tombstone_coverage (
  station TEXT NOT NULL,
  kind TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  through_version INTEGER NOT NULL,
  PRIMARY KEY (station, kind, entity_id)
);
`;

export interface StationKey {
  code: string;
  keyId: string;
  publicKeyPem: string;
  name: string | null;
}

export interface StoredVersion {
  version: number;
  digest: string;
  /** Null once a tombstone covers the version (its personal data deleted). */
  payload: Record<string, unknown> | null;
  withdrawn: boolean;
  batchId: string;
  seq: number;
}

export interface StoredBatch {
  batchId: string;
  station: string;
  batchSeq: number;
  manifestSha256: string;
  auditHead: { seq: number; hash: string };
  receivedAt: string;
  processedAt: string;
  ack: Buffer;
}

export interface NewVersion {
  station: string;
  kind: string;
  entityId: string;
  version: number;
  digest: string;
  payload: Record<string, unknown>;
  batchId: string;
  seq: number;
}

export interface ActiveRegistration {
  station: string;
  entityId: string;
  number: string | null;
}

interface VersionRow {
  version: number;
  digest: string;
  payload: string | null;
  withdrawn: number;
  batch_id: string;
  seq: number;
}

interface BatchRow {
  batch_id: string;
  station: string;
  batch_seq: number;
  manifest_sha256: string;
  audit_seq: number;
  audit_hash: string;
  received_at: string;
  processed_at: string;
  ack: Buffer;
}

export class ReceiverStore {
  private readonly sqlite: BetterSqlite3.Database;

  constructor(file: string) {
    this.sqlite = new BetterSqlite3(file);
    this.sqlite.pragma('journal_mode = WAL');
    this.sqlite.pragma('synchronous = FULL');
    this.sqlite.pragma('busy_timeout = 5000');
    // Deleted personal data (tombstones) must not linger in free pages.
    this.sqlite.pragma('secure_delete = ON');
    this.sqlite.exec(SCHEMA);
  }

  close(): void {
    this.sqlite.close();
  }

  /** Runs `work` in one SQLite transaction: everything it stored, or nothing. */
  transaction<T>(work: () => T): T {
    return this.sqlite.transaction(work)();
  }

  /** Registers a key for a station; a key already registered for another station is refused (a key names one station). */
  registerStationKey(key: StationKey): void {
    const other = this.stationKeysById(key.keyId).find((registered) => registered.code !== key.code);
    if (other) throw new RangeError(`key ${key.keyId} is already registered for station ${other.code}`);
    this.sqlite
      .prepare(
        `INSERT INTO stations (code, key_id, public_key_pem, name) VALUES (?, ?, ?, ?)
         ON CONFLICT (code, key_id) DO UPDATE SET public_key_pem = excluded.public_key_pem, name = coalesce(excluded.name, stations.name)`,
      )
      .run(key.code, key.keyId, key.publicKeyPem, key.name);
  }

  stationKeys(code: string): StationKey[] {
    return this.stationKeysWhere('code', code);
  }

  /** The registrations of one key id: one at most, unless an older database registered it twice. */
  stationKeysById(keyId: string): StationKey[] {
    return this.stationKeysWhere('key_id', keyId);
  }

  private stationKeysWhere(column: 'code' | 'key_id', value: string): StationKey[] {
    const rows = this.sqlite.prepare(`SELECT code, key_id, public_key_pem, name FROM stations WHERE ${column} = ? ORDER BY code, key_id`).all(value) as Array<{
      code: string;
      key_id: string;
      public_key_pem: string;
      name: string | null;
    }>;
    return rows.map((row) => ({ code: row.code, keyId: row.key_id, publicKeyPem: row.public_key_pem, name: row.name }));
  }

  stationName(code: string): string | null {
    const row = this.sqlite.prepare('SELECT name FROM stations WHERE code = ? AND name IS NOT NULL LIMIT 1').get(code) as { name: string } | undefined;
    return row?.name ?? null;
  }

  /** The digest held for one record version, or null when the version is not held. */
  digestOf(station: string, kind: string, entityId: string, version: number): string | null {
    const row = this.sqlite
      .prepare('SELECT digest FROM record_versions WHERE station = ? AND kind = ? AND entity_id = ? AND version = ?')
      .get(station, kind, entityId, version) as { digest: string } | undefined;
    return row?.digest ?? null;
  }

  /** Stores a version once; a version a tombstone already covers keeps only its identity and digest. */
  insertVersion(row: NewVersion): void {
    const covered = this.coveredThrough(row.station, row.kind, row.entityId) >= row.version;
    this.sqlite
      .prepare(
        `INSERT INTO record_versions (station, kind, entity_id, version, digest, payload, withdrawn, batch_id, seq)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(row.station, row.kind, row.entityId, row.version, row.digest, covered ? null : JSON.stringify(row.payload), covered ? 1 : 0, row.batchId, row.seq);
  }

  /** Records that versions up to `throughVersion` are withdrawn, and deletes the payloads already held. */
  applyTombstone(station: string, kind: string, entityId: string, throughVersion: number): void {
    this.sqlite
      .prepare(
        `INSERT INTO tombstone_coverage (station, kind, entity_id, through_version) VALUES (?, ?, ?, ?)
         ON CONFLICT (station, kind, entity_id) DO UPDATE SET through_version = max(through_version, excluded.through_version)`,
      )
      .run(station, kind, entityId, throughVersion);
    this.sqlite
      .prepare('UPDATE record_versions SET payload = NULL, withdrawn = 1 WHERE station = ? AND kind = ? AND entity_id = ? AND version <= ?')
      .run(station, kind, entityId, throughVersion);
  }

  coveredThrough(station: string, kind: string, entityId: string): number {
    const row = this.sqlite
      .prepare('SELECT through_version FROM tombstone_coverage WHERE station = ? AND kind = ? AND entity_id = ?')
      .get(station, kind, entityId) as { through_version: number } | undefined;
    return row?.through_version ?? 0;
  }

  /**
   * Registrations of other stations whose current state (highest version held) is active for the same
   * identity document and program (§15's rule).
   */
  activeRegistrationsElsewhere(station: string, documentKind: string, documentNumber: string, program: string): ActiveRegistration[] {
    const rows = this.sqlite
      .prepare(
        `SELECT r.station, r.entity_id, json_extract(r.payload, '$.number') AS number
         FROM record_versions r
         WHERE r.kind = 'registration' AND r.station <> ?
           AND json_extract(r.payload, '$.person.documentNumber') = ?
           AND json_extract(r.payload, '$.person.documentKind') = ?
           AND json_extract(r.payload, '$.program') = ?
           AND json_extract(r.payload, '$.state') = 'active'
           AND r.version = (SELECT max(h.version) FROM record_versions h
                            WHERE h.station = r.station AND h.kind = r.kind AND h.entity_id = r.entity_id)
         ORDER BY r.station, r.entity_id`,
      )
      .all(station, documentNumber, documentKind, program) as Array<{ station: string; entity_id: string; number: unknown }>;
    return rows.map((row) => ({ station: row.station, entityId: row.entity_id, number: typeof row.number === 'string' ? row.number : null }));
  }

  batch(batchId: string): StoredBatch | null {
    const row = this.sqlite.prepare('SELECT * FROM batches WHERE batch_id = ?').get(batchId) as BatchRow | undefined;
    return row ? batchFromRow(row) : null;
  }

  /** The processed batch of a station with the highest batchSeq, or null when it has sent none. */
  lastBatch(station: string): StoredBatch | null {
    const row = this.sqlite.prepare('SELECT * FROM batches WHERE station = ? ORDER BY batch_seq DESC LIMIT 1').get(station) as BatchRow | undefined;
    return row ? batchFromRow(row) : null;
  }

  /** The latest processed batch of a station other than `batchId` (the newest by batchSeq below it, else any). */
  earlierBatch(station: string, batchId: string): StoredBatch | null {
    const row = this.sqlite
      .prepare(
        `SELECT * FROM batches WHERE station = ? AND batch_id <> ?
         ORDER BY batch_seq < (SELECT batch_seq FROM batches WHERE batch_id = ?) DESC, batch_seq DESC LIMIT 1`,
      )
      .get(station, batchId, batchId) as BatchRow | undefined;
    return row ? batchFromRow(row) : null;
  }

  insertBatch(batch: StoredBatch): void {
    this.sqlite
      .prepare(
        `INSERT INTO batches (batch_id, station, batch_seq, manifest_sha256, audit_seq, audit_hash, received_at, processed_at, ack)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        batch.batchId,
        batch.station,
        batch.batchSeq,
        batch.manifestSha256,
        batch.auditHead.seq,
        batch.auditHead.hash,
        batch.receivedAt,
        batch.processedAt,
        batch.ack,
      );
  }

  /**
   * §8.4: whether a batch of this station with a smaller batchSeq carries a later audit head, or one with a
   * larger batchSeq an earlier head (the station's audit log lost entries, or it was restored from a backup).
   */
  auditHeadRegressed(station: string, batchSeq: number, auditSeq: number): boolean {
    const row = this.sqlite
      .prepare(
        `SELECT 1 FROM batches WHERE station = ?
           AND ((batch_seq < ? AND audit_seq > ?) OR (batch_seq > ? AND audit_seq < ?)) LIMIT 1`,
      )
      .get(station, batchSeq, auditSeq, batchSeq, auditSeq);
    return row !== undefined;
  }

  /** Record versions held, of one station or of all. */
  countVersions(station?: string): number {
    const row = (
      station === undefined
        ? this.sqlite.prepare('SELECT count(*) AS n FROM record_versions').get()
        : this.sqlite.prepare('SELECT count(*) AS n FROM record_versions WHERE station = ?').get(station)
    ) as { n: number };
    return row.n;
  }

  /** The versions held of one record, lowest first. */
  versionsOf(station: string, kind: string, entityId: string): StoredVersion[] {
    const rows = this.sqlite
      .prepare(
        'SELECT version, digest, payload, withdrawn, batch_id, seq FROM record_versions WHERE station = ? AND kind = ? AND entity_id = ? ORDER BY version',
      )
      .all(station, kind, entityId) as VersionRow[];
    return rows.map((row) => ({
      version: row.version,
      digest: row.digest,
      payload: row.payload === null ? null : (JSON.parse(row.payload) as Record<string, unknown>),
      withdrawn: row.withdrawn === 1,
      batchId: row.batch_id,
      seq: row.seq,
    }));
  }

  countBatches(station?: string): number {
    const row = (
      station === undefined
        ? this.sqlite.prepare('SELECT count(*) AS n FROM batches').get()
        : this.sqlite.prepare('SELECT count(*) AS n FROM batches WHERE station = ?').get(station)
    ) as { n: number };
    return row.n;
  }
}

function batchFromRow(row: BatchRow): StoredBatch {
  return {
    batchId: row.batch_id,
    station: row.station,
    batchSeq: row.batch_seq,
    manifestSha256: row.manifest_sha256,
    auditHead: { seq: row.audit_seq, hash: row.audit_hash },
    receivedAt: row.received_at,
    processedAt: row.processed_at,
    ack: row.ack,
  };
}
