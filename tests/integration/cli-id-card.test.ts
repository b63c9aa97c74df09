import { afterEach, describe, expect, it } from 'vitest';
import { openStation } from '../../electron/app/open-station';
import { ReaderSimulator, type ListeningSimulator } from '../../electron/idcard/reader-simulator';
import { cliFoldersPerTest, runCli, runCliAsync } from '../fixtures/cli';

const folders = cliFoldersPerTest();
let listening: ListeningSimulator | null = null;

afterEach(async () => {
  await listening?.close();
  listening = null;
});

describe('cli id-card-reader', () => {
  it('shows no reader at first, points the station at the simulator (audited) and tries it', async () => {
    const dir = await folders.setUp();
    expect(JSON.parse(runCli(dir, ['id-card-reader'], { lang: 'en_US.UTF-8' }).stdout)).toEqual({ kind: 'none', libraryPath: null, port: null, simulatorAddress: null });
    const simulator = new ReaderSimulator();
    listening = await simulator.listen('127.0.0.1:0');
    simulator.place('resident');
    const tried = await runCliAsync(dir, ['id-card-reader', '--kind', 'simulated', '--simulator', listening.address, '--test'], { lang: 'en_US.UTF-8' });
    expect(tried.code, tried.stderr).toBe(0);
    expect(JSON.parse(tried.stdout)).toEqual({
      settings: { kind: 'simulated', libraryPath: null, port: null, simulatorAddress: listening.address },
      test: { kind: 'simulated', state: 'read', port: null, documentKind: 'resident_id' },
    });
    expect(tried.stdout).not.toContain('110101199001011237');
    const station = await openStation({ dataDir: dir });
    try {
      const audited = station.connection.sqlite.prepare("select actor_role, action, object_id from audit_log where action in ('settings_change', 'id_card_read') order by seq").all();
      expect(audited).toEqual([
        { actor_role: 'system', action: 'settings_change', object_id: 'idCardReader' },
        { actor_role: 'system', action: 'id_card_read', object_id: null },
      ]);
    } finally {
      await station.close();
    }
  });

  it('refuses a vendor kind without a library path, naming the option, and a bad kind with exit code 2', async () => {
    const dir = await folders.setUp();
    const noLibrary = runCli(dir, ['id-card-reader', '--kind', 'sdtapi'], { lang: 'en_US.UTF-8' });
    expect(noLibrary.code).not.toBe(0);
    expect(noLibrary.stderr).toContain('--library');
    const kind = runCli(dir, ['id-card-reader', '--kind', 'usb'], { lang: 'en_US.UTF-8' });
    expect(kind.code).toBe(2);
    expect(kind.stderr).toContain('The reader kind must be one of none, sdtapi, termb, simulated, not “usb”.');
    const missing = runCli(dir, ['id-card-reader', '--kind', 'sdtapi', '--library', '/nonexistent/libsdtapi.so', '--port', '1001', '--test'], { lang: 'en_US.UTF-8' });
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stdout).test).toEqual({ kind: 'sdtapi', state: 'no_reader', reason: 'library_missing', port: null });
  });
});
