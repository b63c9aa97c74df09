import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { basename, isAbsolute, join } from 'node:path';
import { SdtCode } from './sdtapi-reader';
import { sampleCardBlock, sampleCardNames, unknownKindBlock } from './sample-cards';
import { parseSimulatorAddress } from './simulator-protocol';

/**
 * A reader without hardware: a card can be placed on it (a sample by name or a block file), lifted, made
 * to fail, or the reader unplugged. The station reaches it over the line protocol of
 * simulator-protocol.ts; tests drive it in-process through the same methods the protocol calls.
 */

/** What is on the simulated reader. */
type Tray =
  | { kind: 'empty' }
  | { kind: 'card'; name: string; block: Buffer }
  | { kind: 'failing'; code: number };

/** A running simulator's address (`host:port` or the socket path) and how to stop it. */
export interface ListeningSimulator {
  address: string;
  close(): Promise<void>;
}

/** The sample blocks, written as `<name>.bin` into `folder` (with `unknown-kind.bin`), for the menu and for `place <file>`. */
export function writeSampleCards(folder: string): string[] {
  mkdirSync(folder, { recursive: true });
  const written: string[] = [];
  for (const name of sampleCardNames) {
    writeFileSync(join(folder, `${name}.bin`), sampleCardBlock(name));
    written.push(name);
  }
  writeFileSync(join(folder, 'unknown-kind.bin'), unknownKindBlock());
  return [...written, 'unknown-kind'];
}

export class ReaderSimulator {
  private tray: Tray = { kind: 'empty' };
  private plugged = true;
  private reads = 0;

  /** @param cardFolder where `place <name>` looks for `<name>.bin` besides the built-in samples. */
  constructor(private readonly cardFolder: string | null = null) {}

  /** The cards `place` takes by name: the folder's `.bin` files, or the built-in samples. */
  cardNames(): string[] {
    if (this.cardFolder !== null && existsSync(this.cardFolder)) {
      return readdirSync(this.cardFolder)
        .filter((file) => file.endsWith('.bin'))
        .map((file) => basename(file, '.bin'))
        .sort();
    }
    return [...sampleCardNames, 'unknown-kind'];
  }

  /** Places a card: a name from `cardNames()`, an absolute path to a block file, or a block. */
  place(card: string | Buffer): string {
    const block = typeof card === 'string' ? this.blockOf(card) : Buffer.from(card);
    const name = typeof card === 'string' ? card : 'block';
    this.tray = { kind: 'card', name, block };
    return name;
  }

  lift(): void {
    this.tray = { kind: 'empty' };
  }

  /** The card on the reader cannot be read: select or read fails with `code` (0x41 read failed by default) until lifted. */
  fail(code: number = SdtCode.readFailed): void {
    this.tray = { kind: 'failing', code };
  }

  unplug(): void {
    this.plugged = false;
  }

  plug(): void {
    this.plugged = true;
  }

  /** How many cards were read (blocks handed out). */
  readCount(): number {
    return this.reads;
  }

  /** One line describing the reader, for the menu and `status`. */
  status(): string {
    if (!this.plugged) return 'unplugged';
    switch (this.tray.kind) {
      case 'empty':
        return 'no card';
      case 'card':
        return `card ${this.tray.name}`;
      case 'failing':
        return `failing card (code ${this.tray.code})`;
    }
  }

  /** The answer to one protocol line. */
  answer(line: string): string {
    const [command = '', ...rest] = line.trim().split(/\s+/);
    const argument = rest.join(' ');
    try {
      switch (command.toLowerCase()) {
        case 'read':
          return this.read();
        case 'place':
          return `OK placed ${this.place(argument)}`;
        case 'lift':
          this.lift();
          return 'OK lifted';
        case 'fail':
          this.fail(argument === '' ? undefined : Number(argument));
          return 'OK failing';
        case 'unplug':
          this.unplug();
          return 'OK unplugged';
        case 'plug':
          this.plug();
          return 'OK plugged';
        case 'list':
          return `OK ${this.cardNames().join(' ')}`;
        case 'status':
          return `OK ${this.status()}`;
        default:
          return `ERR unknown command: ${command}`;
      }
    } catch (error) {
      return `ERR ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  /** Listens on `address` (loopback `host:port`, port 0 for any free one, or a Unix socket path). */
  listen(address: string): Promise<ListeningSimulator> {
    const endpoint = parseSimulatorAddress(address);
    if ('path' in endpoint && existsSync(endpoint.path)) rmSync(endpoint.path);
    const server: Server = createServer((socket) => this.serve(socket));
    const sockets = new Set<Socket>();
    server.on('connection', (socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      const ready = () => {
        const bound = server.address();
        const actual = typeof bound === 'string' ? bound : bound === null ? address : `${'host' in endpoint ? endpoint.host : '127.0.0.1'}:${bound.port}`;
        resolve({
          address: actual,
          close: () =>
            new Promise<void>((done) => {
              for (const socket of sockets) socket.destroy();
              server.close(() => done());
            }),
        });
      };
      if ('path' in endpoint) server.listen(endpoint.path, ready);
      else server.listen(endpoint.port, endpoint.host, ready);
    });
  }

  private serve(socket: Socket): void {
    socket.setEncoding('utf8');
    let pending = '';
    socket.on('data', (chunk: string) => {
      pending += chunk;
      if (pending.length > 64 * 1024) {
        socket.destroy();
        return;
      }
      let end: number;
      while ((end = pending.indexOf('\n')) >= 0) {
        const line = pending.slice(0, end);
        pending = pending.slice(end + 1);
        if (line.trim() !== '') socket.write(`${this.answer(line)}\n`);
      }
    });
    socket.on('error', () => socket.destroy());
  }

  private read(): string {
    if (!this.plugged) return 'UNPLUGGED';
    switch (this.tray.kind) {
      case 'empty':
        return 'NO_CARD';
      case 'failing':
        return this.tray.code === SdtCode.unknownCardType ? `UNSUPPORTED ${this.tray.code}` : `FAILED ${this.tray.code}`;
      case 'card':
        this.reads += 1;
        return `CARD ${this.tray.block.toString('base64')}`;
    }
  }

  private blockOf(name: string): Buffer {
    if (name === '') throw new Error('place what? a card name or a .bin file');
    if (isAbsolute(name)) return readFileSync(name);
    if (this.cardFolder !== null) {
      const file = join(this.cardFolder, `${basename(name)}.bin`);
      if (existsSync(file)) return readFileSync(file);
    }
    if (name === 'unknown-kind') return unknownKindBlock();
    if ((sampleCardNames as string[]).includes(name)) return sampleCardBlock(name as (typeof sampleCardNames)[number]);
    throw new Error(`no card named ${name}`);
  }
}
