import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { resolveDataDir } from '../electron/config/paths';
import { describeStartupFailure } from '../electron/app/startup-errors';
import { runStationHost, stopOnSignals } from '../electron/host/run';

/**
 * `npm start`: the desktop app when the Electron binary is installed; otherwise the very same renderer
 * and handlers through the loopback station host, in Chromium's app mode when there is a display.
 */

const projectRoot = join(import.meta.dirname, '..');
const CHROMIUM = '/usr/bin/chromium';

/** Path of the Electron binary, or null when the electron package was installed without it. */
function electronBinary(): string | null {
  try {
    // The electron package exports the binary's path and throws when the binary was not downloaded.
    const binary: unknown = createRequire(import.meta.url)('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

function npmRun(script: string): void {
  const result = spawnSync('npm', ['run', '-s', script], {
    cwd: projectRoot,
    stdio: 'inherit',
    // npm is a .cmd on Windows, which only a shell can start.
    shell: process.platform === 'win32',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function runElectron(binary: string): void {
  npmRun('build');
  const env = { ...process.env };
  // Inherited from a parent Electron tool, this would start the binary as plain Node.
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(binary, [projectRoot, ...process.argv.slice(2)], { stdio: 'inherit', env });
  // Ctrl-C reaches Electron directly (same process group) and it quits cleanly; wait for it here
  // instead of dying first. A SIGTERM sent to this process alone is passed on.
  process.on('SIGINT', () => undefined);
  process.on('SIGTERM', () => child.kill('SIGTERM'));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

function openChromium(url: string, dataDir: string): ChildProcess | null {
  const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  if (!hasDisplay || !existsSync(CHROMIUM)) return null;
  const child = spawn(
    CHROMIUM,
    [
      `--app=${url}`,
      // A profile of its own, next to the station's data, keeps the tab's token and storage out of the user's browser.
      `--user-data-dir=${join(dataDir, 'browser-profile')}`,
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    { stdio: 'ignore' },
  );
  child.on('error', (error) => console.error(`could not start ${CHROMIUM}: ${error.message}`));
  return child;
}

async function runHost(): Promise<void> {
  console.log('The Electron binary is not installed here, so the same app is served by the station host.');
  npmRun('build:renderer');
  const dataDir = resolveDataDir();
  const running = await runStationHost({ staticRoot: join(projectRoot, 'dist', 'renderer'), dataDir });
  // A one-time launch address, never the token: Chromium's command line can be read by other local users.
  const launchUrl = running.host.issueLaunchUrl();
  const printLaunchUrl = () => console.log(`Relay Station (this address opens once): ${launchUrl}`);
  const browser = openChromium(launchUrl, dataDir);
  if (browser) {
    console.log(`Relay Station: ${running.host.origin} (opened in Chromium)`);
    browser.once('error', printLaunchUrl);
  } else {
    printLaunchUrl();
  }
  console.log(`data folder: ${running.station.dataDir}`);
  stopOnSignals(async () => {
    browser?.kill();
    await running.stop();
  });
}

const binary = electronBinary();
if (binary) {
  runElectron(binary);
} else {
  runHost().catch((error: unknown) => {
    console.error(describeStartupFailure(error, resolveDataDir()).content);
    process.exit(1);
  });
}
