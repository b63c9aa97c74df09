import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ReaderSimulator, type ListeningSimulator } from '../../electron/idcard/reader-simulator';
import type { CallOutput } from '../../shared/contract/calls';
import { signInStaffDesks } from '../fixtures/dispatch';
import { stationPerTest } from '../fixtures/station-per-test';
import { kioskCaller } from '../fixtures/temp-station';

const admin = { sessionKey: 'admin-desk' };
const registrarDesk = { sessionKey: 'registrar-desk' };
const { station, ok, refusalCode } = stationPerTest(admin);

let simulator: ReaderSimulator;
let listening: ListeningSimulator;

beforeEach(async () => {
  simulator = new ReaderSimulator();
  listening = await simulator.listen('127.0.0.1:0');
});
afterEach(async () => {
  await listening.close();
});

type Poll = CallOutput<'idCard:poll'>;

/** Polls at the kiosk as the identity step does, until the answer's state is `state` (or a few seconds pass). */
async function pollUntil(state: Poll['state']): Promise<Poll> {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const answer = await ok('idCard:poll', undefined, kioskCaller);
    if (answer.state === state) return answer;
    await sleep(320);
  }
  throw new Error(`the reader never answered ${state}`);
}

function auditRows(action: string): Array<{ actor_role: string; object_type: string; object_id: string | null; detail: string }> {
  return station()
    .connection.sqlite.prepare('select actor_role, object_type, object_id, detail from audit_log where action = ? order by seq')
    .all(action) as Array<{ actor_role: string; object_type: string; object_id: string | null; detail: string }>;
}

async function useSimulator(): Promise<void> {
  await ok('idCard:configure', { kind: 'simulated', libraryPath: null, port: null, simulatorAddress: listening.address });
}

describe('the ID-card calls', () => {
  it('answer unconfigured until a reader is set up, and no_reader while the simulator is down', async () => {
    expect(await ok('idCard:poll', undefined, kioskCaller)).toEqual({ state: 'unconfigured' });
    expect(await ok('idCard:test', undefined)).toEqual({ kind: 'none', state: 'unconfigured', port: null });
    await ok('idCard:configure', { kind: 'simulated', libraryPath: null, port: null, simulatorAddress: '127.0.0.1:9' });
    expect(await ok('idCard:poll', undefined, kioskCaller)).toEqual({ state: 'no_reader', reason: 'simulator_unreachable' });
  });

  it('read a card at the kiosk once, audit the read without the number or name, and wait for the card to be lifted', async () => {
    await useSimulator();
    expect(await pollUntil('waiting')).toEqual({ state: 'waiting' });
    simulator.place('resident');
    const read = await pollUntil('read');
    expect(read.card).toMatchObject({ documentKind: 'resident_id', documentNumber: '110101199001011237', name: '李建华', ethnicGroup: '01' });
    expect(await pollUntil('lift_card')).toEqual({ state: 'lift_card' });
    const audit = auditRows('id_card_read');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_role: 'kiosk', object_type: 'id_card', object_id: read.card!.readId });
    expect(JSON.parse(audit[0]!.detail)).toEqual({ reader: 'simulated', outcome: 'read', documentKind: 'resident_id' });
    const wholeTrail = JSON.stringify(station().connection.sqlite.prepare('select * from audit_log').all());
    expect(wholeTrail).not.toContain('110101199001011237');
    expect(wholeTrail).not.toContain('李建华');
    simulator.lift();
    expect(await pollUntil('waiting')).toEqual({ state: 'waiting' });
    expect(simulator.readCount()).toBe(1);
  });

  it('answer expired and failed cards with their reason, audited by outcome', async () => {
    await useSimulator();
    simulator.place('resident-expired');
    expect(await pollUntil('expired')).toEqual({ state: 'expired', expiredOn: '2025-06-01' });
    simulator.lift();
    await pollUntil('waiting');
    simulator.fail();
    expect(await pollUntil('failed')).toEqual({ state: 'failed', reason: 'read_failed' });
    expect(auditRows('id_card_read').map((row) => JSON.parse(row.detail) as object)).toEqual([
      { reader: 'simulated', outcome: 'expired', documentKind: 'resident_id' },
      { reader: 'simulated', outcome: 'failed', code: 0x41 },
    ]);
  });

  it('let staff unlock a read with a reason (audited), and refuse an unlock once the read is released', async () => {
    await signInStaffDesks(station(), admin, [{ role: 'registrar', desk: registrarDesk }]);
    await useSimulator();
    simulator.place('permit');
    const { card } = await pollUntil('read');
    const readId = card!.readId;
    const unlocked = await ok('idCard:unlock', { readId, reason: '  证件姓名已变更 ' }, registrarDesk);
    expect(unlocked.readId).toBe(readId);
    const [entry] = auditRows('id_card_unlock');
    expect(entry).toMatchObject({ actor_role: 'registrar', object_type: 'id_card', object_id: readId });
    expect(JSON.parse(entry!.detail)).toEqual({ documentKind: 'residence_permit', reason: '证件姓名已变更' });
    expect(await refusalCode('idCard:unlock', { readId, reason: '' }, registrarDesk)).toBe('validation_failed');
    expect(await ok('idCard:release', { readId }, kioskCaller)).toEqual({ released: true });
    expect(await ok('idCard:release', undefined, kioskCaller)).toEqual({ released: false });
    expect(await refusalCode('idCard:unlock', { readId, reason: '证件姓名已变更' }, registrarDesk)).toBe('not_found');
  });

  it('keep the reader settings for the administrator: a vendor kind needs an absolute library path; each change audited', async () => {
    expect(await ok('idCard:settings', undefined)).toEqual({ kind: 'none', libraryPath: null, port: null, simulatorAddress: null });
    expect(await refusalCode('idCard:configure', { kind: 'sdtapi', libraryPath: null, port: null, simulatorAddress: null })).toBe('validation_failed');
    expect(await refusalCode('idCard:configure', { kind: 'sdtapi', libraryPath: 'sdtapi.dll', port: null, simulatorAddress: null })).toBe('validation_failed');
    expect(await refusalCode('idCard:configure', { kind: 'termb', libraryPath: 'C:\\Reader\\termb.dll', port: 500, simulatorAddress: null })).toBe('validation_failed');
    expect(await refusalCode('idCard:configure', { kind: 'simulated', libraryPath: null, port: null, simulatorAddress: '10.0.0.5:47321' })).toBe('validation_failed');
    const saved = await ok('idCard:configure', { kind: 'termb', libraryPath: ' C:\\Program Files\\Reader\\termb.dll ', port: 1001, simulatorAddress: null });
    expect(saved).toEqual({ kind: 'termb', libraryPath: 'C:\\Program Files\\Reader\\termb.dll', port: 1001, simulatorAddress: null });
    // The library is not there on this machine: the reader is missing, and the test says why.
    expect(await ok('idCard:test', undefined)).toEqual({ kind: 'termb', state: 'no_reader', reason: 'library_missing', port: null });
    const changes = auditRows('settings_change').filter((row) => row.object_id === 'idCardReader');
    expect(changes).toHaveLength(1);
  });

  it('try the reader for the administrator without handing out any card data', async () => {
    await useSimulator();
    expect(await ok('idCard:test', undefined)).toEqual({ kind: 'simulated', state: 'waiting', port: null });
    simulator.place('foreigner-2017');
    const tried = await ok('idCard:test', undefined);
    expect(tried).toEqual({ kind: 'simulated', state: 'read', port: null, documentKind: 'foreign_permanent_2017' });
    expect(JSON.stringify(tried)).not.toContain('CAN310085070112');
  });
});
