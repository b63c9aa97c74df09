import groupList from '../../resources/reference/ethnic-groups.json' with { type: 'json' };
import type { DocumentKind } from './identity-document';
import type { ValidationReason } from './reasons';

/** One of the 56 ethnic groups of GB/T 3304, by its two-digit code. */
export interface EthnicGroup {
  code: string;
  zh: string;
  en: string;
}

export const ethnicGroups: readonly EthnicGroup[] = groupList.groups;

const byCode = new Map(ethnicGroups.map((group) => [group.code, group]));

export function findEthnicGroup(code: string): EthnicGroup | undefined {
  return byCode.get(code);
}

/**
 * Whether a document kind asks for the ethnic group:
 * - `required` for the resident ID, which records it;
 * - `empty` for the foreigners' permanent residence cards;
 * - `optional` for passports and the Hong Kong, Macao and Taiwan documents, which do not record it
 *   (their holders may still be Chinese citizens).
 */
export type EthnicGroupRule = 'required' | 'optional' | 'empty';

export function ethnicGroupRule(kind: DocumentKind): EthnicGroupRule {
  switch (kind) {
    case 'resident_id':
      return 'required';
    case 'foreign_permanent_2023':
    case 'foreign_permanent_2017':
      return 'empty';
    default:
      return 'optional';
  }
}

export type EthnicGroupReason = Extract<ValidationReason, 'required' | 'ethnic_group_unknown' | 'ethnic_group_not_applicable'>;

/** A valid entry: the two-digit code, or null when none is given (and none is needed). */
export type EthnicGroupCheck = { ok: true; value: string | null } | { ok: false; reason: EthnicGroupReason };

/**
 * Checks an ethnic group code against the document it goes with. The code is NFKC-normalised and
 * trimmed; a single digit is read with its leading zero (`1` is `01`). Never throws.
 */
export function checkEthnicGroup(code: string | null | undefined, documentKind: DocumentKind): EthnicGroupCheck {
  const rule = ethnicGroupRule(documentKind);
  const check = checkEthnicGroupCode(code);
  if (check.ok && check.value === null && rule === 'required') return { ok: false, reason: 'required' };
  if (check.ok && check.value !== null && rule === 'empty') return { ok: false, reason: 'ethnic_group_not_applicable' };
  if (!check.ok && rule === 'empty') return { ok: false, reason: 'ethnic_group_not_applicable' };
  return check;
}

/** Checks a code on its own: blank is null (none given), otherwise one of the 56 codes. Never throws. */
export function checkEthnicGroupCode(code: string | null | undefined): EthnicGroupCheck {
  const value = typeof code === 'string' ? code.normalize('NFKC').trim() : '';
  if (value === '') return { ok: true, value: null };
  const padded = /^\d$/.test(value) ? `0${value}` : value;
  if (!byCode.has(padded)) return { ok: false, reason: 'ethnic_group_unknown' };
  return { ok: true, value: padded };
}
