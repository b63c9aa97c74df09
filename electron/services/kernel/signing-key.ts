import type { KeyObject } from 'node:crypto';
import type { SigningKeyRow } from '../../db/rows';
import type { Executor } from '../../db/repositories/executor';
import { firstSigningKey, insertSigningKey } from '../../db/repositories/signing-keys';
import {
  generateSigningKey,
  keyFingerprint,
  privateKeyFromDer,
  publicKeyFromDer,
  publicKeyPem,
  signPayload,
  type DocumentClaims,
} from '../../security/document-signature';
import type { Clock } from './clock';
import type { DataProtection } from './data-protection';

/**
 * The station's Ed25519 key for the QR codes on its documents and the manifests of its sync batches. It is made on first need, inside the
 * transaction that needs it, and kept in the database with the private key sealed under the data key:
 * it travels with the database and its key file, and nothing else has to be backed up. Once opened,
 * the private key is kept as a key object for later signatures: parsing it costs more than the rest of a
 * receipt's issue, and it is no more exposed in memory than the data key that unseals it.
 */
export class StationSigningKey {
  /** The opened private key, by key id. */
  private opened: { id: string; key: KeyObject } | null = null;

  constructor(
    private readonly protection: DataProtection,
    private readonly clock: Clock,
  ) {}

  /** The station's key, created in the caller's transaction if the station has none yet. */
  async ensure(trx: Executor): Promise<SigningKeyRow> {
    const existing = await firstSigningKey(trx);
    if (existing) return existing;
    const { publicKeyDer, privateKeyDer } = generateSigningKey();
    const row: SigningKeyRow = {
      id: keyFingerprint(publicKeyDer),
      public_key: publicKeyDer.toString('base64'),
      private_key: this.protection.seal(privateKeyDer.toString('base64'), 'signing_key.private_key'),
      created_at: this.clock.now().toISOString(),
    };
    privateKeyDer.fill(0);
    await insertSigningKey(trx, row);
    return row;
  }

  /** The public half of the station's key, or null before the station has signed anything. */
  async publicKey(db: Executor): Promise<KeyObject | null> {
    const row = await firstSigningKey(db);
    return row ? publicKeyFromDer(Buffer.from(row.public_key, 'base64')) : null;
  }

  /** The public key as PEM, for the province. */
  pem(row: SigningKeyRow): string {
    return publicKeyPem(Buffer.from(row.public_key, 'base64'));
  }

  /** Signs a document's claims with the key's private half (see `signPayload` for the format). */
  sign(row: SigningKeyRow, claims: DocumentClaims): string {
    return signPayload(claims, this.privateKey(row));
  }

  /** The opened private key, for the station's other signatures (sync batch manifests, whose magic keeps them apart). */
  privateKey(row: SigningKeyRow): KeyObject {
    if (this.opened?.id === row.id) return this.opened.key;
    const der = Buffer.from(this.protection.open(row.private_key, 'signing_key.private_key'), 'base64');
    try {
      this.opened = { id: row.id, key: privateKeyFromDer(der) };
      return this.opened.key;
    } finally {
      der.fill(0);
    }
  }
}
