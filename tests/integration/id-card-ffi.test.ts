import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import koffi from 'koffi';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseCardBlock } from '../../electron/idcard/card-layout';
import { CardPoller } from '../../electron/idcard/card-poller';
import { SdtapiReader } from '../../electron/idcard/sdtapi-reader';
import { sampleCardBlock } from '../../electron/idcard/sample-cards';
import { TermbReader } from '../../electron/idcard/termb-reader';
import { makeTempDir } from '../fixtures/temp-station';

/**
 * The real FFI path: a stand-in vendor library (tests/fixtures/fake-idcard-reader.c) compiled here with
 * the system's C compiler, loaded through the station's own adapters with koffi, serving cards from files.
 */

const folder = makeTempDir('relay-idcard-ffi-');
const source = join(import.meta.dirname, '..', 'fixtures', 'fake-idcard-reader.c');
const portStyle = join(folder.dir, 'libfake-reader.so');
const pathStyle = join(folder.dir, 'libfake-reader-100ud.so');
const TODAY = new Date(2026, 11, 6);

/** The test's handle on one compiled library's controls (the same loaded copy the adapter uses). */
function controls(path: string) {
  const lib = koffi.load(path);
  return {
    setCardFile: lib.func('void fake_set_card_file(const char *path)') as (path: string) => void,
    setFieldsFile: lib.func('void fake_set_fields_file(const char *path)') as (path: string) => void,
    setPort: lib.func('void fake_set_port(int port)') as (port: number) => void,
    setFail: lib.func('void fake_set_fail(int step, int code)') as (step: number, code: number) => void,
    setDelay: lib.func('void fake_set_delay_ms(int ms)') as (ms: number) => void,
    maxConcurrent: lib.func('int fake_max_concurrent(void)') as () => number,
    reads: lib.func('int fake_reads(void)') as () => number,
  };
}

let fake: ReturnType<typeof controls>;
let fake100ud: ReturnType<typeof controls>;
const cardFile = join(folder.dir, 'card.bin');
const fieldsFile = join(folder.dir, 'fields.txt');

/** The GetPeople* lines in GBK, as a Windows termb.dll hands them out. */
function writeGbkFields(lines: string[]): void {
  writeFileSync(fieldsFile, execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GBK'], { input: `${lines.join('\n')}\n` }));
}

beforeAll(() => {
  execFileSync('cc', ['-shared', '-fPIC', '-o', portStyle, source]);
  execFileSync('cc', ['-shared', '-fPIC', '-DFAKE_TERMB_PATH_STYLE', '-o', pathStyle, source]);
  fake = controls(portStyle);
  fake100ud = controls(pathStyle);
});

afterAll(() => {
  folder.remove();
});

beforeEach(() => {
  for (const lib of [fake, fake100ud]) {
    lib.setCardFile('');
    lib.setFieldsFile('');
    lib.setPort(1001);
    lib.setFail(0, 0);
    lib.setDelay(0);
  }
});

describe('the sdtapi adapter on a compiled library', () => {
  it('finds the reader on the first USB port that answers, reads the 256-byte block and closes the port', async () => {
    fake.setPort(1003);
    const reader = new SdtapiReader(portStyle, null);
    expect(await reader.open()).toEqual({ ok: true, port: 1003 });
    expect(await reader.attempt()).toEqual({ outcome: 'no_card' });
    writeFileSync(cardFile, sampleCardBlock('foreigner-2023'));
    fake.setCardFile(cardFile);
    const attempt = await reader.attempt();
    expect(attempt.outcome).toBe('card');
    if (attempt.outcome !== 'card') return;
    expect(attempt.block).toHaveLength(256);
    expect(parseCardBlock(attempt.block, TODAY)).toMatchObject({ outcome: 'valid', fields: { documentKind: 'foreign_permanent_2023' } });
    await reader.close();
  });

  it('maps the return codes: select and read failures, an unknown card type, a port lost', async () => {
    writeFileSync(cardFile, sampleCardBlock('resident'));
    fake.setCardFile(cardFile);
    const reader = new SdtapiReader(portStyle, 1001);
    fake.setFail(2, 0x81);
    expect(await reader.attempt()).toEqual({ outcome: 'failed', code: 0x81 });
    fake.setFail(3, 0x41);
    expect(await reader.attempt()).toEqual({ outcome: 'failed', code: 0x41 });
    fake.setFail(3, 0x40);
    expect(await reader.attempt()).toEqual({ outcome: 'unsupported', code: 0x40 });
    fake.setFail(0, 0);
    fake.setPort(0);
    expect(await reader.attempt()).toEqual({ outcome: 'unavailable', reason: 'port_unavailable' });
    // Plugged in again: the port is opened anew on the next attempt.
    fake.setPort(1001);
    expect((await reader.attempt()).outcome).toBe('card');
    await reader.close();
  });

  it('answers "no reader" for a missing library, a relative path, or a library without the SDT_ exports', async () => {
    expect(await new SdtapiReader(join(folder.dir, 'absent.so'), null).open()).toEqual({ ok: false, reason: 'library_missing' });
    expect(await new SdtapiReader('libfake-reader.so', null).open()).toEqual({ ok: false, reason: 'library_missing' });
    expect(await new SdtapiReader(null, null).attempt()).toEqual({ outcome: 'unavailable', reason: 'library_missing' });
    const notAReader = join(folder.dir, 'libother.so');
    writeFileSync(join(folder.dir, 'other.c'), 'int something(void) { return 1; }\n');
    execFileSync('cc', ['-shared', '-fPIC', '-o', notAReader, join(folder.dir, 'other.c')]);
    expect(await new SdtapiReader(notAReader, null).open()).toEqual({ ok: false, reason: 'library_unusable' });
    fake.setPort(0);
    expect(await new SdtapiReader(portStyle, 1001).open()).toEqual({ ok: false, reason: 'port_unavailable' });
  });

  it('keeps the event loop running during a slow read, and lets one read into the library at a time', async () => {
    writeFileSync(cardFile, sampleCardBlock('resident'));
    fake.setCardFile(cardFile);
    fake.setDelay(300);
    const reader = new SdtapiReader(portStyle, 1001);
    let now = 0;
    const poller = new CardPoller(reader, { now: () => now, today: () => TODAY });
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 20);
    const before = fake.reads();
    const first = poller.poll();
    const during = await Promise.all([poller.poll(), poller.poll()]);
    now += 1000;
    const answer = await first;
    clearInterval(timer);
    expect(during).toEqual([{ state: 'reading' }, { state: 'reading' }]);
    expect(answer).toMatchObject({ state: 'read', card: { documentNumber: '110101199001011237' } });
    // The timer kept firing while the library slept on its worker thread.
    expect(ticks).toBeGreaterThanOrEqual(5);
    expect(fake.reads() - before).toBe(1);
    expect(fake.maxConcurrent()).toBe(1);
    await poller.close();
  });
});

describe('the termb adapter on a compiled library', () => {
  const resident = ['李建华', '男', '汉', '19900101', '110101199001011237', '20200115', '20400115', ' '];

  it('reads the GetPeople* fields in GBK (Windows-style CVR_InitComm(port)), dropping the trailing NUL of the number', async () => {
    writeGbkFields(resident);
    fake.setFieldsFile(fieldsFile);
    const reader = new TermbReader(portStyle, 1001, 'linux');
    const attempt = await reader.attempt();
    expect(attempt.outcome).toBe('card');
    if (attempt.outcome !== 'card') return;
    expect(parseCardBlock(attempt.block, TODAY)).toEqual({
      outcome: 'valid',
      fields: {
        documentKind: 'resident_id',
        documentNumber: '110101199001011237',
        name: '李建华',
        latinName: null,
        sex: 'male',
        birthDate: '1990-01-01',
        ethnicGroup: '01',
        validUntil: '2040-01-15',
      },
    });
    await reader.close();
  });

  it("uses lib100UD.so's CVR_InitComm(path, protocol) and CVR_AuthenticateForNoJudge when the library has them", async () => {
    writeGbkFields(['陈嘉欣', '女', '', '1992年03月04日', '810000199203040021', '2022.08.01', '2027.08.01', 'J']);
    fake100ud.setFieldsFile(fieldsFile);
    const reader = new TermbReader(pathStyle, null, 'linux');
    expect(await reader.open()).toEqual({ ok: true, port: null });
    const attempt = await reader.attempt();
    expect(attempt.outcome === 'card' && parseCardBlock(attempt.block, TODAY)).toMatchObject({
      outcome: 'valid',
      fields: { documentKind: 'residence_permit', sex: 'female', birthDate: '1992-03-04' },
    });
    await reader.close();
  });

  it('maps CVR_Authenticate: 2 is no card, 3 a failed select, 0 a reader gone', async () => {
    const reader = new TermbReader(portStyle, 1001, 'linux');
    expect(await reader.attempt()).toEqual({ outcome: 'no_card' });
    writeGbkFields(resident);
    fake.setFieldsFile(fieldsFile);
    fake.setFail(1, 3);
    expect(await reader.attempt()).toEqual({ outcome: 'failed', code: 3 });
    fake.setFail(3, 0);
    fake.setFail(1, 0);
    fake.setFail(3, 99);
    expect(await reader.attempt()).toEqual({ outcome: 'failed', code: 99 });
    fake.setFail(0, 0);
    fake.setPort(0);
    expect(await reader.attempt()).toEqual({ outcome: 'unavailable', reason: 'port_unavailable' });
    await reader.close();
    expect(await new TermbReader(join(folder.dir, 'absent.so'), null).open()).toEqual({ ok: false, reason: 'library_missing' });
  });
});
