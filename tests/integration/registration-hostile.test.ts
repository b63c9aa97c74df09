import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTranslator } from '../../shared/i18n/translator';
import { residentId, samplePaperwork, samplePerson, sampleRegistration, stemCellChoice } from '../fixtures/registrations';
import { openTempStation, sampleSetup } from '../fixtures/temp-station';

type TempStation = Awaited<ReturnType<typeof openTempStation>>;

let station: TempStation;
const desk = { sessionKey: 'desk' };

beforeAll(async () => {
  // 2026-04-04 in Beijing, so that the age boundaries below are exact.
  station = await openTempStation({ clock: { now: () => new Date('2026-04-04T02:00:00.000Z') } });
  await station.dispatch('station:setup', sampleSetup, desk);
});
afterAll(async () => {
  await station.remove();
});

const hostileStrings = [
  '',
  '   ',
  'x'.repeat(10_000),
  '\u0000\u0007\u001b[2J',
  '😀👨‍👩‍👧',
  "'; DROP TABLE person; --",
  '<script>alert(1)</script>',
  '１２３４５６',
  '张··三',
  '\ud800',
];

/** Document numbers that look right at a glance, each wrong in one way. */
const badDocuments: Array<[string, string]> = [
  [residentId('110105', '20260230', '001'), 'id_birth_date'], // 30 February
  [residentId('110105', '20270101', '001'), 'id_birth_date_future'],
  [residentId('110105', '18991231', '001'), 'id_birth_date_too_early'],
  [residentId('990105', '19900101', '001'), 'id_region'],
  [`${residentId('110105', '19900101', '001').slice(0, 17)}${residentId('110105', '19900101', '001').endsWith('0') ? '1' : '0'}`, 'id_check_character'],
  ['110105900101001', 'id_legacy_15_digit'],
  ['１１０１０５１９９０', 'id_length'],
];

function counts(): string {
  const tables = ['person', 'person_version', 'registration', 'registration_version', 'consent', 'signature', 'outbox'];
  return tables.map((table) => (station.connection.sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n).join(',');
}

/** Puts `value` at a dotted path of a copy of `input`. */
function withValue(input: unknown, path: string, value: unknown): unknown {
  const copy = structuredClone(input) as Record<string, unknown>;
  const keys = path.split('.');
  let node: Record<string, unknown> = copy;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[keys.at(-1) as string] = value;
  return copy;
}

const fullInput = sampleRegistration({
  programs: [{ program: 'organ', organs: { kind: 'all' } }, { program: 'body', paperwork: samplePaperwork }, stemCellChoice],
});

/** Every text field of a registration, by path. */
const textFields = [
  'person.document.number',
  'person.name',
  'person.phone',
  'person.ethnicGroup',
  'person.document.kind',
  'programs.1.paperwork.executor.name',
  'programs.1.paperwork.executor.phone',
  'programs.1.paperwork.executor.document.number',
  'programs.1.paperwork.relatives.0.name',
  'programs.2.bloodType',
  'programs.2.emergencyContacts.0.name',
  'programs.2.emergencyContacts.1.phone',
  'signature.image',
  'consents.textVersion',
];

describe('hostile input to registration', () => {
  it('refuses every hostile value of every field with a translated reason on that field, storing nothing', async () => {
    const zh = await createTranslator('zh-CN');
    const before = counts();
    for (const path of textFields) {
      for (const value of hostileStrings) {
        const result = await station.dispatch('registration:create', withValue(fullInput, path, value), desk);
        const label = `${path} = ${JSON.stringify(value).slice(0, 40)}`;
        expect(result.ok, label).toBe(false);
        if (result.ok) continue;
        expect(result.error.code, label).toBe('validation_failed');
        const issue = result.error.issues?.find((candidate) => path.startsWith(candidate.path) || candidate.path.startsWith(path));
        expect(issue, `${label}: ${JSON.stringify(result.error.issues)}`).toBeDefined();
        const message = zh(`validation:${issue!.reason}` as never) as string;
        expect(message, label).not.toContain('validation:');
      }
    }
    expect(counts()).toBe(before);
  });

  it('names the reason of each wrong document number', async () => {
    for (const [number, reason] of badDocuments) {
      const result = await station.dispatch('registration:create', withValue(fullInput, 'person.document.number', number), desk);
      expect(result, number).toMatchObject({ ok: false, error: { issues: [{ path: 'person.document.number', reason }] } });
    }
  });

  it('refuses ages just below 18 and just above 45 (stem cells) on the registration date', async () => {
    const born = (birth: string) => ({ ...samplePerson, document: { kind: 'resident_id' as const, number: residentId('110105', birth, '201') } });
    const youngster = await station.dispatch('registration:create', sampleRegistration({ person: born('20080405'), programs: [{ program: 'cornea' }] }), desk);
    expect(youngster).toMatchObject({ ok: false, error: { issues: [{ path: 'programs.0', reason: 'age_under_18' }] } });
    const older = await station.dispatch('registration:create', sampleRegistration({ person: born('19800404'), programs: [stemCellChoice] }), desk);
    expect(older).toMatchObject({ ok: false, error: { issues: [{ path: 'programs.0', reason: 'stem_cell_age_range' }] } });
  });

  it('never fails internally on random strings in the person fields, and stores only what it accepts', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 40 }), fc.constantFrom('person.name', 'person.phone', 'person.document.number'), async (value, path) => {
        const before = (station.connection.sqlite.prepare('select count(*) as n from registration').get() as { n: number }).n;
        const result = await station.dispatch('registration:create', withValue(sampleRegistration({ programs: [{ program: 'cornea' }] }), path, value), desk);
        const after = (station.connection.sqlite.prepare('select count(*) as n from registration').get() as { n: number }).n;
        if (!result.ok) {
          expect(result.error.code).not.toBe('internal');
          expect(after).toBe(before);
        }
      }),
      { numRuns: 150 },
    );
  });
});
