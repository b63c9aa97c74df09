import type { ValidationReason } from './reasons';

/** Look-alike dots people type between the parts of a name; all become U+00B7 (GB 18030's middle dot). */
const LOOK_ALIKE_DOTS = /[\u30FB\uFF65\u2022\u2027\u2219\u22C5\uFF0E]/gu;
const MIDDLE_DOT = '\u00B7';
const MAX_CODE_POINTS = 50;

export type NameCheck = { ok: true; value: string } | { ok: false; reason: ValidationReason };

/**
 * Normalises and checks a person's name: CJK of every extension block, Latin letters and spaces for
 * foreign names, and `·` between parts. Length counts code points, so a rare character outside the
 * basic plane counts once.
 */
export function checkPersonName(raw: string): NameCheck {
  const value = raw
    .normalize('NFC')
    .replace(LOOK_ALIKE_DOTS, MIDDLE_DOT)
    .replace(/\s+/gu, ' ')
    .replace(/ ?\u00B7 ?/gu, MIDDLE_DOT)
    .trim();
  const codePoints = Array.from(value);
  if (codePoints.length === 0) return { ok: false, reason: 'required' };
  if (codePoints.length > MAX_CODE_POINTS) return { ok: false, reason: 'name_too_long' };
  if (/\p{Nd}/u.test(value)) return { ok: false, reason: 'name_digits' };
  if (!/^[\p{Script=Han}\p{Script=Latin}\u00B7 ]+$/u.test(value)) return { ok: false, reason: 'name_characters' };
  if (value.startsWith(MIDDLE_DOT) || value.endsWith(MIDDLE_DOT) || value.includes(MIDDLE_DOT + MIDDLE_DOT)) {
    return { ok: false, reason: 'name_dot_position' };
  }
  return { ok: true, value };
}
