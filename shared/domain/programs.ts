import type { ValidationReason } from '../validation/reasons';

/**
 * The programs a person can register an intent for; each registered program is its own record.
 * A refusal (不同意捐献) is deliberately not among them: it is not an intent that can be amended or
 * withdrawn like the others, and it means no one may consent on the person's behalf later, so it is
 * recorded apart.
 */
export const programs = ['organ', 'cornea', 'body', 'stem_cell'] as const;
/** One of the programs. */
export type Program = (typeof programs)[number];

/** The organs an organ-donation intent can name; cornea is a tissue and has its own program. */
export const organs = ['kidney', 'liver', 'heart', 'lung', 'pancreas', 'small_intestine'] as const;
/** One of the organs. */
export type Organ = (typeof organs)[number];

/** ABO group with Rh factor, as stem-cell volunteers state it; `unknown` because many people do not know theirs. */
export const bloodTypes = ['A+', 'A-', 'B+', 'B-', 'AB+', 'AB-', 'O+', 'O-', 'unknown'] as const;
/** One of the blood types. */
export type BloodType = (typeof bloodTypes)[number];

/** Which organs an organ-donation intent covers: all of them, or a chosen subset. */
export type OrganScope = { kind: 'all' } | { kind: 'selected'; organs: Organ[] };

/** The reasons an organ scope can be rejected for (a subset of the validation reasons). */
export type OrganScopeReason = Extract<ValidationReason, 'organ_selection_empty' | 'invalid'>;

/** A normalised organ scope, or why there is none. */
export type OrganScopeCheck = { ok: true; value: OrganScope } | { ok: false; reason: OrganScopeReason };

/** Whether a value is one of the programs (for data read back from storage or the wire). */
export function isProgram(value: unknown): value is Program {
  return typeof value === 'string' && (programs as readonly string[]).includes(value);
}

/** Whether a value is one of the organs. */
export function isOrgan(value: unknown): value is Organ {
  return typeof value === 'string' && (organs as readonly string[]).includes(value);
}

/** Whether a value is one of the blood types, `unknown` included. */
export function isBloodType(value: unknown): value is BloodType {
  return typeof value === 'string' && (bloodTypes as readonly string[]).includes(value);
}

/**
 * One canonical form per meaning, so that two records saying the same thing compare equal and an
 * amendment that changes nothing is recognisable: a selection of every organ becomes `all`,
 * duplicates are dropped, and the selected organs are listed in the order of {@link organs}.
 * An empty selection is refused (`organ_selection_empty`) rather than read as "none", since an intent
 * to donate no organ is not an intent; a value that is not an organ is `invalid`. Never throws.
 */
export function normalizeOrganScope(scope: OrganScope): OrganScopeCheck {
  if (typeof scope !== 'object' || scope === null) return { ok: false, reason: 'invalid' };
  if (scope.kind === 'all') return { ok: true, value: { kind: 'all' } };
  if (scope.kind !== 'selected' || !Array.isArray(scope.organs)) return { ok: false, reason: 'invalid' };
  if (!scope.organs.every(isOrgan)) return { ok: false, reason: 'invalid' };
  const chosen = new Set<Organ>(scope.organs);
  if (chosen.size === 0) return { ok: false, reason: 'organ_selection_empty' };
  if (chosen.size === organs.length) return { ok: true, value: { kind: 'all' } };
  return { ok: true, value: { kind: 'selected', organs: organs.filter((organ) => chosen.has(organ)) } };
}
