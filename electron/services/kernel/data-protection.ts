import type { Kysely } from 'kysely';
import type { StationDatabase } from '../../db/schema';
import type { Executor } from '../../db/repositories/executor';
import { insertDataKey, listDataKeys } from '../../db/repositories/data-keys';
import { completeTask, isTaskPending, requestTask } from '../../db/repositories/maintenance';
import { findStaleSealedCells, sealedColumns, sealingContext, updateSealedCell, type SealedContext } from '../../db/sealed-columns';
import { FieldCipher } from '../../security/field-cipher';
import {
  currentKey,
  deriveFileKeyFrom,
  generateKeyRing,
  keyCheckValue,
  unretiredOldKeys,
  withKeysArchived,
  withNewCurrentKey,
  type KeyRing,
} from '../../security/key-ring';
import type { KeyStore } from '../../security/key-store';
import type { Clock } from './clock';

/** The database has been written with a data key, and the key file is gone. */
export class DataKeyMissingError extends Error {
  constructor(readonly location: string) {
    super(`the data key file is missing: ${location}`);
    this.name = 'DataKeyMissingError';
  }
}

/** The key file holds keys this database was never written with (another station's file, say). */
export class DataKeyMismatchError extends Error {
  constructor(readonly location: string) {
    super(`the data key file does not belong to this database: ${location}`);
    this.name = 'DataKeyMismatchError';
  }
}

const RESEAL_BATCH = 200;

/**
 * Recomputes, for up to `limit` rows, blind indexes computed under a key other than the current one,
 * and returns how many it did. A rotation runs each until it returns less than the limit, before the
 * old key is dropped: an index under a dropped key could never be found again.
 */
export type Reindexer = (trx: Executor, protection: DataProtection, limit: number) => Promise<number>;

/**
 * The station's data key and everything done with it: sealing and opening personal fields, blind
 * indexes, the audit chain's key, and key rotation. The only module through which services see the
 * plain text of a sealed column.
 */
export class DataProtection {
  private constructor(
    private readonly db: Kysely<StationDatabase>,
    private readonly keyStore: KeyStore,
    private readonly clock: Clock,
    private ring: KeyRing,
    private fieldCipher: FieldCipher,
    private readonly reindexers: readonly Reindexer[],
  ) {}

  /**
   * Loads the key from its store, or creates it for a database that has never had one. A database that
   * has been written with a key refuses to open without that very key: a fresh key would make every
   * sealed value unreadable.
   */
  static async open(
    db: Kysely<StationDatabase>,
    keyStore: KeyStore,
    clock: Clock,
    reindexers: readonly Reindexer[] = [],
  ): Promise<DataProtection> {
    const known = await listDataKeys(db);
    let ring = keyStore.load();
    if (ring === null) {
      if (known.length > 0) throw new DataKeyMissingError(keyStore.location);
      ring = generateKeyRing(clock.now());
      // Recorded before it is saved: a crash in between leaves a row for a key nobody holds, which is
      // harmless, never a saved key the database does not recognise.
      await recordKeys(db, ring);
      keyStore.save(ring);
    } else if (known.length === 0) {
      await recordKeys(db, ring);
    } else {
      const current = currentKey(ring);
      const knownCurrent = known.find((row) => row.id === current.id);
      if (knownCurrent) {
        if (knownCurrent.check_value !== keyCheckValue(current.key)) throw new DataKeyMismatchError(keyStore.location);
      } else {
        // A database restored from before a rotation: the ring holds its keys archived (and none of them
        // differently); its values then move to the current key, as after a rotation cut short.
        const ringKeys = ring.keys;
        const held = known.map((row) => ({ row, key: ringKeys.find((key) => key.id === row.id) }));
        const matching = held.filter(({ row, key }) => key && keyCheckValue(key.key) === row.check_value);
        const conflicting = held.some(({ row, key }) => key && keyCheckValue(key.key) !== row.check_value);
        if (matching.length === 0 || conflicting) throw new DataKeyMismatchError(keyStore.location);
        await recordKeys(db, ring);
        await requestTask(db, 'reseal', clock.now().toISOString());
      }
    }
    return new DataProtection(db, keyStore, clock, ring, new FieldCipher(ring), reindexers);
  }

  get cipher(): FieldCipher {
    return this.fieldCipher;
  }

  /** Key of the audit chain's HMAC; it survives key rotation so old entries stay verifiable. */
  get auditKey(): Buffer {
    return this.ring.auditKey;
  }

  get keyLocation(): string {
    return this.keyStore.location;
  }

  /** A key for one file (a backup): see deriveFileKeyFrom. Archived keys count, so older backups open. */
  deriveFileKey(info: string, salt: Buffer, keyId: string | null = null): { keyId: string; key: Buffer } | null {
    return deriveFileKeyFrom(this.ring, info, salt, keyId);
  }

  /** Whether the ring holds the data key `id`, current or archived. */
  holdsKey(id: string): boolean {
    return this.ring.keys.some((key) => key.id === id);
  }

  /**
   * The whole ring handed to `wrap` (which seals it for a recovery key) without the ring leaving this
   * module in plain form any longer than the call.
   */
  wrapKeyRing<T>(wrap: (ring: KeyRing) => T): T {
    return wrap(this.ring);
  }

  /**
   * Saves a ring recovered from a backup into this station's key store, for the restored database that the
   * next start puts in place. Only for a station that is not set up: the ring in use stays in memory for
   * the empty database until then.
   */
  installRecoveredRing(ring: KeyRing): void {
    this.keyStore.save(ring);
  }

  /** Seals `value` for one column: `context` is that column's sealing context (db/sealed-columns.ts). */
  seal(value: string, context: SealedContext): string {
    return this.fieldCipher.seal(value, context);
  }

  sealOptional(value: string | null, context: SealedContext): string | null {
    return value === null ? null : this.fieldCipher.seal(value, context);
  }

  open(value: string, context: SealedContext): string {
    return this.fieldCipher.open(value, context);
  }

  /** The plaintext's UTF-8 bytes (see FieldCipher.openBytes). */
  openBytes(value: string, context: SealedContext): Buffer {
    return this.fieldCipher.openBytes(value, context);
  }

  openOptional(value: string | null, context: SealedContext): string | null {
    return value === null ? null : this.fieldCipher.open(value, context);
  }

  /** Finishes work left by an earlier run: sealing old plain text, or a rotation cut short. */
  async finishPendingWork(): Promise<void> {
    if (await isTaskPending(this.db, 'reseal')) await this.resealAndRetire();
  }

  /**
   * Re-encrypts every sealed value under a new key. The new key is saved before any value is
   * re-encrypted, and the old one is archived (never dropped: older backups need it) only after the last
   * value has moved, so an interrupted rotation loses nothing and is finished by the next rotation or the
   * next start.
   * Returns the number of values re-encrypted.
   */
  async rotate(): Promise<number> {
    if (!(await isTaskPending(this.db, 'reseal')) || unretiredOldKeys(this.ring).length === 0) {
      const next = withNewCurrentKey(this.ring, this.clock.now());
      await recordKeys(this.db, next);
      this.keyStore.save(next);
      this.useRing(next);
      await requestTask(this.db, 'reseal', this.clock.now().toISOString());
    }
    return this.resealAndRetire();
  }

  private useRing(ring: KeyRing): void {
    this.ring = ring;
    this.fieldCipher = new FieldCipher(ring);
  }

  private async resealAndRetire(): Promise<number> {
    const resealed = await this.resealStale();
    await this.reindexStale();
    const retired = unretiredOldKeys(this.ring).map((key) => key.id);
    if (retired.length > 0) {
      const next = withKeysArchived(this.ring, retired);
      this.keyStore.save(next);
      this.useRing(next);
    }
    await completeTask(this.db, 'reseal');
    return resealed;
  }

  private async reindexStale(): Promise<void> {
    for (const reindex of this.reindexers) {
      while ((await this.db.transaction().execute((trx) => reindex(trx, this, RESEAL_BATCH))) >= RESEAL_BATCH);
    }
  }

  /** Moves every value not sealed under the current key (older key, or plain text) to it, batch by batch. */
  private async resealStale(): Promise<number> {
    const prefix = `v1.${this.fieldCipher.currentKeyId}.`;
    let count = 0;
    for (const column of sealedColumns) {
      const context = sealingContext(column);
      for (;;) {
        const moved = await this.db.transaction().execute(async (trx) => {
          const cells = await findStaleSealedCells(trx, column, prefix, RESEAL_BATCH);
          for (const cell of cells) {
            const plain = FieldCipher.isSealed(cell.value) ? this.fieldCipher.open(cell.value, context) : cell.value;
            await updateSealedCell(trx, column, { rowKey: cell.rowKey, value: this.fieldCipher.seal(plain, context) });
          }
          return cells.length;
        });
        count += moved;
        if (moved < RESEAL_BATCH) break;
      }
    }
    return count;
  }
}

async function recordKeys(db: Kysely<StationDatabase>, ring: KeyRing): Promise<void> {
  for (const key of ring.keys) {
    await insertDataKey(db, { id: key.id, check_value: keyCheckValue(key.key), created_at: key.createdAt });
  }
}
