import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bloodTypes,
  isBloodType,
  isOrgan,
  isProgram,
  normalizeOrganScope,
  organs,
  programs,
  type Organ,
  type OrganScope,
} from '../../shared/domain/programs';
import { validationReasons } from '../../shared/validation/reasons';

describe('programs, organs and blood types', () => {
  it('list the four programs; a refusal is not one of them', () => {
    expect(programs).toEqual(['organ', 'cornea', 'body', 'stem_cell']);
    expect(isProgram('body')).toBe(true);
    expect(isProgram('refusal')).toBe(false);
    expect(isProgram(undefined)).toBe(false);
  });

  it('list six organs, cornea being a tissue of its own program', () => {
    expect(organs).toHaveLength(6);
    expect(isOrgan('small_intestine')).toBe(true);
    expect(isOrgan('cornea')).toBe(false);
  });

  it('list the eight ABO and Rh blood types and unknown', () => {
    expect(bloodTypes).toEqual(['A+', 'A-', 'B+', 'B-', 'AB+', 'AB-', 'O+', 'O-', 'unknown']);
    expect(isBloodType('AB-')).toBe(true);
    expect(isBloodType('AB')).toBe(false);
  });
});

describe('organ scope', () => {
  it('keeps all organs as all', () => {
    expect(normalizeOrganScope({ kind: 'all' })).toEqual({ ok: true, value: { kind: 'all' } });
  });

  it('turns a selection of every organ into all, whatever the order and repetitions', () => {
    expect(normalizeOrganScope({ kind: 'selected', organs: [...organs].reverse() })).toEqual({ ok: true, value: { kind: 'all' } });
    expect(normalizeOrganScope({ kind: 'selected', organs: [...organs, 'kidney', 'heart'] })).toEqual({ ok: true, value: { kind: 'all' } });
  });

  it('drops duplicates and lists the selection in canonical order', () => {
    expect(normalizeOrganScope({ kind: 'selected', organs: ['liver', 'kidney', 'liver'] })).toEqual({
      ok: true,
      value: { kind: 'selected', organs: ['kidney', 'liver'] },
    });
  });

  it('refuses an empty selection and values that are not organs', () => {
    expect(normalizeOrganScope({ kind: 'selected', organs: [] })).toEqual({ ok: false, reason: 'organ_selection_empty' });
    expect(normalizeOrganScope({ kind: 'selected', organs: ['cornea' as Organ] })).toEqual({ ok: false, reason: 'invalid' });
    expect(normalizeOrganScope({ kind: 'some' } as unknown as OrganScope)).toEqual({ ok: false, reason: 'invalid' });
    expect(normalizeOrganScope(null as unknown as OrganScope)).toEqual({ ok: false, reason: 'invalid' });
    expect(validationReasons).toContain('organ_selection_empty');
  });

  it('is idempotent and keeps exactly the chosen organs', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...organs), { maxLength: 12 }), (chosen) => {
        const result = normalizeOrganScope({ kind: 'selected', organs: chosen });
        if (chosen.length === 0) {
          expect(result).toEqual({ ok: false, reason: 'organ_selection_empty' });
          return;
        }
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect(normalizeOrganScope(result.value)).toEqual(result);
        const covered = result.value.kind === 'all' ? [...organs] : result.value.organs;
        expect(new Set(covered)).toEqual(new Set(chosen));
      }),
    );
  });
});
