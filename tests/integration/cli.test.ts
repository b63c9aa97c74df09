import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../../electron/db/migrations/index';
import { makeTempDir, sampleAdmin } from '../fixtures/temp-station';
import { runCli } from '../fixtures/cli';

const temps: Array<{ remove(): void }> = [];
afterEach(() => temps.splice(0).forEach((temp) => temp.remove()));

const adminSecrets = { RELAY_ADMIN_PASSWORD: sampleAdmin.password, RELAY_ADMIN_PIN: sampleAdmin.pin };

function cli(dataDir: string, args: string[], lang = 'zh_CN.UTF-8', env: Record<string, string> = adminSecrets) {
  return runCli(dataDir, args, { lang, env, timeoutMs: 20_000 });
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

  it('validate-id prints one JSON line per value, valid or not, and exits 0', () => {
    const dir = tempDataDir();
    const values = ['932682198501010017', '911124198108030024', '810000199408230021', '１１０１０５１９４９１２３１００２Ｘ', '110105491231002', '110105194912310021', 'not a number'];
    const result = cli(dir, ['validate-id', ...values]);
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(lines.map((line) => line.input)).toEqual(values);
    expect(lines[0]).toEqual({
      input: '932682198501010017',
      valid: true,
      kind: 'foreign_permanent_2023',
      normalized: '932682198501010017',
      birthDate: '1985-01-01',
      sex: 'male',
      error: null,
    });
    expect(lines[1]).toMatchObject({ valid: true, birthDate: '1981-08-03', sex: 'female' });
    expect(lines[2]).toMatchObject({ valid: true, kind: 'residence_permit', birthDate: '1994-08-23', sex: 'female' });
    expect(lines[3]).toMatchObject({ valid: true, kind: 'resident_id', normalized: '11010519491231002X', birthDate: '1949-12-31', sex: 'female' });
    expect(lines[4]).toMatchObject({ valid: false, error: { code: 'id_legacy_15_digit', message: expect.stringContaining('18') } });
    expect(lines[5]).toMatchObject({ valid: false, error: { code: 'id_check_character' } });
    expect(lines[6]).toMatchObject({ valid: false, kind: null, error: { code: 'id_kind' } });
  });

  it('validate-id checks a forced kind and refuses an unknown one as a usage error', () => {
    const dir = tempDataDir();
    const passport = cli(dir, ['validate-id', '--kind', 'passport', 'E12345678'], 'en_US.UTF-8');
    expect(JSON.parse(passport.stdout)).toMatchObject({ valid: true, kind: 'passport', error: null });
    const wrongKind = cli(dir, ['validate-id', '--kind', 'library_card', '123'], 'en_US.UTF-8');
    expect(wrongKind.code).toBe(2);
    expect(wrongKind.stderr).toContain('Unknown document kind: library_card');
    expect(cli(dir, ['validate-id']).code).toBe(2);
  });
});
