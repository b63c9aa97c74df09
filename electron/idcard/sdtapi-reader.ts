import type koffi from 'koffi';
import { CARD_BLOCK_BYTES, wipe } from './card-layout';
import { candidatePorts, type CardReader, type ReaderAttempt, type ReaderOpening } from './reader';
import { declareAll, loadVendorLibrary, unloadVendorLibrary, type NativeCall } from './vendor-library';

/**
 * A reader behind the vendor's `sdtapi` library (sdtapi.dll, libsdtapi.so): the protocol-level SDT_ API
 * most vendors ship, the same on every reader. The card's text comes back as the raw 256-byte block the
 * station parses itself. `__stdcall` on 32-bit Windows; koffi ignores it elsewhere.
 */

/** The SDT_ return codes the station acts on (the vendors' headers). */
export const SdtCode = {
  ok: 0x90,
  cardFound: 0x9f,
  noContent: 0x91,
  findFailed: 0x80,
  selectFailed: 0x81,
  readFailed: 0x41,
  unknownCardType: 0x40,
  noCardYet: 0x34,
} as const;

/** Port and transport faults: the reader is gone (unplugged, port closed) and must be opened again. */
const PORT_FAULTS: ReadonlySet<number> = new Set([0x01, 0x02, 0x03, 0x04, 0x06]);

/** The photo buffer: 1024 bytes of WLT data, asked for because the call requires it, never decoded and wiped at once. */
const PHOTO_BYTES = 1024;

const prototypes = {
  openPort: 'int __stdcall SDT_OpenPort(int port)',
  closePort: 'int __stdcall SDT_ClosePort(int port)',
  startFind: 'int __stdcall SDT_StartFindIDCard(int port, _Inout_ uint8_t *iin, int ifOpen)',
  select: 'int __stdcall SDT_SelectIDCard(int port, _Inout_ uint8_t *sn, int ifOpen)',
  readBase: 'int __stdcall SDT_ReadBaseMsg(int port, _Inout_ uint8_t *text, _Inout_ uint8_t *textLength, _Inout_ uint8_t *photo, _Inout_ uint8_t *photoLength, int ifOpen)',
} as const;

type SdtFunctions = Record<keyof typeof prototypes, NativeCall>;

export class SdtapiReader implements CardReader {
  readonly kind = 'sdtapi' as const;
  private library: koffi.IKoffiLib | null = null;
  private functions: SdtFunctions | null = null;
  private port: number | null = null;

  constructor(
    private readonly libraryPath: string | null,
    private readonly configuredPort: number | null,
  ) {}

  /** Loads the library and opens the configured port, or the first USB then serial port that answers. */
  async open(): Promise<ReaderOpening> {
    if (this.port !== null) return { ok: true, port: this.port };
    if (this.functions === null) {
      const loaded = loadVendorLibrary(this.libraryPath);
      if (!loaded.ok) return loaded;
      const functions = declareAll(loaded.library, prototypes);
      if (functions === null) {
        unloadVendorLibrary(loaded.library);
        return { ok: false, reason: 'library_unusable' };
      }
      this.library = loaded.library;
      this.functions = functions;
    }
    for (const port of candidatePorts(this.configuredPort)) {
      if ((await this.call(() => this.functions!.openPort(port))) === SdtCode.ok) {
        this.port = port;
        return { ok: true, port };
      }
    }
    return { ok: false, reason: 'port_unavailable' };
  }

  /** Find, select, read: the order every SDT_ reader expects, on the port held open. */
  async attempt(): Promise<ReaderAttempt> {
    const opened = await this.open();
    if (!opened.ok) return { outcome: 'unavailable', reason: opened.reason };
    const fns = this.functions!;
    const port = opened.port!;
    const scratch = Buffer.alloc(16);
    const found = await this.call(() => fns.startFind(port, scratch, 0));
    if (found !== SdtCode.cardFound) return this.judge(found, 'find');
    const selected = await this.call(() => fns.select(port, scratch, 0));
    if (selected !== SdtCode.ok) return this.judge(selected, 'select');
    const text = Buffer.alloc(CARD_BLOCK_BYTES);
    const photo = Buffer.alloc(PHOTO_BYTES);
    // The lengths are `unsigned int *`: four bytes each, holding the buffer's size on the way in.
    const textLength = Buffer.alloc(4);
    const photoLength = Buffer.alloc(4);
    textLength.writeUInt32LE(CARD_BLOCK_BYTES);
    photoLength.writeUInt32LE(PHOTO_BYTES);
    try {
      const read = await this.call(() => fns.readBase(port, text, textLength, photo, photoLength, 0));
      if (read !== SdtCode.ok) return this.judge(read, 'read');
      const length = Math.min(textLength.readUInt32LE(), CARD_BLOCK_BYTES);
      return { outcome: 'card', block: Buffer.from(text.subarray(0, length)) };
    } finally {
      wipe(text);
      wipe(photo);
    }
  }

  async close(): Promise<void> {
    const { functions, port, library } = this;
    this.port = null;
    this.functions = null;
    this.library = null;
    if (functions !== null && port !== null) await this.call(() => functions.closePort(port));
    if (library !== null) unloadVendorLibrary(library);
  }

  /** A native call whose failure (a crash of the binding, not of the library) counts as a port fault. */
  private async call(run: () => Promise<number>): Promise<number> {
    try {
      return await run();
    } catch {
      return 0x01;
    }
  }

  /** What a code other than success means at each step. */
  private judge(code: number, step: 'find' | 'select' | 'read'): ReaderAttempt {
    if (PORT_FAULTS.has(code)) {
      this.port = null;
      return { outcome: 'unavailable', reason: 'port_unavailable' };
    }
    if (step === 'find') return { outcome: 'no_card' };
    if (code === SdtCode.unknownCardType) return { outcome: 'unsupported', code };
    return { outcome: 'failed', code };
  }
}
