import { describe, expect, it } from 'vitest';
import { openStation } from '../../electron/app/open-station';
import { cliFoldersPerTest, runCli } from '../fixtures/cli';

const folders = cliFoldersPerTest();
const setUpStation = () => folders.setUp();

function cli(dataDir: string, args: string[]) {
  return runCli(dataDir, args, { lang: 'en_US.UTF-8' });
}

describe('cli receipt-printer', () => {
  it('shows none at first, sets a printer and paper (audited, offered to the kiosk), and clears it again', async () => {
    const dir = await setUpStation();
    expect(JSON.parse(cli(dir, ['receipt-printer']).stdout)).toEqual({ receiptPrinter: null, receiptPaper: 'a4' });

    const set = cli(dir, ['receipt-printer', '--name', 'EPSON TM-T82III', '--paper', 'thermal']);
    expect(set.code, set.stderr).toBe(0);
    expect(JSON.parse(set.stdout)).toEqual({ receiptPrinter: 'EPSON TM-T82III', receiptPaper: 'thermal' });

    const station = await openStation({ dataDir: dir });
    try {
      const options = await station.dispatch('registration:options', undefined, { sessionKey: 'kiosk' });
      expect(options).toMatchObject({ ok: true, data: { silentReceipts: true } });
      const audited = station.connection.sqlite.prepare("select actor_role, object_id from audit_log where action = 'settings_change'").all();
      expect(audited).toEqual([{ actor_role: 'system', object_id: 'printing' }]);
    } finally {
      await station.close();
    }

    const cleared = cli(dir, ['receipt-printer', '--none']);
    expect(JSON.parse(cleared.stdout)).toEqual({ receiptPrinter: null, receiptPaper: 'thermal' });
  });

  it('refuses an unknown paper and a name given together with --none, with exit code 2', async () => {
    const dir = await setUpStation();
    const paper = cli(dir, ['receipt-printer', '--paper', 'A3']);
    expect(paper.code).toBe(2);
    expect(paper.stderr).toContain('The paper must be a4 or thermal, not “A3”.');
    const both = cli(dir, ['receipt-printer', '--name', 'EPSON', '--none']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('Give a printer name or --none');
  });
});
