import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabaseFile, type DatabaseConnection } from '../electron/db/connection';
import { migrateToLatest } from '../electron/db/migrate';
import { chainHash, GENESIS_HASH } from '../electron/security/audit-chain';
import { FieldCipher } from '../electron/security/field-cipher';
import { generateKeyRing } from '../electron/security/key-ring';
import { compareSides, type CompareOptions, type Side, type WriteComparison } from './compare';
import { rawOutboxWriter } from './raw-outbox';

/**
 * What sealing adds to a registration's cost. A registration is written the way the station writes a
 * record: its row, its outbox entry and its chained audit entry in one transaction with
 * synchronous=FULL. The sealed side seals the personal fields (name, resident ID, phone, address, an
 * emergency contact's name and phone) with AES-256-GCM, indexes the ID number and both phones with
 * blind indexes, and seals the outbox payload; the baseline stores the same in plain text with plain
 * indexes. Everything else is the same on both sides.
 *
 * The fields of one record are sealed together as one value (one nonce, one tag): every cipher set-up
 * costs far more between commits than in a tight loop, and a record's fields are always read together.
 */

const PERSONAL_FIELDS = ['name', 'id_number', 'phone', 'address', 'contact_name', 'contact_phone'] as const;
type Personal = Record<(typeof PERSONAL_FIELDS)[number], string>;

function personal(i: number): Personal {
  const serial = String(i).padStart(4, '0');
  return {
    name: `欧阳𠀀明${serial}`,
    id_number: `53010219850101${serial}`,
    phone: `1391234${serial}`,
    address: `云南省昆明市五华区人民中路${i}号`,
    contact_name: `阿依古丽·买买提${serial}`,
    contact_phone: `1387654${serial}`,
  };
}

async function openBenchDatabase(dir: string, name: string): Promise<DatabaseConnection> {
  const connection = openDatabaseFile(join(dir, name));
  await migrateToLatest(connection.db);
  connection.sqlite.exec(`
    CREATE TABLE bench_registration (id TEXT PRIMARY KEY, program TEXT NOT NULL, personal TEXT NOT NULL,
      id_number_key TEXT NOT NULL, phone_key TEXT NOT NULL, contact_phone_key TEXT NOT NULL, created_at TEXT NOT NULL);
    CREATE INDEX bench_registration_id_number ON bench_registration (id_number_key);
    CREATE INDEX bench_registration_phone ON bench_registration (phone_key);
    CREATE INDEX bench_registration_contact_phone ON bench_registration (contact_phone_key);`);
  return connection;
}

/** How one side turns a record's personal data into what it stores. */
interface Storage {
  personal(fields: Personal): string;
  lookupKey(kind: string, value: string): string;
  payload(json: string): string;
}

function registrationSide(connection: DatabaseConnection, storage: Storage, auditKey: Buffer): Side {
  const { sqlite } = connection;
  const insertRegistration = sqlite.prepare('INSERT INTO bench_registration VALUES (?, ?, ?, ?, ?, ?, ?)');
  const queueChange = rawOutboxWriter(sqlite);
  const insertAudit = sqlite.prepare(
    `INSERT INTO audit_log (seq, at, actor_id, actor_role, station_code, action, object_type, object_id, detail, prev_hash, hash)
     VALUES (?, ?, NULL, 'registrar', 'KMU01', 'create', 'registration', ?, NULL, ?, ?)`,
  );
  let seq = 0;
  let prevHash = GENESIS_HASH;
  let i = 0;
  const write = sqlite.transaction((id: string, fields: Personal, at: string) => {
    insertRegistration.run(
      id,
      'body',
      storage.personal(fields),
      storage.lookupKey('resident_id', fields.id_number),
      storage.lookupKey('phone', fields.phone),
      storage.lookupKey('phone', fields.contact_phone),
      at,
    );
    queueChange({ kind: 'registration', entityId: id, version: 1, payload: storage.payload(JSON.stringify({ id, program: 'body', ...fields })), createdAt: at });
    seq += 1;
    const entry = { seq, at, actorId: null, actorRole: 'registrar', stationCode: 'KMU01', action: 'create', objectType: 'registration', objectId: id, detail: null };
    const hash = chainHash(auditKey, prevHash, entry);
    insertAudit.run(seq, at, id, prevHash, hash);
    prevHash = hash;
  });
  return {
    async run(count) {
      for (let done = 0; done < count; done += 1, i += 1) write(randomUUID(), personal(i), new Date().toISOString());
    },
  };
}

export async function benchFieldEncryption(options: CompareOptions): Promise<WriteComparison> {
  const dir = mkdtempSync(join(tmpdir(), 'relay-bench-sealing-'));
  const sealedDb = await openBenchDatabase(dir, 'sealed.sqlite');
  const plainDb = await openBenchDatabase(dir, 'plain.sqlite');
  try {
    const ring = generateKeyRing(new Date());
    const cipher = new FieldCipher(ring);
    const sealed: Storage = {
      personal: (fields) => cipher.seal(JSON.stringify(fields), 'registration.personal'),
      lookupKey: (kind, value) => cipher.blindIndex(kind, value),
      payload: (json) => cipher.seal(json, 'outbox.payload'),
    };
    const plain: Storage = {
      personal: (fields) => JSON.stringify(fields),
      lookupKey: (_kind, value) => value,
      payload: (json) => json,
    };
    const comparison = await compareSides(registrationSide(sealedDb, sealed, ring.auditKey), registrationSide(plainDb, plain, ring.auditKey), options);
    const registrations = (db: DatabaseConnection) => db.sqlite.prepare('select count(*) from bench_registration').pluck().get() as number;
    return { ...comparison, written: { measured: registrations(sealedDb), baseline: registrations(plainDb) } };
  } finally {
    await sealedDb.close();
    await plainDb.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
