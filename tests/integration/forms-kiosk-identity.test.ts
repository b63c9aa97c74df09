import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { languages } from '../../shared/i18n/languages';
import { createTranslator } from '../../shared/i18n/translator';
import { runCli } from '../fixtures/cli';
import { callsOn } from '../fixtures/dispatch';
import { residentId, samplePerson, sampleRegistration, stemCellChoice } from '../fixtures/registrations';
import { kioskCaller, makeTempDir, openTempStation, sampleAdmin, sampleSetup } from '../fixtures/temp-station';

/**
 * The kiosk's identity step as the station answers it: a stem-cell refusal names the age range in force
 * (and the screen and the command line say it with those numbers), and a typed birth date in the future
 * is refused as a date, not as a number that does not carry one.
 */

type TempStation = Awaited<ReturnType<typeof openTempStation>>;

let station: TempStation;
const desk = { sessionKey: 'admin-desk' };
/** 2026-04-04 17:00 in Beijing. */
const now = new Date('2026-04-04T09:00:00.000Z');

beforeEach(async () => {
  station = await openTempStation({ clock: { now: () => now } });
  await station.dispatch('station:setup', sampleSetup, desk);
});
afterEach(async () => {
  await station.remove();
});

const { ok, refusal } = callsOn(() => station, () => desk);

const registrationSettings = { section: 'registration', stemCellMinAge: 18, stemCellMaxAge: 45, coolingOffDays: 7, kioskIdleSeconds: 90, bodyChangeNeedsNotarisation: false } as const;

/** A stem-cell volunteer born on the given date (YYYYMMDD), with a resident ID. */
function volunteerBorn(birth: string, sequence: string) {
  return sampleRegistration({
    person: { ...samplePerson, document: { kind: 'resident_id', number: residentId('110105', birth, sequence) } },
    programs: [stemCellChoice],
  });
}

/** A passport holder who typed `birthDate`. */
function passportHolder(birthDate: string) {
  return sampleRegistration({
    person: { document: { kind: 'passport', number: 'E12345678' }, name: 'Anna Schmidt', phone: '13812345678', birthDate, sex: 'female' },
    programs: [{ program: 'cornea' }],
  });
}

describe('the stem-cell age range', () => {
  it('is named as configured in the kiosk refusal, and translated with its numbers', async () => {
    // 46 on 2026-04-04.
    const fortySix = volunteerBorn('19800110', '105');
    const refused = await refusal('registration:create', fortySix, kioskCaller);
    expect(refused.issues).toEqual([{ path: 'programs.0', reason: 'stem_cell_age_range', params: { min: 18, max: 45 } }]);

    await ok('settings:change', { ...registrationSettings, stemCellMinAge: 20, stemCellMaxAge: 40 });
    const narrowed = await refusal('registration:create', fortySix, kioskCaller);
    expect(narrowed.issues).toEqual([{ path: 'programs.0', reason: 'stem_cell_age_range', params: { min: 20, max: 40 } }]);

    const said = { 'zh-CN': ['20–40 周岁', '返回上一步', '取消勾选'], en: ['20 to 40', 'Go back to the previous step', 'untick'] } as const;
    for (const language of languages) {
      const t = await createTranslator(language);
      const sentence = t(`validation:${narrowed.issues![0]!.reason}`, narrowed.issues![0]!.params);
      for (const part of said[language]) expect(sentence, language).toContain(part);
      expect(sentence, language).not.toMatch(/\{\{|默认|by default/);
    }
  });

  it('is named in the command line refusal too', () => {
    const temp = makeTempDir();
    try {
      const env = { RELAY_ADMIN_PASSWORD: sampleAdmin.password, RELAY_ADMIN_PIN: sampleAdmin.pin };
      const init = runCli(temp.dir, ['init', '--code', 'KMU01', '--name', '昆明医科大学', '--kind', 'university_station', '--region', '5301', '--admin', 'admin', '--admin-name', '管理员'], { env });
      expect(init.code, init.stderr).toBe(0);
      const file = join(temp.dir, 'volunteer.json');
      // Born 1950: past any stem-cell range, whatever day the test runs.
      writeFileSync(file, JSON.stringify(volunteerBorn('19500110', '105')));
      const run = runCli(temp.dir, ['register', '--json', file], { env });
      expect(run.code).toBe(1);
      const issue = JSON.parse(run.stdout.trim()).error.issues[0];
      expect(issue).toMatchObject({ path: 'programs.0', reason: 'stem_cell_age_range', params: { min: 18, max: 45 } });
      expect(issue.message).toContain('18–45 周岁');
    } finally {
      temp.remove();
    }
  });
});

describe('a birth date typed from a passport', () => {
  it('is refused as a date in the future, too early or unreal, never as a date in the document number', async () => {
    for (const [birthDate, reason] of [
      ['2030-01-01', 'birth_date_future'],
      ['1899-12-31', 'birth_date_too_early'],
      ['1990-02-30', 'birth_date_invalid'],
    ] as const) {
      const refused = await refusal('registration:create', passportHolder(birthDate), kioskCaller);
      expect(refused.issues, birthDate).toEqual([{ path: 'person.birthDate', reason }]);
    }
    const t = await createTranslator('zh-CN');
    expect(t('validation:birth_date_future')).toBe('出生日期不能晚于今天。');
    await ok('registration:create', passportHolder('1990-02-28'), kioskCaller);
  });
});
