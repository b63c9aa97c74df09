import { generateKeyPairSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../resources/locales/en/cli.json' with { type: 'json' };
import zh from '../../resources/locales/zh-CN/cli.json' with { type: 'json' };
import { openStation } from '../../electron/app/open-station';
import { cliFoldersPerTest, runCli } from '../fixtures/cli';

/** The command line's commands, as its help lists them (kept here so a command left out of the help is noticed). */
const commandNames = [
  'doctor', 'init', 'validate-id', 'register', 'seed', 'stats', 'rotate-key', 'audit-verify', 'print-sample', 'verify-document',
  'export-public-key', 'receipt-printer', 'province-key', 'export', 'sync', 'import-ack', 'verify-batch', 'backup', 'restore',
];

const folders = cliFoldersPerTest();
const setUpStation = () => folders.setUp();

function cli(dataDir: string, args: string[]) {
  return runCli(dataDir, args, { lang: 'en_US.UTF-8' });
}

/** Rows of one query on the station's database, opened after the command line has finished. */
async function rowsOf(dir: string, query: string): Promise<unknown[]> {
  const station = await openStation({ dataDir: dir });
  try {
    return station.connection.sqlite.prepare(query).all();
  } finally {
    await station.close();
  }
}

describe('cli help', () => {
  it('lists every command of the table in Chinese and in English', () => {
    const dir = folders.empty();
    const chinese = runCli(dir, ['help']);
    const english = runCli(dir, ['--help'], { lang: 'en_US.UTF-8' });
    expect([chinese.code, english.code]).toEqual([0, 0]);
    expect(chinese.stderr).toContain('用法：cli <命令> [选项]');
    expect(english.stderr).toContain('Usage: cli <command> [options]');
    for (const name of commandNames) {
      expect(chinese.stderr, name).toMatch(new RegExp(`^  ${name} `, 'm'));
      expect(english.stderr, name).toMatch(new RegExp(`^  ${name} `, 'm'));
    }
    for (const text of Object.values(zh.commandUsage)) expect(chinese.stderr).toContain(text);
    for (const text of Object.values(en.commandUsage)) expect(english.stderr).toContain(text);
    expect(runCli(dir, []).code).toBe(2);
  });
});

describe('cli commands through the dispatcher', () => {
  it('receipt-printer refuses a printer name with hidden characters or too long, as the settings screen does, and stores nothing', async () => {
    const dir = await setUpStation();
    const hidden = cli(dir, ['receipt-printer', '--name', 'EPSON\u202eTM']);
    expect(hidden.code).toBe(1);
    expect(JSON.parse(hidden.stdout)).toMatchObject({ ok: false, error: { code: 'validation_failed', issues: [{ path: 'receiptPrinter', reason: 'text_characters' }] } });
    expect(hidden.stderr).toContain('--name: ');

    const long = cli(dir, ['receipt-printer', '--name', 'P'.repeat(201)]);
    expect(long.code).toBe(1);
    expect(JSON.parse(long.stdout)).toMatchObject({ ok: false, error: { code: 'validation_failed', issues: [{ path: 'receiptPrinter', reason: 'text_too_long' }] } });

    expect(JSON.parse(cli(dir, ['receipt-printer']).stdout)).toEqual({ receiptPrinter: null, receiptPaper: 'a4' });
    expect(await rowsOf(dir, "select seq from audit_log where action = 'settings_change'")).toEqual([]);
  });

  it('verify-document refuses a payload longer than any QR the station prints, field by field, before it reaches the documents', async () => {
    const dir = await setUpStation();
    const oversized = 'R1.' + 'A'.repeat(1200);
    const checked = cli(dir, ['verify-document', oversized]);
    expect(checked.code).toBe(1);
    const line = JSON.parse(checked.stdout);
    expect(line).toMatchObject({ payload: oversized, ok: false, error: { code: 'validation_failed', issues: [{ path: 'payload', reason: 'text_too_long' }] } });
    expect(line.result).toBeUndefined();
  });

  it('province-key refuses a key file larger than the screens accept, even with a valid key at its head, and imports nothing', async () => {
    const dir = await setUpStation();
    const { publicKey } = generateKeyPairSync('ed25519');
    const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const padded = join(dir, 'signing-padded.pem');
    writeFileSync(padded, pem + '\n' + '#'.repeat(5000) + '\n');
    const imported = cli(dir, ['province-key', '--signing', padded]);
    expect(imported.code).toBe(1);
    expect(JSON.parse(imported.stdout)).toMatchObject({ ok: false, error: { code: 'validation_failed', issues: [{ path: 'pem', reason: 'text_too_long' }] } });
    expect(await rowsOf(dir, 'select id from province_key')).toEqual([]);
    expect(await rowsOf(dir, "select seq from audit_log where action = 'province_key_import'")).toEqual([]);
  });
});

describe('the system caller', () => {
  it('has the administrator’s rights and is audited as system, while the same session key without it is the kiosk', async () => {
    const dir = await setUpStation();
    const station = await openStation({ dataDir: dir });
    try {
      expect(await station.dispatch('documents:publicKey', undefined, { sessionKey: 'cli' })).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
      expect(await station.dispatch('documents:publicKey', undefined, { sessionKey: 'cli', system: true })).toMatchObject({ ok: true });
      const audited = station.connection.sqlite.prepare("select actor_id, actor_role from audit_log where action = 'export' and object_type = 'signing_key'").all();
      expect(audited).toEqual([{ actor_id: null, actor_role: 'system' }]);
    } finally {
      await station.close();
    }
  });
});
