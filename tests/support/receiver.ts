import { SyncProtocolError } from '../../electron/sync/protocol-error';
import type { FaultCounts, FaultOptions } from '../../receiver/faults';
import type { PolicyHook } from '../../receiver/policy';
import type { ProcessResult } from '../../receiver/process-batch';
import { provinceEncryptionPublicPem, provinceSigningPublicPem } from '../../receiver/province-keys';
import type { StationRegistration } from '../../receiver/receiver';
import { startReceiver } from '../../receiver/server';
import type { ReceiverStore } from '../../receiver/store';
import { makeTempDir } from '../fixtures/temp-station';

export interface TestReceiverOptions {
  /** The station under test: its code (default KMU01) and its public key as `export-public-key` prints it. */
  stationCode?: string;
  stationPublicKeyPem: string;
  stationName?: string;
  /** Further stations registered at the province (for rules across stations). */
  otherStations?: StationRegistration[];
  basePath?: string;
  faults?: FaultOptions;
  policy?: PolicyHook;
  knownKinds?: readonly string[];
  maxConcurrentUploads?: number;
}

export interface TestReceiver {
  /** Base URL for the station's sync settings, e.g. http://127.0.0.1:41234 (plus the base path). */
  url: string;
  dir: string;
  provinceSigningPublicPem: string;
  provinceEncryptionPublicPem: string;
  provinceSigningKeyId: string;
  provinceEncryptionKeyId: string;
  /** Imports one file as from a USB stick; returns the `.rsa` bytes (a refusal too) or throws SyncProtocolError when no ack can be made. */
  processFile(file: Buffer, fileName?: string): Buffer;
  /** The same, with the whole result. */
  process(file: Buffer, fileName?: string): ProcessResult;
  /** Queries: countVersions, versionsOf, batch, countBatches, coveredThrough, … */
  store: ReceiverStore;
  /** Faults injected so far (live). */
  faultCounts: FaultCounts;
  /** Stops the server, closes the database and removes the folder. */
  close(): Promise<void>;
}

/** A receiver in this process on a free port, with fresh province keys in a temporary folder. */
export async function startTestReceiver(options: TestReceiverOptions): Promise<TestReceiver> {
  const temp = makeTempDir('relay-receiver-');
  const running = await startReceiver({
    dir: temp.dir,
    stations: [
      { code: options.stationCode ?? 'KMU01', publicKeyPem: options.stationPublicKeyPem, name: options.stationName },
      ...(options.otherStations ?? []),
    ],
    basePath: options.basePath,
    faults: options.faults,
    policy: options.policy,
    knownKinds: options.knownKinds,
    maxConcurrentUploads: options.maxConcurrentUploads,
  });
  const { receiver } = running;
  const process = (file: Buffer, fileName?: string): ProcessResult => receiver.process(file, { usb: { fileName } });
  return {
    url: running.url,
    dir: temp.dir,
    provinceSigningPublicPem: provinceSigningPublicPem(receiver.keys),
    provinceEncryptionPublicPem: provinceEncryptionPublicPem(receiver.keys),
    provinceSigningKeyId: receiver.keys.signing.keyId,
    provinceEncryptionKeyId: receiver.keys.encryption.keyId,
    process,
    processFile(file, fileName) {
      const result = process(file, fileName);
      if (result.outcome !== 'refused') return result.ack;
      if (result.ack) return result.ack;
      throw new SyncProtocolError(result.code, result.message);
    },
    store: receiver.store,
    faultCounts: running.faultCounts,
    close: async () => {
      await running.close();
      temp.remove();
    },
  };
}
