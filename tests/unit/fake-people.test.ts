import { describe, expect, it } from 'vitest';
import { contract } from '../../shared/contract/calls';
import { ageOn } from '../../shared/domain/age';
import { checkDocument } from '../../shared/validation/identity-document';
import { fakeDocument, fakeRegistration, MAX_FAKE_PEOPLE } from '../../electron/cli/fake-people';
import { createRandom } from '../../shared/random/seeded-random';

const today = '2026-05-01';
const schema = contract['registration:create'].input;

describe('fake people', () => {
  it('makes 5 000 registrations that all pass the registration:create schema, with distinct document numbers', () => {
    const numbers = new Set<string>();
    const programs = new Map<string, number>();
    for (let index = 0; index < 5_000; index += 1) {
      const input = fakeRegistration(index, { seed: 42, today });
      const parsed = schema.safeParse(input);
      expect(parsed.success ? [] : parsed.error.issues, `person ${index}: ${JSON.stringify(input)}`).toEqual([]);
      if (!parsed.success) continue;
      numbers.add(parsed.data.person.document.normalized);
      const key = parsed.data.programs.map((choice) => choice.program).join('+');
      programs.set(key, (programs.get(key) ?? 0) + 1);
    }
    expect(numbers.size).toBe(5_000);
    // Every kind of registration a station sees turns up in a few thousand people.
    for (const mix of ['organ', 'organ+cornea', 'cornea', 'body', 'body+cornea', 'stem_cell', 'stem_cell+organ']) {
      expect(programs.get(mix) ?? 0, mix).toBeGreaterThan(10);
    }
  });

  it('gives ages of 18–80 on the given day, and stem cell only to volunteers of 18–45', () => {
    for (let index = 0; index < 3_000; index += 1) {
      const input = fakeRegistration(index, { seed: 7, today });
      const { birthDate } = fakeDocument(index, { seed: 7, today });
      const age = ageOn(birthDate, today);
      expect(age).toBeGreaterThanOrEqual(18);
      expect(age).toBeLessThanOrEqual(80);
      if (input.programs.some((choice) => choice.program === 'stem_cell')) expect(age).toBeLessThanOrEqual(45);
    }
  });

  it('includes minority names with the middle dot, rare characters outside the BMP and residence permits', () => {
    const inputs = Array.from({ length: 5_000 }, (_, index) => fakeRegistration(index, { seed: 1, today }));
    const names = inputs.map((input) => input.person.name);
    expect(names.filter((name) => name.includes('·')).length).toBeGreaterThan(10);
    expect(names.filter((name) => /[\u{20000}-\u{2FFFF}]/u.test(name)).length).toBeGreaterThan(5);
    expect(inputs.filter((input) => input.person.document.kind === 'residence_permit').length).toBeGreaterThan(10);
    expect(new Set(inputs.map((input) => input.person.document.number.slice(0, 2))).size).toBeGreaterThan(20);
  });

  it('is reproducible: the same seed and index give the same person, another seed another one', () => {
    expect(fakeRegistration(123, { seed: 9, today })).toEqual(fakeRegistration(123, { seed: 9, today }));
    expect(fakeRegistration(123, { seed: 10, today }).person.document.number).not.toBe(fakeRegistration(123, { seed: 9, today }).person.document.number);
    const random = createRandom(5);
    const again = createRandom(5);
    const draws = Array.from({ length: 10 }, () => random());
    expect(Array.from({ length: 10 }, () => again())).toEqual(draws);
    expect(draws.every((value) => value >= 0 && value < 1)).toBe(true);
  });

  it('keeps document numbers distinct across the whole index range, and refuses indexes beyond it', () => {
    const numbers = new Set<string>();
    // Indexes spread over the range, including both ends, where a wrong bijection would wrap around.
    const indexes = [0, 1, 2, MAX_FAKE_PEOPLE - 2, MAX_FAKE_PEOPLE - 1];
    for (let k = 0; k < 5_000; k += 1) indexes.push(Math.floor((k * MAX_FAKE_PEOPLE) / 5_000) + (k % 7));
    for (const index of new Set(indexes)) {
      const document = fakeDocument(index, { seed: 3, today });
      expect(checkDocument(document.kind, document.number, { today: new Date('2026-05-01T12:00:00+08:00') }).ok).toBe(true);
      numbers.add(document.number);
    }
    expect(numbers.size).toBe(new Set(indexes).size);
    expect(() => fakeDocument(MAX_FAKE_PEOPLE, { seed: 3, today })).toThrow(RangeError);
    expect(() => fakeDocument(-1, { seed: 3, today })).toThrow(RangeError);
  });
});
