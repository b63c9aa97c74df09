import { randomBytes } from 'node:crypto';
import type { RecoveryKeyInfo, RecoveryCodeIssued } from '../../../shared/validation/backup';
import type { Executor } from '../../db/repositories/executor';
import { readSetting, writeSetting } from '../../db/repositories/settings';
import { parseKeyRing, serializeKeyRing, type KeyRing } from '../../security/key-ring';
import { canonicalRecoveryCode, newRecoveryCode, RECOVERY_SALT_BYTES, recoveryKeyPair } from '../../security/recovery-code';
import { keyId, publicKeyFromRaw, rawPublicKey } from '../../sync/keys';
import { decryptFromStation, encryptForProvince } from '../../sync/usb-encryption';
import type { Actor } from '../kernel/audit';
import type { BackupRecovery } from './backup-file';
import { AppError } from '../kernel/errors';
import type { StationContext } from '../kernel/context';

/**
 * The station's recovery key: the public half of the key pair derived from the administrator's recovery
 * code. Each backup carries the key ring sealed to it (the `.rse` scheme: ephemeral X25519, HKDF-SHA-256,
 * AES-256-GCM), so that the backup and the code alone rebuild the station, even after a key rotation or
 * on another machine. The code itself is shown once and never stored.
 */

/** `station_setting.key` of the recovery key (JSON of StoredRecoveryKey). */
export const RECOVERY_KEY_SETTING = 'recoveryKey';

interface StoredRecoveryKey {
  /** Raw X25519 public key, base64. */
  publicKey: string;
  /** The scrypt salt of the code, base64. */
  salt: string;
  fingerprint: string;
  createdAt: string;
}

/** A new code and the public half the station keeps of it. */
interface PreparedRecoveryKey {
  code: string;
  stored: StoredRecoveryKey;
}

function parseStored(raw: string | undefined): StoredRecoveryKey | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<StoredRecoveryKey>;
    if (typeof value.publicKey !== 'string' || typeof value.salt !== 'string' || typeof value.fingerprint !== 'string' || typeof value.createdAt !== 'string') return null;
    return value as StoredRecoveryKey;
  } catch {
    return null;
  }
}

/** The ring sealed in a backup header, opened with the recovery code; `recovery_code_wrong` when it does not open. */
export async function openRecoveredRing(recovery: BackupRecovery, typedCode: string): Promise<KeyRing> {
  const code = canonicalRecoveryCode(typedCode);
  if (code === null) throw new AppError('recovery_code_wrong');
  const { privateKey } = await recoveryKeyPair(code, Buffer.from(recovery.salt, 'base64'));
  let plain: Buffer;
  try {
    // Another code gives another key pair, whose key id the sealed ring does not name.
    plain = decryptFromStation(Buffer.from(recovery.sealedRing, 'base64'), [privateKey]);
  } catch {
    throw new AppError('recovery_code_wrong');
  }
  try {
    return parseKeyRing(plain);
  } finally {
    plain.fill(0);
  }
}

export class RecoveryKeys {
  constructor(private readonly ctx: StationContext) {}

  /** A new code and its key pair's public half, not yet stored (the scrypt runs outside any transaction). */
  async prepare(): Promise<PreparedRecoveryKey> {
    const code = newRecoveryCode();
    const salt = randomBytes(RECOVERY_SALT_BYTES);
    const { publicKey } = await recoveryKeyPair(code, salt);
    return {
      code,
      stored: {
        publicKey: rawPublicKey(publicKey).toString('base64'),
        salt: salt.toString('base64'),
        fingerprint: keyId(publicKey).slice(0, 16),
        createdAt: this.ctx.clock.now().toISOString(),
      },
    };
  }

  /** Makes a prepared key the station's recovery key (inside the caller's transaction). */
  async store(trx: Executor, prepared: PreparedRecoveryKey): Promise<RecoveryCodeIssued> {
    await writeSetting(trx, RECOVERY_KEY_SETTING, JSON.stringify(prepared.stored), prepared.stored.createdAt);
    return { code: prepared.code, fingerprint: prepared.stored.fingerprint, createdAt: prepared.stored.createdAt };
  }

  /** The current recovery key's fingerprint and date, or null for a station set up before recovery codes existed. */
  async info(db: Executor = this.ctx.db): Promise<RecoveryKeyInfo | null> {
    const stored = parseStored(await readSetting(db, RECOVERY_KEY_SETTING));
    return stored ? { fingerprint: stored.fingerprint, createdAt: stored.createdAt } : null;
  }

  /**
   * A new code replacing the current one (or the first, for a station set up before codes existed); audited.
   * Backups made before keep opening with the code they were made under.
   */
  async reissue(actor: Actor): Promise<RecoveryCodeIssued> {
    const station = await this.ctx.station.require();
    const prepared = await this.prepare();
    return this.ctx.db.transaction().execute(async (trx) => {
      const previous = await this.info(trx);
      const issued = await this.store(trx, prepared);
      await this.ctx.audit.append(trx, {
        actor,
        stationCode: station.code,
        action: 'settings_change',
        objectType: 'recovery_key',
        objectId: issued.fingerprint,
        detail: { replaced: previous?.fingerprint ?? null },
      });
      return issued;
    });
  }

  /** The key ring sealed to the recovery key, for a backup's header; null when the station has none yet. */
  async sealForBackup(): Promise<BackupRecovery | null> {
    const stored = parseStored(await readSetting(this.ctx.db, RECOVERY_KEY_SETTING));
    if (!stored) return null;
    const recipient = publicKeyFromRaw(Buffer.from(stored.publicKey, 'base64'), 'x25519');
    const sealedRing = this.ctx.protection.wrapKeyRing((ring) => {
      const plain = serializeKeyRing(ring);
      try {
        return encryptForProvince(plain, recipient);
      } finally {
        plain.fill(0);
      }
    });
    return { fingerprint: stored.fingerprint, salt: stored.salt, sealedRing: sealedRing.toString('base64') };
  }
}
