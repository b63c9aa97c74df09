import { beforeAll, describe, expect, it, vi } from 'vitest';
import { PRINT_IPC_CHANNEL, STATION_IPC_CHANNEL, type StationBridge, type StationPrinter } from '../../shared/contract/transport';

// The preload runs only inside Electron; here `electron` is replaced by recorders of what it is asked.
const { exposed, invoke } = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoke: vi.fn(async (..._args: unknown[]) => ({ ok: true, data: 'from main' })),
}));
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer: { invoke },
}));

let bridge: StationBridge;

beforeAll(async () => {
  await import('../../electron/preload');
  bridge = exposed.get('station') as StationBridge;
});

describe('preload', () => {
  it('exposes only window.station with a call function and window.stationPrinter with a print function', () => {
    expect([...exposed.keys()]).toEqual(['station', 'stationPrinter']);
    expect(Object.keys(bridge)).toEqual(['call']);
    expect(typeof bridge.call).toBe('function');
    expect(Object.keys(exposed.get('stationPrinter') as StationPrinter)).toEqual(['print']);
  });

  it('sends "print document X" on the print channel, without anything else a page adds to it (PDF bytes)', async () => {
    const printer = exposed.get('stationPrinter') as StationPrinter;
    const request = { source: 'receipt', documentId: 'doc-1', mode: 'silent' } as const;
    await printer.print({ ...request, contentBase64: 'JVBERi0=' } as typeof request);
    expect(invoke).toHaveBeenLastCalledWith(PRINT_IPC_CHANNEL, request);
  });

  it('sends a contract call on the station channel', async () => {
    await expect(bridge.call('station:get', undefined)).resolves.toEqual({ ok: true, data: 'from main' });
    expect(invoke).toHaveBeenLastCalledWith(STATION_IPC_CHANNEL, 'station:get', undefined);
  });

  it('rejects a name the contract does not declare without sending it', async () => {
    invoke.mockClear();
    await expect(bridge.call('registration:dropTables', {})).rejects.toThrow('unknown call');
    await expect(bridge.call('__proto__', {})).rejects.toThrow('unknown call');
    await expect(bridge.call(42 as unknown as string, {})).rejects.toThrow('unknown call');
    expect(invoke).not.toHaveBeenCalled();
  });
});
