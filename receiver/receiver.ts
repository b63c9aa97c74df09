import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { keyId, publicKeyFromPem, publicKeyToPem } from '../electron/sync/keys';
import { syncRecordKinds } from '../shared/domain/sync';
import type { RecordRules } from './judge-record';
import type { PolicyHook } from './policy';
import { processBatchFile, type ProcessResult } from './process-batch';
import { loadOrCreateProvinceKeys, type ProvinceKeys } from './province-keys';
import { ReceiverStore } from './store';
import { checkUploadHead, type HeadVerdict } from './upload-head';

/** A station the province registered at commissioning (§11): its code and a public key PEM. */
export interface StationRegistration {
  code: string;
  publicKeyPem: string;
  /** Shown in policy reasons (`云南大学登记站`). */
  name?: string;
}

export interface ReceiverSetup {
  /** Province keys and the database live here; created on first use. */
  dir: string;
  stations?: StationRegistration[];
  /** Kinds stored; default every kind of schema version 1. */
  knownKinds?: readonly string[];
  policy?: PolicyHook;
  schemaVersions?: readonly number[];
  now?: () => Date;
}

export interface Receiver {
  store: ReceiverStore;
  keys: ProvinceKeys;
  /** True when the province keys were made by this call. */
  keysCreated: boolean;
  /** One file through §6.4; `urlBatchId` for HTTP, `usb` for removable media. */
  process(file: Buffer, how?: { urlBatchId?: string; usb?: { fileName?: string }; recordUnavailable?: RecordRules['recordUnavailable'] }): ProcessResult;
  /** The first bytes of an upload of `fileLength` bytes, judged before the rest is read (see checkUploadHead). */
  checkHead(prefix: Buffer, fileLength: number): HeadVerdict;
  close(): void;
}

export const DATABASE_FILE = 'receiver.sqlite';
const STATION_CODE = /^[A-Z0-9]{2,12}$/;

/**
 * Registers a station key from its PEM; throws Error('key_invalid') for anything but an Ed25519 public key,
 * and RangeError for a key already registered under another station code.
 */
export function registerStation(store: ReceiverStore, station: StationRegistration): string {
  if (!STATION_CODE.test(station.code)) throw new RangeError(`not a station code: ${station.code}`);
  const key = publicKeyFromPem(station.publicKeyPem, 'ed25519');
  const id = keyId(key);
  store.registerStationKey({ code: station.code, keyId: id, publicKeyPem: publicKeyToPem(key), name: station.name ?? null });
  return id;
}

export function openReceiver(setup: ReceiverSetup): Receiver {
  mkdirSync(setup.dir, { recursive: true });
  const { keys, created } = loadOrCreateProvinceKeys(setup.dir);
  const store = new ReceiverStore(join(setup.dir, DATABASE_FILE));
  for (const station of setup.stations ?? []) registerStation(store, station);
  const knownKinds = new Set<string>(setup.knownKinds ?? syncRecordKinds);
  return {
    store,
    keys,
    keysCreated: created,
    process: (file, how = {}) =>
      processBatchFile(file, {
        store,
        keys,
        rules: { knownKinds, policy: setup.policy, recordUnavailable: how.recordUnavailable },
        urlBatchId: how.urlBatchId,
        usb: how.usb,
        schemaVersions: setup.schemaVersions,
        now: setup.now,
      }),
    checkHead: (prefix, fileLength) => checkUploadHead(prefix, fileLength, { store, keys, now: setup.now }),
    close: () => store.close(),
  };
}
