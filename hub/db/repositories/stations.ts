import { createHash } from 'node:crypto';
import type { StationKind } from '../../../shared/domain/station';
import { momentText } from '../values';
import type { Executor } from './executor';

/** A station as the province registers it. */
export interface NewStation {
  provinceCode: string;
  code: string;
  kind: StationKind;
  regionCode: string;
  name: string;
  registeredAt: string;
}

/** A signing key offered for a station: its SubjectPublicKeyInfo DER. */
export interface NewStationKey {
  provinceCode: string;
  stationCode: string;
  publicKeySpki: Buffer;
  registeredAt: string;
}

export interface StationKey {
  provinceCode: string;
  stationCode: string;
  fingerprint: string;
  publicKeySpki: Buffer;
  registeredAt: string;
}

/** Raised when a key is offered for a station while another station holds it: a key names one station. */
export class StationKeyTakenError extends Error {
  constructor(
    readonly fingerprint: string,
    readonly ownerStationCode: string,
  ) {
    super(`key ${fingerprint} belongs to station ${ownerStationCode}`);
    this.name = 'StationKeyTakenError';
  }
}

/** The key id of docs/sync-protocol.md §3: SHA-256 of the SubjectPublicKeyInfo DER, hex. */
export function keyFingerprint(publicKeySpki: Buffer): string {
  return createHash('sha256').update(publicKeySpki).digest('hex');
}

/** Registers a station; false when its code was registered already (the first registration stands). */
export async function addStation(db: Executor, station: NewStation): Promise<boolean> {
  const inserted = await db
    .insertInto('station')
    .values({
      province_code: station.provinceCode,
      code: station.code,
      kind: station.kind,
      region_code: station.regionCode,
      name: station.name,
      registered_at: station.registeredAt,
    })
    .onConflict((oc) => oc.columns(['province_code', 'code']).doNothing())
    .returning('code')
    .executeTakeFirst();
  return inserted !== undefined;
}

/**
 * Registers a signing key for a station, by constraint: the key's fingerprint is the primary key, so the
 * insert does nothing when any station holds the key already. Offered again for its own station it is
 * no change (`added: false`); held by another station it is refused with StationKeyTakenError.
 */
export async function addStationKey(db: Executor, key: NewStationKey): Promise<{ fingerprint: string; added: boolean }> {
  const fingerprint = keyFingerprint(key.publicKeySpki);
  const inserted = await db
    .insertInto('station_key')
    .values({
      province_code: key.provinceCode,
      key_fingerprint: fingerprint,
      station_code: key.stationCode,
      public_key_spki: key.publicKeySpki,
      registered_at: key.registeredAt,
    })
    .onConflict((oc) => oc.columns(['province_code', 'key_fingerprint']).doNothing())
    .returning('key_fingerprint')
    .executeTakeFirst();
  if (inserted) return { fingerprint, added: true };
  const holder = await stationKey(db, key.provinceCode, fingerprint);
  if (!holder) throw new Error(`key ${fingerprint} was neither stored nor found`);
  if (holder.stationCode !== key.stationCode) throw new StationKeyTakenError(fingerprint, holder.stationCode);
  return { fingerprint, added: false };
}

/** The key with this fingerprint and the station it belongs to, or null when no station holds it. */
export async function stationKey(db: Executor, provinceCode: string, fingerprint: string): Promise<StationKey | null> {
  const row = await db
    .selectFrom('station_key')
    .selectAll()
    .where('province_code', '=', provinceCode)
    .where('key_fingerprint', '=', fingerprint)
    .executeTakeFirst();
  if (!row) return null;
  return {
    provinceCode: row.province_code,
    stationCode: row.station_code,
    fingerprint: row.key_fingerprint,
    publicKeySpki: row.public_key_spki,
    registeredAt: momentText(row.registered_at),
  };
}

/** A registered station as stored. */
export type Station = NewStation;

/** The station registered under this code, or null. */
export async function stationByCode(db: Executor, provinceCode: string, code: string): Promise<Station | null> {
  const row = await db.selectFrom('station').selectAll().where('province_code', '=', provinceCode).where('code', '=', code).executeTakeFirst();
  if (!row) return null;
  return { provinceCode: row.province_code, code: row.code, kind: row.kind, regionCode: row.region_code, name: row.name, registeredAt: momentText(row.registered_at) };
}
