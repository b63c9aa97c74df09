import type { KeyObject } from 'node:crypto';
import type { Executor } from '../../db/repositories/executor';
import { insertProvinceKey, provinceKeys } from '../../db/repositories/sync';
import { keyId, publicKeyFromPem } from '../../sync/keys';
import type { Actor } from '../kernel/audit';
import { AppError } from '../kernel/errors';
import type { StationContext } from '../kernel/context';

export type ProvinceKeyUse = 'signing' | 'encryption';

export interface ProvinceKeyView {
  id: string;
  use: ProvinceKeyUse;
  importedAt: string;
}

const keyTypeOf = { signing: 'ed25519', encryption: 'x25519' } as const;

/**
 * The province's public keys (docs/sync-protocol.md §11): acknowledgements must verify under an imported
 * signing key; every batch is encrypted to the newest encryption key. Every key ever imported is kept.
 */
export class ProvinceKeys {
  constructor(private readonly ctx: StationContext) {}

  async list(db: Executor = this.ctx.db): Promise<ProvinceKeyView[]> {
    return (await provinceKeys(db)).map((row) => ({ id: row.id, use: row.use, importedAt: row.imported_at }));
  }

  /** Imports a PEM after its fingerprint was confirmed by telephone; importing the same key again changes nothing. */
  async import(use: ProvinceKeyUse, pem: string, actor: Actor): Promise<ProvinceKeyView> {
    let key: KeyObject;
    try {
      key = publicKeyFromPem(pem, keyTypeOf[use]);
    } catch {
      throw new AppError('province_key_invalid');
    }
    const station = await this.ctx.station.require();
    const id = keyId(key);
    const at = this.ctx.clock.now().toISOString();
    await this.ctx.db.transaction().execute(async (trx) => {
      const known = (await provinceKeys(trx)).find((row) => row.id === id);
      if (known) {
        if (known.use !== use) throw new AppError('province_key_invalid');
        return;
      }
      await insertProvinceKey(trx, { id, use, pem: key.export({ type: 'spki', format: 'pem' }).toString(), imported_at: at, imported_by: actor.id, retired_at: null });
      await this.ctx.audit.append(trx, { actor, stationCode: station.code, action: 'province_key_import', objectType: 'province_key', objectId: id, detail: { use } });
    });
    const view = (await this.list()).find((row) => row.id === id);
    if (!view) throw new AppError('internal');
    return view;
  }

  /** Every signing key not retired: an acknowledgement must verify under one of them. */
  async signingKeys(db: Executor = this.ctx.db): Promise<KeyObject[]> {
    return (await provinceKeys(db)).filter((row) => row.use === 'signing' && row.retired_at === null).map((row) => publicKeyFromPem(row.pem, 'ed25519'));
  }

  /** The newest encryption key, the one every batch is encrypted to, on a USB stick or over the network. */
  async encryptionKey(db: Executor = this.ctx.db): Promise<KeyObject> {
    const rows = (await provinceKeys(db)).filter((row) => row.use === 'encryption' && row.retired_at === null);
    const newest = rows[rows.length - 1];
    if (!newest) throw new AppError('province_key_missing');
    return publicKeyFromPem(newest.pem, 'x25519');
  }
}
