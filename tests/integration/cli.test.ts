import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../../electron/db/migrations/index';
import { makeTempDir, sampleAdmin } from '../fixtures/temp-station';

const cliEntry = fileURLToPath(new URL('../../electron/cli/main.ts', import.meta.url));
const temps: Array<{ remove(): void }> = [];
afterEach(() => temps.splice(0).forEach((temp) => temp.remove()));

const adminSecrets = { RELAY_ADMIN_PASSWORD: sampleAdmin.password, RELAY_ADMIN_PIN: sampleAdmin.pin };

function cli(dataDir: string, args: string[], lang = 'zh_CN.UTF-8', env: Record<string, string> = adminSecrets) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', cliEntry, ...args], {
    env: { ...process.env, RELAY_DATA_DIR: dataDir, RELAY_KEY_FILE: '', LANG: lang, LC_ALL: '', RELAY_LANG: '', ...env },
    encoding: 'utf8',
    timeout: 20_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function tempDataDir(): string {
  const temp = makeTempDir();
  temps.push(temp);
  return temp.dir;
}

describe('cli', () => {
  it('doctor reports versions, the database path and the migration level as JSON', () => {
    const dir = tempDataDir();
    const result = cli(dir, ['doctor']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({
      node: process.versions.node,
      dataDir: dir,
      databasePath: `${dir}/station.sqlite`,
      migrations: { applied: migrations.map(([name]) => name), latest: migrations.at(-1)?.[0], upToDate: true },
      station: null,
    });
    expect(report.sqlite).toMatch(/^3\.\d+\.\d+$/);
  });

  it('init sets the station up, then refuses a second time with a translated reason', () => {
    const dir = tempDataDir();
    const admin = ['--admin', 'admin', '--admin-name', '管理员'];
    const ok = cli(dir, ['init', '--code', 'kmu01', '--name', '昆明医科大学', '--kind', 'university_station', '--region', '5301', ...admin]);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ code: 'KMU01', name: '昆明医科大学', kind: 'university_station', regionCode: '5301' });

    const again = cli(dir, ['init', '--code', 'KMU02', '--name', '别的站', '--kind', 'education_base', '--region', '53', '--admin', 'other', '--admin-name', '别人']);
    expect(again.code).toBe(1);
    expect(again.stdout).toBe('');
    expect(again.stderr.trim()).toBe('本站已完成设置，站点信息不能再次初始化。');
    expect(JSON.parse(cli(dir, ['doctor']).stdout).station.code).toBe('KMU01');
  });

  it('names each bad field in the user language, and stores nothing', () => {
    const dir = tempDataDir();
    const bad = cli(dir, ['init', '--code', 'K', '--name', 'x', '--kind', 'hospital', '--region', '99', '--admin', 'x'], 'en_GB.UTF-8', {});
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('Some entries are not valid.');
    expect(bad.stderr).toContain('code: The station code is 2–12 capital letters or digits.');
    expect(bad.stderr).toContain('kind: Please choose the kind of station.');
    expect(bad.stderr).toContain('regionCode: Please choose the region.');
    expect(bad.stderr).toContain('admin.username: A username has 3–32');
    expect(bad.stderr).toContain('admin.password: This field is required.');
    expect(JSON.parse(cli(dir, ['doctor']).stdout).station).toBeNull();
  });

  it('exits 2 with the usage on an unknown command or option', () => {
    const dir = tempDataDir();
    const unknown = cli(dir, ['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('未知命令：frobnicate');
    const badOption = cli(dir, ['init', '--colour', 'red'], 'en_US.UTF-8');
    expect(badOption.code).toBe(2);
    expect(badOption.stderr).toContain('Bad options');
    expect(badOption.stderr).toContain('Usage: cli <command>');
  });

  it('rotate-key re-encrypts under a new key and records it in the audit trail', () => {
    const dir = tempDataDir();
    cli(dir, ['init', '--code', 'KMU01', '--name', '昆明', '--kind', 'memorial_kiosk', '--region', '5301', '--admin', 'admin', '--admin-name', '管理员']);
    const rotated = cli(dir, ['rotate-key']);
    expect(rotated.code).toBe(0);
    expect(JSON.parse(rotated.stdout)).toMatchObject({ resealed: 0, currentKeyId: expect.stringMatching(/^[0-9a-f]{12}$/) });
    const verified = cli(dir, ['audit-verify']);
    expect(verified.code).toBe(0);
    expect(JSON.parse(verified.stdout)).toMatchObject({ ok: true, count: 3 });
  });

  it('says plainly when the data key file is missing', () => {
    const dir = tempDataDir();
    cli(dir, ['init', '--code', 'KMU01', '--name', '昆明', '--kind', 'memorial_kiosk', '--region', '5301', '--admin', 'admin', '--admin-name', '管理员']);
    rmSync(join(dir, 'station.key'));
    const result = cli(dir, ['doctor']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('找不到本站的数据密钥文件');
    expect(result.stderr).toContain(join(dir, 'station.key'));
  });
});
