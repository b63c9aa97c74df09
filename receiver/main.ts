import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { publicKeyFromPem } from '../electron/sync/keys';
import { parseFaults, type FaultOptions } from './faults';
import { ENCRYPTION_PUBLIC_FILE, SIGNING_PUBLIC_FILE } from './province-keys';
import { openReceiver, type Receiver, type StationRegistration } from './receiver';
import { startReceiver } from './server';

/**
 * The reference receiver from the command line:
 *   npm run receiver -- --dir DIR [--port 8790] [--station CODE=station.pem …] [--base-path /relay] [--faults drop=0.1,…]
 *   npm run receiver -- import --dir DIR FILE.rse… --out OUTDIR [--station CODE=station.pem …]
 * Prints JSON lines on stdout; exits 2 on a usage error, 1 when an imported file was refused.
 */

const USAGE = `usage:
  npm run receiver -- --dir DIR [--port 8790] [--station CODE=station.pem ...] [--base-path /relay] [--faults drop=0.1,error=0.1,...]
  npm run receiver -- import --dir DIR FILE.rse... --out OUTDIR [--station CODE=station.pem ...]
faults: seed, drop (=dropBefore), dropAfter, error, unavailable, slow, slowMs, duplicateAck, recordUnavailable`;

class UsageError extends Error {}

function stationsFrom(values: string[] | undefined): StationRegistration[] {
  return (values ?? []).map((value) => {
    const at = value.indexOf('=');
    if (at < 1) throw new UsageError(`--station wants CODE=station.pem, not ${value}`);
    const file = value.slice(at + 1);
    const publicKeyPem = readFileSync(file, 'utf8');
    try {
      publicKeyFromPem(publicKeyPem, 'ed25519');
    } catch {
      throw new UsageError(`${file}: not an Ed25519 public key (PEM)`);
    }
    return { code: value.slice(0, at), publicKeyPem };
  });
}

function faultsFrom(text: string): FaultOptions {
  try {
    return parseFaults(text);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

function keysLine(receiver: Receiver, dir: string): Record<string, unknown> {
  return {
    provinceSigningKeyId: receiver.keys.signing.keyId,
    provinceEncryptionKeyId: receiver.keys.encryption.keyId,
    provinceSigningPublicKey: join(dir, SIGNING_PUBLIC_FILE),
    provinceEncryptionPublicKey: join(dir, ENCRYPTION_PUBLIC_FILE),
    keysCreated: receiver.keysCreated,
  };
}

async function serve(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      dir: { type: 'string' },
      port: { type: 'string', default: '8790' },
      station: { type: 'string', multiple: true },
      'base-path': { type: 'string' },
      faults: { type: 'string' },
    },
  });
  if (!values.dir) throw new UsageError('--dir is required');
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`not a port: ${values.port}`);
  const dir = resolve(values.dir);
  const running = await startReceiver({
    dir,
    port,
    stations: stationsFrom(values.station),
    basePath: values['base-path'],
    faults: values.faults ? faultsFrom(values.faults) : undefined,
  });
  process.stdout.write(`${JSON.stringify({ url: running.url, ...keysLine(running.receiver, dir) })}\n`);
  const stop = (): void => {
    void running.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return new Promise<number>(() => undefined);
}

function importFiles(args: string[]): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { dir: { type: 'string' }, out: { type: 'string' }, station: { type: 'string', multiple: true } },
  });
  if (!values.dir || !values.out) throw new UsageError('--dir and --out are required');
  if (positionals.length === 0) throw new UsageError('name at least one .rse or .rsb file');
  const dir = resolve(values.dir);
  const receiver = openReceiver({ dir, stations: stationsFrom(values.station) });
  mkdirSync(values.out, { recursive: true });
  let refused = 0;
  try {
    if (receiver.keysCreated) process.stderr.write(`${JSON.stringify(keysLine(receiver, dir))}\n`);
    for (const file of positionals) {
      const result = receiver.process(readFileSync(file), { usb: { fileName: basename(file) } });
      let ackFile: string | null = null;
      if (result.ack && result.batchId) {
        ackFile = join(values.out, `${result.batchId}.rsa`);
        // Written aside and renamed, so a stick pulled out mid-write never holds half an acknowledgement.
        writeFileSync(`${ackFile}.partial`, result.ack);
        renameSync(`${ackFile}.partial`, ackFile);
      }
      if (result.outcome === 'refused') refused += 1;
      const line =
        result.outcome === 'processed'
          ? { file, batchId: result.batchId, outcome: result.outcome, counts: result.counts, auditHeadRegressed: result.auditHeadRegressed, ack: ackFile }
          : result.outcome === 'replayed'
            ? { file, batchId: result.batchId, outcome: result.outcome, ack: ackFile }
            : { file, batchId: result.batchId, outcome: result.outcome, code: result.code, message: result.message, ack: ackFile };
      process.stdout.write(`${JSON.stringify(line)}\n`);
    }
  } finally {
    receiver.close();
  }
  return refused > 0 ? 1 : 0;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'import') return importFiles(rest);
    if (command === 'help' || command === '--help') {
      process.stderr.write(`${USAGE}\n`);
      return 0;
    }
    return await serve(argv);
  } catch (error) {
    const usage = error instanceof UsageError || (error instanceof TypeError && String((error as { code?: string }).code).startsWith('ERR_PARSE_ARGS'));
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    if (usage) {
      process.stderr.write(`${USAGE}\n`);
      return 2;
    }
    return 1;
  }
}

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
