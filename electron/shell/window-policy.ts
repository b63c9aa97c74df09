import { isKioskKind, type StationKind } from '../../shared/domain/station';
import { PRODUCT_NAME } from '../config/paths';

/**
 * The decisions of the desktop shell that need no Electron: what the window looks like, which pages are
 * the station's own and when it runs as a kiosk. `electron/main.ts` only applies them.
 */

/** The privileged scheme the built renderer is served on; never `file://`, which would trust the whole disk. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'station';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const START_URL = `${APP_ORIGIN}/index.html`;

/** The command-line switch that forces kiosk mode whatever the station's kind. */
export const KIOSK_SWITCH = '--kiosk';

/**
 * True only for a page of the station itself. Anything else (another scheme, another host, a port,
 * credentials, an unparsable string) is untrusted: it may not call the station nor be navigated to.
 */
export function isTrustedUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/** Kiosk when asked for on the command line, or when the recorded station is a public kiosk. */
export function shouldRunAsKiosk(argv: readonly string[], stationKind: StationKind | null | undefined): boolean {
  if (argv.includes(KIOSK_SWITCH)) return true;
  return stationKind != null && isKioskKind(stationKind);
}

export interface WindowPolicyInput {
  kiosk: boolean;
  /** Absolute path of the bundled preload (`dist/electron/preload.cjs`). */
  preloadPath: string;
  /** Developer tools for staff windows of an unpackaged build only; never in a kiosk. */
  allowDevTools: boolean;
}

/** The subset of Electron's `BrowserWindowConstructorOptions` the station sets. */
export interface StationWindowOptions {
  title: string;
  width?: number;
  height?: number;
  minWidth?: number;
  minHeight?: number;
  kiosk: boolean;
  fullscreen: boolean;
  fullscreenable: boolean;
  autoHideMenuBar: boolean;
  show: boolean;
  backgroundColor: string;
  webPreferences: {
    preload: string;
    contextIsolation: true;
    sandbox: true;
    nodeIntegration: false;
    nodeIntegrationInWorker: false;
    nodeIntegrationInSubFrames: false;
    webSecurity: true;
    allowRunningInsecureContent: false;
    experimentalFeatures: false;
    webviewTag: false;
    navigateOnDragDrop: false;
    safeDialogs: true;
    spellcheck: false;
    devTools: boolean;
  };
}

/**
 * Window options for the station. The web preferences are the same in both modes and spell out every
 * item of Electron's security checklist, even where it is the default, so a default changing in a later
 * Electron cannot loosen them.
 */
export function windowOptions(input: WindowPolicyInput): StationWindowOptions {
  const webPreferences = {
    preload: input.preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    devTools: input.allowDevTools && !input.kiosk,
  } as const;
  const common = {
    title: PRODUCT_NAME,
    autoHideMenuBar: true,
    // Shown on 'ready-to-show', so the public never sees an empty white frame.
    show: false,
    backgroundColor: '#ffffff',
  };
  if (input.kiosk) {
    return { ...common, kiosk: true, fullscreen: true, fullscreenable: true, webPreferences };
  }
  return {
    ...common,
    width: 1280,
    height: 860,
    minWidth: 960,
    minHeight: 640,
    kiosk: false,
    fullscreen: false,
    fullscreenable: true,
    webPreferences,
  };
}
