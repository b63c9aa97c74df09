import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const PRODUCT_NAME = 'Relay Station';
export const DATABASE_FILE_NAME = 'station.sqlite';

/**
 * Where the station keeps its data unless told otherwise, computed the same way for the desktop app, the
 * CLI and the station host so that they all find the same database. On Windows that is the local
 * (non-roaming) application data folder: with roaming profiles, `%APPDATA%` is copied to the profile
 * server, database and key file included. A station that already keeps its database in the roaming folder
 * (from an earlier version) goes on using it until an administrator moves it.
 */
export function defaultUserDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
  exists: (path: string) => boolean = existsSync,
): string {
  if (platform === 'win32') {
    const local = join(env.LOCALAPPDATA ?? join(home, 'AppData', 'Local'), PRODUCT_NAME);
    const roaming = join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
    const onlyRoamingHasData = !exists(join(local, DATABASE_FILE_NAME)) && exists(join(roaming, DATABASE_FILE_NAME));
    return onlyRoamingHasData ? roaming : local;
  }
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), PRODUCT_NAME);
}

/** Every file the station writes lives here: `RELAY_DATA_DIR` when set, else the default data folder above. */
export function resolveDataDir(env: NodeJS.ProcessEnv = process.env, userDataDir = defaultUserDataDir()): string {
  const fromEnv = env.RELAY_DATA_DIR?.trim();
  return fromEnv ? fromEnv : userDataDir;
}
