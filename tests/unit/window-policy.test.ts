import { describe, expect, it } from 'vitest';
import {
  APP_ORIGIN,
  START_URL,
  isTrustedUrl,
  shouldRunAsKiosk,
  windowOptions,
  type WindowPolicyInput,
} from '../../electron/shell/window-policy';

const PRELOAD = '/opt/relay-station/resources/app.asar/dist/electron/preload.cjs';

function options(overrides: Partial<WindowPolicyInput> = {}) {
  return windowOptions({ kiosk: false, preloadPath: PRELOAD, allowDevTools: false, ...overrides });
}

describe('windowOptions: web preferences', () => {
  for (const kiosk of [false, true]) {
    describe(kiosk ? 'kiosk window' : 'staff window', () => {
      const prefs = options({ kiosk }).webPreferences;

      it('loads the bundled preload', () => expect(prefs.preload).toBe(PRELOAD));
      it('isolates the preload from the page', () => expect(prefs.contextIsolation).toBe(true));
      it('runs the renderer in the sandbox', () => expect(prefs.sandbox).toBe(true));
      it('gives the page no Node', () => expect(prefs.nodeIntegration).toBe(false));
      it('gives workers no Node', () => expect(prefs.nodeIntegrationInWorker).toBe(false));
      it('gives subframes no Node', () => expect(prefs.nodeIntegrationInSubFrames).toBe(false));
      it('keeps the same-origin policy', () => expect(prefs.webSecurity).toBe(true));
      it('refuses insecure content', () => expect(prefs.allowRunningInsecureContent).toBe(false));
      it('enables no experimental features', () => expect(prefs.experimentalFeatures).toBe(false));
      it('disables <webview>', () => expect(prefs.webviewTag).toBe(false));
      it('does not navigate to dropped files', () => expect(prefs.navigateOnDragDrop).toBe(false));
      it('lets dialogs be suppressed', () => expect(prefs.safeDialogs).toBe(true));
      it('sends no text to a spellchecker', () => expect(prefs.spellcheck).toBe(false));
      it('has no developer tools unless allowed', () => expect(prefs.devTools).toBe(false));
    });
  }

  it('allows developer tools for a staff window of a development build', () => {
    expect(options({ allowDevTools: true }).webPreferences.devTools).toBe(true);
  });

  it('never allows developer tools in a kiosk', () => {
    expect(options({ kiosk: true, allowDevTools: true }).webPreferences.devTools).toBe(false);
  });
});

describe('windowOptions: kiosk and staff', () => {
  it('locks a kiosk full screen without a menu bar', () => {
    const kiosk = options({ kiosk: true });
    expect(kiosk.kiosk).toBe(true);
    expect(kiosk.fullscreen).toBe(true);
    expect(kiosk.autoHideMenuBar).toBe(true);
    expect(kiosk.width).toBeUndefined();
  });

  it('opens a staff window at a desk size', () => {
    const staff = options({ kiosk: false });
    expect(staff.kiosk).toBe(false);
    expect(staff.fullscreen).toBe(false);
    expect(staff.width).toBe(1280);
    expect(staff.height).toBe(860);
    expect(staff.autoHideMenuBar).toBe(true);
  });

  it('waits for the first paint before showing either', () => {
    expect(options({ kiosk: true }).show).toBe(false);
    expect(options({ kiosk: false }).show).toBe(false);
  });
});

describe('shouldRunAsKiosk', () => {
  const argv = ['/opt/relay-station/relay-station'];

  it('runs a memorial kiosk as a kiosk', () => {
    expect(shouldRunAsKiosk(argv, 'memorial_kiosk')).toBe(true);
  });

  it('runs staffed kinds in a normal window', () => {
    expect(shouldRunAsKiosk(argv, 'university_station')).toBe(false);
    expect(shouldRunAsKiosk(argv, 'education_base')).toBe(false);
  });

  it('runs a station not yet set up in a normal window, so staff can set it up', () => {
    expect(shouldRunAsKiosk(argv, null)).toBe(false);
    expect(shouldRunAsKiosk(argv, undefined)).toBe(false);
  });

  it('obeys --kiosk whatever the kind', () => {
    expect(shouldRunAsKiosk([...argv, '--kiosk'], 'university_station')).toBe(true);
    expect(shouldRunAsKiosk([...argv, '--kiosk'], null)).toBe(true);
  });

  it('does not take a look-alike switch for --kiosk', () => {
    expect(shouldRunAsKiosk([...argv, '--kiosk-printing'], null)).toBe(false);
    expect(shouldRunAsKiosk([...argv, 'kiosk'], null)).toBe(false);
  });
});

describe('isTrustedUrl', () => {
  it('trusts the station page and its routes', () => {
    expect(isTrustedUrl(START_URL)).toBe(true);
    expect(isTrustedUrl(`${APP_ORIGIN}/`)).toBe(true);
    expect(isTrustedUrl(`${APP_ORIGIN}/visitors?page=2#top`)).toBe(true);
  });

  it('rejects other schemes on the same host', () => {
    expect(isTrustedUrl('http://station/index.html')).toBe(false);
    expect(isTrustedUrl('https://station/index.html')).toBe(false);
    expect(isTrustedUrl('file:///station/index.html')).toBe(false);
    expect(isTrustedUrl('javascript:alert(1)')).toBe(false);
    expect(isTrustedUrl('data:text/html,<p>hi</p>')).toBe(false);
    expect(isTrustedUrl('about:blank')).toBe(false);
  });

  it('rejects other hosts on the app scheme', () => {
    expect(isTrustedUrl('app://evil')).toBe(false);
    expect(isTrustedUrl('app://evil/index.html')).toBe(false);
    expect(isTrustedUrl('app://station.evil/index.html')).toBe(false);
    expect(isTrustedUrl('app://evilstation/index.html')).toBe(false);
    expect(isTrustedUrl('app://station@evil/index.html')).toBe(false);
    expect(isTrustedUrl('app://station:8080/index.html')).toBe(false);
    expect(isTrustedUrl('app://user:pass@station/index.html')).toBe(false);
  });

  it('rejects web pages, the loopback host and garbage', () => {
    expect(isTrustedUrl('https://example.org/')).toBe(false);
    expect(isTrustedUrl('http://127.0.0.1:5173/')).toBe(false);
    expect(isTrustedUrl('')).toBe(false);
    expect(isTrustedUrl('station')).toBe(false);
    expect(isTrustedUrl('app:station')).toBe(false);
  });
});
