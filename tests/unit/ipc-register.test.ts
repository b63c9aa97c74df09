import { describe, expect, it, vi } from 'vitest';
import { STATION_IPC_CHANNEL } from '../../shared/contract/transport';
import type { Dispatch } from '../../electron/ipc/dispatch';
import { registerIpc, type IpcEventLike, type IpcMainLike } from '../../electron/ipc/register';
import { isTrustedUrl } from '../../electron/shell/window-policy';

type Listener = (event: IpcEventLike, ...args: unknown[]) => Promise<unknown>;

function fakeIpcMain() {
  const listeners = new Map<string, Listener>();
  const ipcMain: IpcMainLike = {
    handle(channel, listener) {
      if (listeners.has(channel)) throw new Error(`second handler for ${channel}`);
      listeners.set(channel, listener);
    },
  };
  const invoke = (senderUrl: string | null, ...args: unknown[]): Promise<unknown> => {
    const listener = listeners.get(STATION_IPC_CHANNEL);
    if (!listener) throw new Error('nothing registered');
    return listener({ senderFrame: senderUrl === null ? null : { url: senderUrl }, sender: { id: 7 } }, ...args);
  };
  return { ipcMain, listeners, invoke };
}

function setUp() {
  const dispatch = vi.fn<Dispatch>(async () => ({ ok: true, data: 'dispatched' }));
  const fake = fakeIpcMain();
  registerIpc(fake.ipcMain, dispatch, isTrustedUrl);
  return { dispatch, ...fake };
}

const unauthorized = { ok: false, error: { code: 'unauthorized' } };

describe('registerIpc', () => {
  it('listens on the station channel only', () => {
    const { listeners } = setUp();
    expect([...listeners.keys()]).toEqual([STATION_IPC_CHANNEL]);
  });

  it('dispatches a call from the station page with its name and input', async () => {
    const { dispatch, invoke } = setUp();
    const input = { name: '张三', message: 'thank you' };
    await expect(invoke('app://station/index.html', 'visitor:signIn', input)).resolves.toEqual({
      ok: true,
      data: 'dispatched',
    });
    expect(dispatch).toHaveBeenCalledTimes(1);
    expect(dispatch).toHaveBeenCalledWith('visitor:signIn', input, { sessionKey: 'ipc:7' });
  });

  it('refuses a call from another origin without dispatching it', async () => {
    const { dispatch, invoke } = setUp();
    for (const url of ['https://evil.example/', 'app://evil/index.html', 'file:///tmp/page.html', 'about:blank']) {
      await expect(invoke(url, 'station:get', undefined)).resolves.toMatchObject(unauthorized);
    }
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('refuses a call whose sender frame is gone', async () => {
    const { dispatch, invoke } = setUp();
    await expect(invoke(null, 'station:get', undefined)).resolves.toMatchObject(unauthorized);
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('asks the trust check about the sender frame URL', async () => {
    const dispatch = vi.fn<Dispatch>(async () => ({ ok: true, data: null }));
    const isTrusted = vi.fn((url: string) => url === 'app://station/');
    const fake = fakeIpcMain();
    registerIpc(fake.ipcMain, dispatch, isTrusted);
    await fake.invoke('app://station/', 'station:get', undefined);
    expect(isTrusted).toHaveBeenCalledWith('app://station/');
    expect(dispatch).toHaveBeenCalledWith('station:get', undefined, { sessionKey: 'ipc:7' });
  });
});
