import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultUserDataDir, resolveDataDir } from '../../electron/config/paths';

const windowsEnv = { APPDATA: 'C:/Users/wang/AppData/Roaming', LOCALAPPDATA: 'C:/Users/wang/AppData/Local' };
const nothingThere = () => false;

describe('the default data folder', () => {
  it('is the local, not the roaming, application data folder on Windows', () => {
    expect(defaultUserDataDir('win32', windowsEnv, 'C:/Users/wang', nothingThere)).toBe(join('C:/Users/wang/AppData/Local', 'Relay Station'));
    expect(defaultUserDataDir('win32', {}, 'C:/Users/wang', nothingThere)).toBe(join('C:/Users/wang', 'AppData', 'Local', 'Relay Station'));
  });

  it('stays in the roaming folder for a station whose database is already there, until it is moved', () => {
    const roamingDatabase = join('C:/Users/wang/AppData/Roaming', 'Relay Station', 'station.sqlite');
    expect(defaultUserDataDir('win32', windowsEnv, 'C:/Users/wang', (path) => path === roamingDatabase)).toBe(join('C:/Users/wang/AppData/Roaming', 'Relay Station'));
    const both = (path: string) => path.endsWith('station.sqlite');
    expect(defaultUserDataDir('win32', windowsEnv, 'C:/Users/wang', both)).toBe(join('C:/Users/wang/AppData/Local', 'Relay Station'));
  });

  it('is unchanged on Linux and macOS, and RELAY_DATA_DIR wins everywhere', () => {
    expect(defaultUserDataDir('linux', {}, '/home/wang', nothingThere)).toBe('/home/wang/.config/Relay Station');
    expect(defaultUserDataDir('darwin', {}, '/Users/wang', nothingThere)).toBe('/Users/wang/Library/Application Support/Relay Station');
    expect(resolveDataDir({ RELAY_DATA_DIR: ' /srv/relay ' }, 'ignored')).toBe('/srv/relay');
  });
});
