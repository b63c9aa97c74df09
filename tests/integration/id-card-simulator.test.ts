import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseCardBlock } from '../../electron/idcard/card-layout';
import { ReaderSimulator, writeSampleCards, type ListeningSimulator } from '../../electron/idcard/reader-simulator';
import { sampleCardBlock } from '../../electron/idcard/sample-cards';
import { SimulatedReader } from '../../electron/idcard/simulated-reader';
import { exchangeLine, parseSimulatorAddress } from '../../electron/idcard/simulator-protocol';
import { makeTempDir } from '../fixtures/temp-station';

const TODAY = new Date(2026, 11, 6);
const running: ListeningSimulator[] = [];
const folders: Array<{ remove(): void }> = [];

afterEach(async () => {
  for (const simulator of running.splice(0)) await simulator.close();
  for (const folder of folders.splice(0)) folder.remove();
});

async function start(simulator: ReaderSimulator, address = '127.0.0.1:0'): Promise<ListeningSimulator> {
  const listening = await simulator.listen(address);
  running.push(listening);
  return listening;
}

describe('the simulated reader', () => {
  it('writes byte-exact sample cards into its folder, and places them by name or by file', async () => {
    const folder = makeTempDir('relay-idcard-cards-');
    folders.push(folder);
    const names = writeSampleCards(folder.dir);
    expect(names).toEqual(expect.arrayContaining(['resident', 'permit', 'foreigner-2017', 'foreigner-2023', 'resident-expired', 'unknown-kind']));
    expect(readFileSync(join(folder.dir, 'permit.bin'))).toEqual(sampleCardBlock('permit'));
    const simulator = new ReaderSimulator(folder.dir);
    expect(simulator.cardNames()).toEqual([...names].sort());
    expect(simulator.answer('place permit')).toBe('OK placed permit');
    expect(simulator.answer(`place ${join(folder.dir, 'foreigner-2017.bin')}`)).toMatch(/^OK placed/);
    expect(simulator.answer('place nobody')).toBe('ERR no card named nobody');
    expect(simulator.answer('dance')).toBe('ERR unknown command: dance');
  });

  it('serves the station over loopback TCP: place, read, lift, fail, unplug', async () => {
    const simulator = new ReaderSimulator();
    const { address } = await start(simulator);
    const endpoint = parseSimulatorAddress(address);
    const reader = new SimulatedReader(address);
    expect(await reader.attempt()).toEqual({ outcome: 'no_card' });
    expect(await exchangeLine(endpoint, 'place resident')).toBe('OK placed resident');
    const attempt = await reader.attempt();
    expect(attempt.outcome === 'card' && parseCardBlock(attempt.block, TODAY)).toMatchObject({ outcome: 'valid', fields: { documentNumber: '110101199001011237' } });
    expect(await exchangeLine(endpoint, 'fail')).toBe('OK failing');
    expect(await reader.attempt()).toEqual({ outcome: 'failed', code: 0x41 });
    expect(await exchangeLine(endpoint, 'fail 64')).toBe('OK failing');
    expect(await reader.attempt()).toEqual({ outcome: 'unsupported', code: 0x40 });
    expect(await exchangeLine(endpoint, 'unplug')).toBe('OK unplugged');
    expect(await reader.attempt()).toEqual({ outcome: 'unavailable', reason: 'port_unavailable' });
    expect(await exchangeLine(endpoint, 'plug')).toBe('OK plugged');
    expect(await exchangeLine(endpoint, 'lift')).toBe('OK lifted');
    expect(await exchangeLine(endpoint, 'status')).toBe('OK no card');
    expect(await reader.attempt()).toEqual({ outcome: 'no_card' });
    expect(simulator.readCount()).toBe(1);
  });

  it('serves over a Unix socket too', async () => {
    const folder = makeTempDir('relay-idcard-sock-');
    folders.push(folder);
    const path = join(folder.dir, 'reader.sock');
    const simulator = new ReaderSimulator();
    await start(simulator, path);
    expect(existsSync(path)).toBe(true);
    simulator.place('foreigner-2017');
    const attempt = await new SimulatedReader(path).attempt();
    expect(attempt.outcome === 'card' && parseCardBlock(attempt.block, TODAY)).toMatchObject({ outcome: 'valid', fields: { documentKind: 'foreign_permanent_2017' } });
  });

  it('is "no reader" when nothing listens or the address is not one', async () => {
    const simulator = new ReaderSimulator();
    const { address, close } = await start(simulator);
    await close();
    running.splice(0);
    expect(await new SimulatedReader(address).attempt()).toEqual({ outcome: 'unavailable', reason: 'simulator_unreachable' });
    expect(await new SimulatedReader(address).open()).toEqual({ ok: false, reason: 'simulator_unreachable' });
    expect(await new SimulatedReader('not an address').attempt()).toEqual({ outcome: 'unavailable', reason: 'simulator_unreachable' });
  });
});
