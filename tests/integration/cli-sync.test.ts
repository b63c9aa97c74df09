import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStation } from '../../electron/app/open-station';
import { openBatchFile, readBatchRecords } from '../../electron/sync/batch-file';
import { keyId } from '../../electron/sync/keys';
import { decryptFromStation } from '../../electron/sync/usb-encryption';
import { runCli, runCliAsync, type CliRun } from '../fixtures/cli';
import { acknowledge, makeProvince, type TestProvince } from '../fixtures/province';
import { residentId, sampleRegistration, samplePerson } from '../fixtures/registrations';
import { makeTempDir, sampleSetup } from '../fixtures/temp-station';
import { startTestHub, type TestHub } from '../fixtures/test-hub';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const CLI_TIMEOUT_MS = 60_000;
const TEST_TIMEOUT_MS = 240_000;

function cli(dataDir: string, args: string[]): CliRun {
  return runCli(dataDir, args, { lang: 'en_US.UTF-8', timeoutMs: CLI_TIMEOUT_MS });
}

function tempDir(): string {
  const temp = makeTempDir();
  cleanups.push(() => temp.remove());
  return temp.dir;
}

/** A set-up station with two people registered (consent to report given): outbox rows waiting. Returns its folder and public key. */
async function stationWithRegistrations(): Promise<{ dir: string; publicKeyPem: string; outboxRows: number }> {
  const dir = tempDir();
  const station = await openStation({ dataDir: dir });
  try {
    const desk = { sessionKey: 'desk' };
    await station.dispatch('station:setup', sampleSetup, desk);
    const people = [samplePerson, { ...samplePerson, name: '王芳', phone: '13987654321', document: { kind: 'resident_id' as const, number: residentId('530102', '19850612', '024') } }];
    for (const person of people) {
      const created = await station.dispatch('registration:create', sampleRegistration({ person }), desk);
      if (!created.ok) throw new Error(JSON.stringify(created.error));
    }
    const key = await station.services.documents.publicKey({ id: null, role: 'system' });
    const { n } = station.connection.sqlite.prepare('select count(*) as n from outbox').get() as { n: number };
    return { dir, publicKeyPem: key.publicKey, outboxRows: n };
  } finally {
    await station.close();
  }
}

/** The province's public keys as the PEM files it hands over, and its private encryption key as it keeps it. */
function provinceFiles(province: TestProvince): { signing: string; encryption: string; encryptionPrivate: string } {
  const dir = tempDir();
  const files = { signing: join(dir, 'province-signing.pem'), encryption: join(dir, 'province-encryption.pem'), encryptionPrivate: join(dir, 'province-encryption-private.pem') };
  writeFileSync(files.signing, province.signing.pem);
  writeFileSync(files.encryption, province.encryption.pem);
  writeFileSync(files.encryptionPrivate, province.encryption.privateKey.export({ type: 'pkcs8', format: 'pem' }));
  return files;
}

async function outboxStates(dir: string): Promise<Record<string, number>> {
  const station = await openStation({ dataDir: dir });
  try {
    const rows = station.connection.sqlite.prepare('select state, count(*) as n from outbox group by state').all() as Array<{ state: string; n: number }>;
    return Object.fromEntries(rows.map((row) => [row.state, row.n]));
  } finally {
    await station.close();
  }
}

function jsonLines(stdout: string): Array<Record<string, unknown>> {
  return stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('cli sync commands', () => {
  it(
    'imports the province keys, exports encrypted batches, verifies them and applies only a genuine acknowledgement',
    async () => {
      const { dir, outboxRows } = await stationWithRegistrations();
      expect(outboxRows).toBeGreaterThan(0);
      const province = makeProvince();
      const keys = provinceFiles(province);
      const usb = tempDir();

      const noKey = cli(dir, ['export', '--out', usb]);
      expect(noKey.code).toBe(1);
      expect(noKey.stderr.trim()).toBe("The province's public key has not been imported yet; an administrator imports it in the sync settings.");
      expect(JSON.parse(noKey.stdout)).toMatchObject({ ok: false, error: { code: 'province_key_missing' } });
      expect(readdirSync(usb)).toEqual([]);

      expect(cli(dir, ['province-key']).code).toBe(2);
      expect(cli(dir, ['province-key', '--signing', keys.signing, '--encryption', keys.encryption]).code).toBe(2);
      const wrongUse = cli(dir, ['province-key', '--signing', keys.encryption]);
      expect(wrongUse.code).toBe(1);
      expect(JSON.parse(wrongUse.stdout).error.code).toBe('province_key_invalid');
      const signing = cli(dir, ['province-key', '--signing', keys.signing]);
      expect(signing.code, signing.stderr).toBe(0);
      expect(JSON.parse(signing.stdout)).toMatchObject({ use: 'signing', fingerprint: keyId(province.signing.publicKey) });
      const encryption = cli(dir, ['province-key', '--encryption', keys.encryption]);
      expect(encryption.code, encryption.stderr).toBe(0);
      expect(JSON.parse(encryption.stdout)).toMatchObject({ use: 'encryption', fingerprint: keyId(province.encryption.publicKey) });

      const exported = cli(dir, ['export', '--out', usb]);
      expect(exported.code, exported.stderr).toBe(0);
      const { files } = JSON.parse(exported.stdout) as { files: string[] };
      expect(files).toEqual(['KMU01-B000001.rse']);
      expect(readdirSync(usb)).toEqual(files);
      const rsePath = join(usb, files[0]!);
      expect(await outboxStates(dir)).toEqual({ in_batch: outboxRows });

      // The encrypted file needs the province's private key; with it, it verifies.
      expect(cli(dir, ['verify-batch', rsePath]).code).toBe(2);
      const encrypted = cli(dir, ['verify-batch', rsePath, '--province-key', keys.encryptionPrivate]);
      expect(encrypted.code, encrypted.stderr).toBe(0);
      expect(JSON.parse(encrypted.stdout)).toMatchObject({ result: 'ok', encrypted: true, batchId: 'KMU01-B000001', recordCount: outboxRows, firstSeq: 1, lastSeq: outboxRows });

      // The decrypted .rsb as the province holds it: ok; one flipped byte in the signature or in the payload is caught.
      const rsb = decryptFromStation(readFileSync(rsePath), [province.encryption.privateKey]);
      const work = tempDir();
      const rsbPath = join(work, 'KMU01-B000001.rsb');
      writeFileSync(rsbPath, rsb);
      const plain = cli(dir, ['verify-batch', rsbPath]);
      expect(plain.code, plain.stderr).toBe(0);
      expect(JSON.parse(plain.stdout)).toMatchObject({ result: 'ok', encrypted: false, stationCode: 'KMU01', recordCount: outboxRows });

      const manifestBytes = rsb.readUInt32BE(4);
      const flipped = (offset: number) => {
        const copy = Buffer.from(rsb);
        copy[offset] = copy[offset]! ^ 0x01;
        const path = join(work, `flipped-${offset}.rsb`);
        writeFileSync(path, copy);
        return path;
      };
      const badSignature = cli(dir, ['verify-batch', flipped(8 + manifestBytes + 10)]);
      expect(badSignature.code).toBe(1);
      expect(JSON.parse(badSignature.stdout)).toMatchObject({ result: 'refused', code: 'signature_invalid' });
      expect(badSignature.stderr).toContain('The signature of the batch does not verify');
      const badPayload = cli(dir, ['verify-batch', flipped(rsb.length - 5)]);
      expect(badPayload.code).toBe(1);
      expect(JSON.parse(badPayload.stdout)).toMatchObject({ result: 'refused', code: 'payload_hash_mismatch' });

      // An acknowledgement signed by a key the station never imported changes nothing.
      const records = readBatchRecords(openBatchFile(rsb));
      expect(records.map((record) => record.seq)).toEqual(Array.from({ length: outboxRows }, (_, index) => index + 1));
      const forgedPath = join(work, 'forged.rsa');
      writeFileSync(forgedPath, acknowledge(rsb, makeProvince().signing.privateKey));
      const forged = cli(dir, ['import-ack', forgedPath]);
      expect(forged.code).toBe(1);
      expect(jsonLines(forged.stdout)).toEqual([expect.objectContaining({ file: forgedPath, ok: false, error: expect.objectContaining({ code: 'ack_signature_invalid' }) })]);
      expect(await outboxStates(dir)).toEqual({ in_batch: outboxRows });

      // The province's own acknowledgement, every record accepted: the rows are done; applying it again changes nothing.
      const ackPath = join(work, 'KMU01-B000001.rsa');
      writeFileSync(ackPath, acknowledge(rsb, province.signing.privateKey));
      const applied = cli(dir, ['import-ack', ackPath]);
      expect(applied.code, applied.stderr).toBe(0);
      expect(jsonLines(applied.stdout)).toEqual([
        expect.objectContaining({ file: ackPath, ok: true, batchId: 'KMU01-B000001', outcome: 'processed', accepted: outboxRows, rejected: 0, alreadyApplied: false }),
      ]);
      expect(await outboxStates(dir)).toEqual({ done: outboxRows });
      const again = cli(dir, ['import-ack', ackPath, forgedPath]);
      expect(again.code).toBe(1);
      expect(jsonLines(again.stdout).map((line) => [line.ok, line.alreadyApplied ?? null])).toEqual([
        [true, true],
        [false, null],
      ]);
      expect(cli(dir, ['import-ack']).code).toBe(2);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'sends everything waiting to a provincial receiver with sync --url and marks the rows done',
    async () => {
      const { dir, publicKeyPem, outboxRows } = await stationWithRegistrations();
      const receiver: TestHub = await startTestHub({ stationPublicKeyPem: publicKeyPem });
      cleanups.push(() => receiver.close());
      const keys = tempDir();
      writeFileSync(join(keys, 'signing.pem'), receiver.provinceSigningPublicPem);
      writeFileSync(join(keys, 'encryption.pem'), receiver.provinceEncryptionPublicPem);
      expect(cli(dir, ['province-key', '--signing', join(keys, 'signing.pem')]).code).toBe(0);
      expect(cli(dir, ['province-key', '--encryption', join(keys, 'encryption.pem')]).code).toBe(0);

      expect(cli(dir, ['sync', '--url', 'ftp://example.cn']).code).toBe(2);
      const noEndpoint = cli(dir, ['sync']);
      expect(noEndpoint.code).toBe(1);
      expect(JSON.parse(noEndpoint.stdout)).toMatchObject({ error: 'sync_endpoint_missing' });

      // The receiver answers from this process, so the command line must not block it.
      const sent = await runCliAsync(dir, ['sync', '--url', receiver.url], { lang: 'en_US.UTF-8', timeoutMs: CLI_TIMEOUT_MS });
      expect(sent.code, sent.stderr).toBe(0);
      expect(JSON.parse(sent.stdout)).toMatchObject({ error: null, outbox: { done: outboxRows, pending: 0, in_batch: 0 } });
      expect(await outboxStates(dir)).toEqual({ done: outboxRows });
      expect(await receiver.store.countBatches()).toBe(1);
    },
    TEST_TIMEOUT_MS,
  );
});
