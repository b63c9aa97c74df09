import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  safeStorage,
  session,
  type Session,
  type WebContents,
} from 'electron';
import { openStation, type OpenStation } from './app/open-station';
import { resolveDataDir } from './config/paths';
import { SealedFileKeyStore, type KeyStore } from './security/key-store';
import { registerIpc } from './ipc/register';
import { createAppProtocolHandler } from './shell/app-protocol';
import { describeStartupFailure } from './app/startup-errors';
import { PRINT_IPC_CHANNEL, type PrintOutcome } from '../shared/contract/transport';
import { acceptPrintRequest, printOptions, type AcceptedPrint } from './shell/printing';
import { APP_SCHEME, isTrustedUrl, shouldRunAsKiosk, START_URL, windowOptions } from './shell/window-policy';

/**
 * The Electron shell: lifecycle, the window and the hardening around it. Every decision that does not
 * need Electron lives in ./shell and is unit tested there.
 */

// Every renderer runs in Chromium's sandbox, including any a later change forgets to configure.
app.enableSandbox();

// Must happen before 'ready'. A standard, secure scheme gives the renderer a real origin for CSP and
// 'self', without the file:// origin that would expose the whole disk.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
]);

let station: OpenStation | null = null;
let mainWindow: BrowserWindow | null = null;

function denyAllPermissions(target: Session): void {
  // The station needs no camera, microphone, location, notifications or the like; nothing is granted.
  target.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  target.setPermissionCheckHandler(() => false);
}

function lockDown(contents: WebContents): void {
  // A page that could navigate away would keep the preload's bridge; keep every frame on the station.
  const stayHome = (event: { url: string; preventDefault(): void }): void => {
    if (!isTrustedUrl(event.url)) event.preventDefault();
  };
  contents.on('will-navigate', stayHome);
  contents.on('will-frame-navigate', stayHome);
  contents.on('will-redirect', stayHome);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

async function createWindow(openedStation: OpenStation): Promise<BrowserWindow> {
  const recorded = await openedStation.services.station.get();
  const kiosk = shouldRunAsKiosk(process.argv, recorded?.kind);
  // Without a menu there are no accelerators to reload or open developer tools behind the public's back.
  if (kiosk) Menu.setApplicationMenu(null);

  const window = new BrowserWindow(
    windowOptions({
      kiosk,
      preloadPath: join(app.getAppPath(), 'dist', 'electron', 'preload.cjs'),
      allowDevTools: !app.isPackaged,
    }),
  );
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  await window.loadURL(START_URL);
  return window;
}

/** Saves the PDF where the person chooses, or prints it from a hidden window through Chromium's PDF viewer. */
async function printPdf(request: AcceptedPrint): Promise<PrintOutcome> {
  if (request.mode === 'save') {
    const options = { defaultPath: request.fileName, filters: [{ name: 'PDF', extensions: ['pdf'] }] };
    const choice = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
    if (choice.canceled || !choice.filePath) return 'cancelled';
    await writeFile(choice.filePath, request.pdf);
    return 'saved';
  }
  const receiptPrinter = (await station?.services.settings.receiptPrinter()) ?? null;
  const folder = await mkdtemp(join(tmpdir(), 'relay-print-'));
  const file = join(folder, request.fileName);
  const window = new BrowserWindow({ show: false, webPreferences: { sandbox: true, contextIsolation: true, plugins: true } });
  try {
    await writeFile(file, request.pdf, { mode: 0o600 });
    await window.loadFile(file);
    return await new Promise<PrintOutcome>((resolve) => {
      window.webContents.print(printOptions(request.mode === 'silent' ? 'silent' : 'dialog', receiptPrinter), (success, reason) =>
        resolve(success ? 'printed' : reason === 'cancelled' ? 'cancelled' : 'failed'),
      );
    });
  } finally {
    window.destroy();
    // The PDF holds personal data: it does not outlive the print job.
    await rm(folder, { recursive: true, force: true });
  }
}

/**
 * The data key, sealed by the operating system's key store (DPAPI, Keychain, Secret Service). Where
 * there is none, or only Electron's fixed-password fallback on Linux, the owner-only key file is used.
 */
function osSealedKeyStore(dataDir: string): KeyStore | undefined {
  if (!safeStorage.isEncryptionAvailable()) return undefined;
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return undefined;
  return new SealedFileKeyStore(join(dataDir, 'station.key.sealed'), {
    seal: (plain) => safeStorage.encryptString(plain.toString('base64')),
    unseal: (sealed) => Buffer.from(safeStorage.decryptString(sealed), 'base64'),
  });
}

/** Set when the station could not start, so the process reports failure once the database is closed. */
let exitCode = 0;

async function start(): Promise<void> {
  const dataDir = resolveDataDir(process.env, app.getPath('userData'));
  try {
    // Packaged, the fonts are extra resources (electron-builder.yml); unpacked, where `npm run fonts` put them.
    const fontsDir = app.isPackaged ? join(process.resourcesPath, 'fonts') : join(app.getAppPath(), 'resources', 'fonts');
    station = await openStation({ dataDir, keyStore: osSealedKeyStore(dataDir), fontsDir });
    denyAllPermissions(session.defaultSession);
    protocol.handle(APP_SCHEME, createAppProtocolHandler(join(app.getAppPath(), 'dist', 'renderer')));
    registerIpc(ipcMain, station.dispatch, isTrustedUrl);
    ipcMain.handle(PRINT_IPC_CHANNEL, async (event, raw: unknown): Promise<PrintOutcome> => {
      const request = isTrustedUrl(event.senderFrame?.url ?? '') ? acceptPrintRequest(raw) : null;
      return request === null ? 'failed' : printPdf(request);
    });
    mainWindow = await createWindow(station);
  } catch (error) {
    // A database from a newer version, a locked or unreadable file, a missing build: say so and stop,
    // rather than run without a database or leave a window that silently fails every call.
    const failure = describeStartupFailure(error, dataDir);
    dialog.showErrorBox(failure.title, failure.content);
    exitCode = 1;
    app.quit();
  }
}

if (!app.requestSingleInstanceLock()) {
  // Two processes on one SQLite file would each believe they own the outbox and the serial numbers.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('session-created', denyAllPermissions);
  app.on('web-contents-created', (_event, contents) => lockDown(contents));
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    // Hold the quit until the database is closed, so the WAL is checkpointed and nothing is cut short.
    event.preventDefault();
    const closing = station;
    station = null;
    void Promise.resolve(closing?.close())
      .catch((error: unknown) => console.error('[station] closing the database failed:', error))
      // app.exit skips the quit events, which have already run once.
      .finally(() => app.exit(exitCode));
  });

  void app.whenReady().then(start);
}
