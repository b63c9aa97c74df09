import { STATION_IPC_CHANNEL } from '../../shared/contract/transport';
import type { CallerContext, Dispatch } from './dispatch';

/** The slice of Electron's `ipcMain` this module needs, so it can be tested without Electron. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => Promise<unknown>): void;
}

export interface IpcEventLike {
  senderFrame: { url: string } | null;
  /** The window's web contents; its id names the window's session. */
  sender: { id: number };
}

/** The caller a window's IPC message speaks for: one session per window (also for its prints, electron/main.ts). */
export function windowCaller(event: IpcEventLike): CallerContext {
  return { sessionKey: `ipc:${event.sender.id}` };
}

/**
 * Serves the contract on one IPC channel. A call from any frame that is not the station's own page
 * (an injected iframe, a navigated-away window) is refused before its input is even parsed.
 */
export function registerIpc(ipcMain: IpcMainLike, dispatch: Dispatch, isTrustedUrl: (url: string) => boolean): void {
  ipcMain.handle(STATION_IPC_CHANNEL, async (event, name, input) => {
    const url = event.senderFrame?.url ?? '';
    if (!isTrustedUrl(url)) {
      return { ok: false, error: { code: 'unauthorized', message: 'untrusted sender' } };
    }
    // One session per window: signing in at one window does not sign in another.
    return dispatch(name, input, windowCaller(event));
  });
}
