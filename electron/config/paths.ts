import { homedir } from 'node:os';
import { join } from 'node:path';

export const PRODUCT_NAME = 'Relay Station';
export const DATABASE_FILE_NAME = 'station.sqlite';

/**
 * Where Electron keeps user data for this app (`app.getPath('userData')`), computed the same way so the
 * CLI and the station host find the desktop app's database.
 */
export function defaultUserDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), PRODUCT_NAME);
}

/** Every file the station writes lives here: `RELAY_DATA_DIR` when set, else the user-data folder. */
export function resolveDataDir(env: NodeJS.ProcessEnv = process.env, userDataDir = defaultUserDataDir()): string {
  const fromEnv = env.RELAY_DATA_DIR?.trim();
  return fromEnv ? fromEnv : userDataDir;
}
