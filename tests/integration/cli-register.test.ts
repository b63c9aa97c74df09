import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openStation } from '../../electron/app/open-station';
import { openPersonal } from '../../electron/services/registration/person-registry';
import { maskName } from '../../shared/domain/masking';
import { checkDocument } from '../../shared/validation/identity-document';
import { residentId, sampleRegistration } from '../fixtures/registrations';
import { makeTempDir, sampleAdmin } from '../fixtures/temp-station';
import { runCli } from '../fixtures/cli';

const temps: Array<{ remove(): void }> = [];
afterEach(() => temps.splice(0).forEach((temp) => temp.remove()));

function cli(dataDir: string, args: string[], lang = 'zh_CN.UTF-8') {
  return runCli(dataDir, args, { lang, env: { RELAY_ADMIN_PASSWORD: sampleAdmin.password, RELAY_ADMIN_PIN: sampleAdmin.pin } });
}

/** A data folder with the station set up, as `init` leaves it. */
function stationDir(): string {
  const temp = makeTempDir();
  temps.push(temp);
  const init = cli(temp.dir, ['init', '--code', 'KMU01', '--name', '昆明医科大学', '--kind', 'university_station', '--region', '5301', '--admin', 'admin', '--admin-name', '管理员']);
  expect(init.code, init.stderr).toBe(0);
  return temp.dir;
}

function writeJson(dir: string, name: string, value: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(value));
  return file;
}

/** The only line a command printed on stdout, parsed. */
function onlyLine(stdout: string): any {
  const lines = stdout.trim().split('\n');
  expect(lines).toHaveLength(1);
  return JSON.parse(lines[0]!);
}

describe('cli register', () => {
  it('registers a person from a JSON file, then refuses the same programs a second time', () => {
    const dir = stationDir();
    const file = writeJson(dir, 'person.json', sampleRegistration());

    const first = cli(dir, ['register', '--json', file]);
    expect(first.code, first.stderr).toBe(0);
    const created = onlyLine(first.stdout);
    expect(created).toMatchObject({ ok: true, data: { name: maskName('李𠮷祥'), registrations: [{ program: 'body' }, { program: 'cornea' }] } });
    for (const registration of created.data.registrations) expect(registration.number).toMatch(/^KMU01-\d{4}-R\d{6}$/);

    const again = cli(dir, ['register', '--json', file]);
    expect(again.code).toBe(1);
    expect(onlyLine(again.stdout)).toMatchObject({
      ok: false,
      error: { code: 'already_registered', message: expect.stringContaining('此人已有该项目的有效登记') },
    });
  });

  it('refuses a wrong check character with the reason named in the reader language', () => {
    const dir = stationDir();
    const valid = residentId('530102', '19900307', '002');
    const wrong = valid.slice(0, 17) + (valid.endsWith('1') ? '2' : '1');
    const file = writeJson(dir, 'typo.json', sampleRegistration({ person: { document: { kind: 'resident_id', number: wrong }, name: '李𠮷祥', phone: '13812345678', ethnicGroup: '01' } }));

    const chinese = cli(dir, ['register', '--json', file]);
    expect(chinese.code).toBe(1);
    expect(onlyLine(chinese.stdout)).toEqual({
      ok: false,
      error: {
        code: 'validation_failed',
        message: '输入有误，请检查标出的项目。',
        issues: [{ path: 'person.document.number', reason: 'id_check_character', message: '证件号码校验位不正确，请逐位核对。' }],
      },
    });

    const english = cli(dir, ['register', '--json', file], 'en_GB.UTF-8');
    expect(english.code).toBe(1);
    expect(onlyLine(english.stdout).error.issues[0]).toEqual({
      path: 'person.document.number',
      reason: 'id_check_character',
      message: 'The check character of the document number is wrong; please check each character.',
    });
    expect(JSON.parse(cli(dir, ['doctor']).stdout).station.code).toBe('KMU01');
  });

  it('exits 2 with a translated message for a missing file, a file that is not JSON, or no file at all', () => {
    const dir = stationDir();
    const missing = cli(dir, ['register', '--json', join(dir, 'nobody.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toContain(`找不到文件：${join(dir, 'nobody.json')}`);

    const garbled = join(dir, 'garbled.json');
    writeFileSync(garbled, '{"person": ');
    const notJson = cli(dir, ['register', '--json', garbled], 'en_US.UTF-8');
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toContain(`The file ${garbled} is not valid JSON`);

    const none = cli(dir, ['register']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('请用 --json 指定要登记的 JSON 文件。');
  });
});

describe('cli seed', () => {
  it('registers fake people through the service, each with a valid document of their own', async () => {
    const dir = stationDir();
    const seeded = cli(dir, ['seed', '--people', '200', '--seed', '11']);
    expect(seeded.code, seeded.stderr).toBe(0);
    const summary = onlyLine(seeded.stdout);
    expect(summary).toEqual({ people: 200, registrations: expect.any(Number), seconds: expect.any(Number) });
    expect(summary.registrations).toBeGreaterThanOrEqual(200);

    const sqlite = new BetterSqlite3(join(dir, 'station.sqlite'), { readonly: true });
    try {
      const count = (query: string) => (sqlite.prepare(query).get() as { n: number }).n;
      expect(count('select count(*) as n from person')).toBe(200);
      expect(count('select count(distinct document_key) as n from person')).toBe(200);
      expect(count('select count(*) as n from registration')).toBe(summary.registrations);
      expect(count(`select count(*) as n from registration where channel = 'cli' and state = 'active'`)).toBe(summary.registrations);
      // One audit entry per registration, after setup's own.
      expect(count(`select count(*) as n from audit_log where action = 'create' and object_type = 'registration' and actor_role = 'system'`)).toBe(
        summary.registrations,
      );
    } finally {
      sqlite.close();
    }

    // Read back through the station: every stored document opens and is a valid number.
    const station = await openStation({ dataDir: dir });
    try {
      const rows = await station.connection.db.selectFrom('person').select('personal').execute();
      for (const row of rows) {
        const personal = openPersonal(station.services.protection, row);
        expect(checkDocument(personal.documentKind, personal.documentNumber).ok, personal.documentNumber).toBe(true);
      }
      expect(await station.services.audit.verify()).toMatchObject({ ok: true });
    } finally {
      await station.close();
    }

    // Seeding again adds new people after the ones stored, rather than colliding with them.
    const more = cli(dir, ['seed', '--people', '20', '--seed', '11']);
    expect(more.code, more.stderr).toBe(0);
    expect(onlyLine(more.stdout)).toMatchObject({ people: 20 });
  });

  it('exits 2 when the number of people is missing or not a whole number', () => {
    const dir = stationDir();
    expect(cli(dir, ['seed']).stderr).toContain('请用 --people 给出要生成的人数');
    const bad = cli(dir, ['seed', '--people', 'lots'], 'en_US.UTF-8');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Give the number of people to make up with --people');
    expect(cli(dir, ['seed', '--people', '5', '--seed', 'x']).code).toBe(2);
  });
});
