import { writeFile } from 'node:fs/promises';
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
import { defaultUserDataDir, resolveDataDir } from './config/paths';
import { FileKeyStore, MigratingKeyStore, resolveKeyFile, SealedFileKeyStore, UnavailableSealedKeyStore, type KeyStore } from './security/key-store';
import { registerIpc, windowCaller } from './ipc/register';
import { createAppProtocolHandler } from './shell/app-protocol';
import { describeStartupFailure } from './app/startup-errors';
import { PRINT_IPC_CHANNEL, type PrintOutcome } from '../shared/contract/transport';
import { documentPrinterFor, type PrintDevice } from './shell/print-document';
import { PRINT_PARTITION, PRINT_SCHEME, PrintJobs } from './shell/print-jobs';
import { printOutcome } from './shell/printing';
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
  // The hidden print window's PDFs (electron/shell/print-jobs.ts): no fetch, no CORS, nothing but loading.
  { scheme: PRINT_SCHEME, privileges: { standard: true, secure: true } },
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

/** PDFs on their way to the hidden print window, never written to disk. */
const printJobs = new PrintJobs();

/**
 * Prints a PDF the station rendered from a hidden window through Chromium's PDF viewer, with the options
 * the print policy chose, or saves it where the person chooses. Which of these may happen is decided
 * in ./shell/print-policy.ts before anything is rendered.
 */
const printDevice: PrintDevice = {
  async print(pdf, options) {
    const job = printJobs.open(pdf);
    const window = new BrowserWindow({
      show: false,
      webPreferences: { sandbox: true, contextIsolation: true, plugins: true, session: session.fromPartition(PRINT_PARTITION) },
    });
    try {
      await window.loadURL(job.url);
      return await new Promise<PrintOutcome>((resolve) => {
        window.webContents.print(options, (success, reason) => resolve(printOutcome(success, reason)));
      });
    } finally {
      window.destroy();
      job.close();
    }
  },
  async save(pdf, fileName) {
    const options = { defaultPath: fileName, filters: [{ name: 'PDF', extensions: ['pdf'] }] };
    const choice = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
    if (choice.canceled || !choice.filePath) return 'cancelled';
    await writeFile(choice.filePath, pdf);
    return 'saved';
  },
};

/**
 * The data key, sealed by the operating system's key store (DPAPI, Keychain, Secret Service). Where
 * there is none, or only Electron's fixed-password fallback on Linux, the owner-only key file is used.
 * Which one a session gets can change (a keyring that appears, or stays locked): the key is looked for in
 * both, and moved into the sealed file when that becomes possible.
 */
function osSealedKeyStore(dataDir: string): KeyStore {
  const sealedPath = join(dataDir, 'station.key.sealed');
  const plain = new FileKeyStore(resolveKeyFile(process.env, dataDir));
  const sealing = safeStorage.isEncryptionAvailable() && !(process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text');
  if (!sealing) return new MigratingKeyStore(plain, new UnavailableSealedKeyStore(sealedPath));
  const sealed = new SealedFileKeyStore(sealedPath, {
    seal: (bytes) => safeStorage.encryptString(bytes.toString('base64')),
    unseal: (bytes) => Buffer.from(safeStorage.decryptString(bytes), 'base64'),
  });
  return new MigratingKeyStore(sealed, plain);
}

/** Set when the station could not start, so the process reports failure once the database is closed. */
let exitCode = 0;

async function start(): Promise<void> {
  // Not app.getPath('userData'): on Windows that is the roaming profile (see defaultUserDataDir).
  const dataDir = resolveDataDir(process.env, defaultUserDataDir());
  try {
    // Packaged, the fonts are extra resources (electron-builder.yml); unpacked, where `npm run fonts` put them.
    const fontsDir = app.isPackaged ? join(process.resourcesPath, 'fonts') : join(app.getAppPath(), 'resources', 'fonts');
    station = await openStation({ dataDir, keyStore: osSealedKeyStore(dataDir), fontsDir });
    denyAllPermissions(session.defaultSession);
    protocol.handle(APP_SCHEME, createAppProtocolHandler(join(app.getAppPath(), 'dist', 'renderer')));
    registerIpc(ipcMain, station.dispatch, isTrustedUrl);
    session.fromPartition(PRINT_PARTITION).protocol.handle(PRINT_SCHEME, printJobs.handle);
    const printDocument = documentPrinterFor(station, process.argv, printDevice);
    // Print document X, as the window's own session: the renderer never hands over PDF bytes.
    ipcMain.handle(PRINT_IPC_CHANNEL, async (event, raw: unknown) => {
      if (!isTrustedUrl(event.senderFrame?.url ?? '')) return { ok: false, error: { code: 'unauthorized', message: 'untrusted sender' } };
      return printDocument(raw, windowCaller(event));
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
