import type koffi from 'koffi';
import { ethnicGroups } from '../../shared/validation/ethnic-group';
import { buildCardBlock, type CardImage } from './card-image';
import { LONG_TERM, wipe } from './card-layout';
import { candidatePorts, type CardReader, type ReaderAttempt, type ReaderOpening } from './reader';
import { declare, declareAll, loadVendorLibrary, unloadVendorLibrary, type NativeCall } from './vendor-library';

/**
 * A reader behind the 华视 (Chinavision) CVR_ library (termb.dll on Windows, libtermb.so / lib100UD.so
 * on Linux): the library reads the card itself and hands each field out as GBK text through GetPeople*.
 * The fields are written back into a byte-exact block so that one parser checks every reader's cards.
 *
 * The two platforms differ: on Windows `CVR_InitComm(int port)` (stdcall); the Linux lib100UD.so takes
 * `CVR_InitComm(char *path, int protocol)` — called `(NULL, 2)` for USB — and finds cards with
 * `CVR_AuthenticateForNoJudge`. A Linux library exporting that function is taken to be of the second kind.
 */

/** `CVR_Read_Content`'s mode: text and the raw photo data only (no decoded portrait written to disk). */
const READ_TEXT_ONLY = 2;
/** The protocol argument of the Linux `CVR_InitComm` for a USB reader. */
const LINUX_USB_PROTOCOL = 2;

const FIELD_BYTES = 256;

const common = {
  authenticate: 'int __stdcall CVR_Authenticate()',
  readContent: 'int __stdcall CVR_Read_Content(int active)',
  closeComm: 'int __stdcall CVR_CloseComm()',
  name: 'int __stdcall GetPeopleName(_Inout_ uint8_t *buf, _Inout_ uint8_t *len)',
  sex: 'int __stdcall GetPeopleSex(_Inout_ uint8_t *buf, _Inout_ uint8_t *len)',
  nation: 'int __stdcall GetPeopleNation(_Inout_ uint8_t *buf, _Inout_ uint8_t *len)',
  birthday: 'int __stdcall GetPeopleBirthday(_Inout_ uint8_t *buf, _Inout_ uint8_t *len)',
  idCode: 'int __stdcall GetPeopleIDCode(_Inout_ uint8_t *buf, _Inout_ uint8_t *len)',
  startDate: 'int __stdcall GetStartDate(_Inout_ uint8_t *buf, _Inout_ uint8_t *len)',
  endDate: 'int __stdcall GetEndDate(_Inout_ uint8_t *buf, _Inout_ uint8_t *len)',
} as const;

const optional = {
  nationCode: 'int __stdcall GetNationCode(_Inout_ uint8_t *buf, _Inout_ uint8_t *len)',
  certType: 'int __stdcall GetCertType(_Inout_ uint8_t *buf, _Inout_ uint8_t *len)',
  chineseName: 'int __stdcall GetPeopleChineseName(_Inout_ uint8_t *buf, _Inout_ uint8_t *len)',
} as const;

type TermbFunctions = Record<keyof typeof common, NativeCall> & { init: (port: number) => Promise<number>; find: NativeCall };
type OptionalFunctions = Partial<Record<keyof typeof optional, NativeCall>>;

/** Which `CVR_InitComm` a library has: Windows' (a port) or lib100UD.so's (a device path and a protocol). */
export type TermbInitStyle = 'port' | 'path';

const gbk = new TextDecoder('gbk');

/** A GetPeople* answer: GBK text, the trailing NUL some libraries count in the length dropped with the other controls. */
function decodeField(buffer: Buffer, length: number): string {
  const text = gbk.decode(buffer.subarray(0, Math.max(0, Math.min(length, buffer.length))));
  return text.replace(/[\u0000-\u001f\u007f]/gu, '').trim();
}

/** Digits only: `1990年01月01日`, `1990-01-01` and `19900101` all become `19900101`. */
function digitsOf(text: string): string {
  return text.replace(/\D/gu, '');
}

/** The nation's two-digit code from its name (汉, or 汉族), when the library gives no code. */
function nationCodeOf(name: string): string {
  const bare = name.replace(/族$/u, '');
  return ethnicGroups.find((group) => group.zh.replace(/族$/u, '') === bare)?.code ?? name;
}

export class TermbReader implements CardReader {
  readonly kind = 'termb' as const;
  private library: koffi.IKoffiLib | null = null;
  private functions: TermbFunctions | null = null;
  private extras: OptionalFunctions = {};
  private port: number | null = null;
  private opened = false;
  private initStyle: TermbInitStyle = 'port';

  constructor(
    private readonly libraryPath: string | null,
    private readonly configuredPort: number | null,
    private readonly platform: NodeJS.Platform = process.platform,
  ) {}

  async open(): Promise<ReaderOpening> {
    if (this.opened) return { ok: true, port: this.port };
    if (this.functions === null) {
      const loaded = loadVendorLibrary(this.libraryPath);
      if (!loaded.ok) return loaded;
      const functions = this.declareFunctions(loaded.library);
      if (functions === null) {
        unloadVendorLibrary(loaded.library);
        return { ok: false, reason: 'library_unusable' };
      }
      this.library = loaded.library;
      this.functions = functions;
    }
    const ports = this.initStyle === 'path' ? [null] : candidatePorts(this.configuredPort);
    for (const port of ports) {
      if ((await this.call(() => this.functions!.init(port ?? 0))) === 1) {
        this.port = port;
        this.opened = true;
        return { ok: true, port };
      }
    }
    return { ok: false, reason: 'port_unavailable' };
  }

  private declareFunctions(library: koffi.IKoffiLib): TermbFunctions | null {
    const shared = declareAll(library, common);
    if (shared === null) return null;
    const noJudge = this.platform === 'win32' ? null : declare(library, 'int CVR_AuthenticateForNoJudge()');
    this.initStyle = noJudge === null ? 'port' : 'path';
    const initPrototype = this.initStyle === 'path' ? 'int CVR_InitComm(const char *path, int protocol)' : 'int __stdcall CVR_InitComm(int port)';
    const init = declare(library, initPrototype);
    if (init === null) return null;
    for (const name of Object.keys(optional) as Array<keyof typeof optional>) {
      const fn = declare(library, optional[name]);
      if (fn !== null) this.extras[name] = fn;
    }
    return {
      ...shared,
      init: this.initStyle === 'path' ? () => init(null, LINUX_USB_PROTOCOL) : (port: number) => init(port),
      find: noJudge ?? shared.authenticate,
    };
  }

  /** CVR_Authenticate: 1 a card found and selected, 2 none found, 3 selecting failed, 0 the reader is not initialised. */
  async attempt(): Promise<ReaderAttempt> {
    const opened = await this.open();
    if (!opened.ok) return { outcome: 'unavailable', reason: opened.reason };
    const fns = this.functions!;
    const found = await this.call(() => fns.find());
    if (found === 2) return { outcome: 'no_card' };
    if (found === 0 || found < 0) {
      this.opened = false;
      return { outcome: 'unavailable', reason: 'port_unavailable' };
    }
    if (found !== 1) return { outcome: 'failed', code: found };
    const read = await this.call(() => fns.readContent(READ_TEXT_ONLY));
    if (read !== 1) return { outcome: 'failed', code: read };
    return this.readFields(fns);
  }

  /** Every field through its GetPeople* call, written into a block as the chip would hold it. */
  private async readFields(fns: TermbFunctions): Promise<ReaderAttempt> {
    const buffer = Buffer.alloc(FIELD_BYTES);
    const length = Buffer.alloc(4);
    const field = async (fn: NativeCall | undefined): Promise<string | null> => {
      if (fn === undefined) return null;
      buffer.fill(0);
      length.writeInt32LE(FIELD_BYTES);
      const answer = await this.call(() => fn(buffer, length));
      return answer === 1 ? decodeField(buffer, length.readInt32LE()) : null;
    };
    try {
      const certType = (await field(this.extras.certType)) ?? '';
      const name = (await field(fns.name)) ?? '';
      const sexText = (await field(fns.sex)) ?? '';
      const sex = sexText === '男' || sexText === '1' ? '1' : sexText === '女' || sexText === '2' ? '2' : sexText;
      const birthDate = digitsOf((await field(fns.birthday)) ?? '');
      const number = (await field(fns.idCode)) ?? '';
      const validFrom = digitsOf((await field(fns.startDate)) ?? '');
      const endText = (await field(fns.endDate)) ?? '';
      const validUntil = endText.includes(LONG_TERM) ? LONG_TERM : digitsOf(endText);
      const nation = (await field(this.extras.nationCode)) ?? nationCodeOf((await field(fns.nation)) ?? '');
      const chineseName = (await field(this.extras.chineseName)) ?? '';
      const base = { sex, birthDate, number, validFrom, validUntil } as const;
      const image: CardImage =
        certType === 'J' || certType === '2'
          ? { kind: 'residence_permit', name, address: '', authority: '', passNumber: '', issueCount: '', ...base }
          : certType === 'I' || certType === '1'
            ? { kind: 'foreign_permanent_2017', latinName: name, name: chineseName, nationality: '', version: '', authorityCode: '', ...base }
            : certType === 'Y' || certType === '4'
              ? { kind: 'foreign_permanent_2023', name: chineseName, latinName: name, renewals: '', country: '', previousNumber: '', ...base }
              : { kind: 'resident_id', name, nation, address: '', authority: '', ...base };
      return { outcome: 'card', block: buildCardBlock(image as CardImage) };
    } finally {
      wipe(buffer);
    }
  }

  async close(): Promise<void> {
    const { functions, library, opened } = this;
    this.functions = null;
    this.library = null;
    this.opened = false;
    this.port = null;
    if (functions !== null && opened) await this.call(() => functions.closeComm());
    if (library !== null) unloadVendorLibrary(library);
  }

  private async call(run: () => Promise<number>): Promise<number> {
    try {
      return await run();
    } catch {
      return -1;
    }
  }
}
