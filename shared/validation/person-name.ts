import { foldFullwidthAscii } from './fullwidth';
import type { ValidationReason } from './reasons';

/** Look-alike dots people type between the parts of a name; all become U+00B7 (GB 18030's middle dot). */
const LOOK_ALIKE_DOTS = /[\u30FB\uFF65\u2022\u2027\u2219\u22C5\uFF0E]/gu;
const MIDDLE_DOT = '\u00B7';
/** Typographic apostrophes (’ ‘ ʼ ′) a keyboard or a word processor puts in `O'Brien`; all become ASCII `'`. */
const LOOK_ALIKE_APOSTROPHES = /[\u2018\u2019\u02BC\u2032]/gu;
/** Hyphens and dashes typed in `Jean-Luc`; all become ASCII `-`. */
const LOOK_ALIKE_HYPHENS = /[\u2010-\u2013\u2212\uFE63]/gu;
/** A hyphen or apostrophe without a Latin letter on both sides: alone, at an end, doubled or next to a Han character. */
const STRAY_LATIN_PUNCTUATION = /(?<!\p{Script=Latin})['-]|['-](?!\p{Script=Latin})/u;
const MAX_CODE_POINTS = 50;

export type NameCheck = { ok: true; value: string } | { ok: false; reason: ValidationReason };

/**
 * Normalises and checks a person's name: CJK of every extension block, Latin letters and spaces for
 * foreign names, and `·` between parts. Latin names may also hold a hyphen or an apostrophe between two
 * letters, as passports print them (`Jean-Luc`, `O'Brien`). Full-width Latin letters (`Ａｎｎａ`) are
 * folded to ASCII. Length counts code points, so a rare character outside the basic plane counts once.
 */
export function checkPersonName(raw: string): NameCheck {
  // Dots before the full-width fold: the full-width full stop U+FF0E is a look-alike middle dot here, not a `.`.
  const value = foldFullwidthAscii(raw.normalize('NFC').replace(LOOK_ALIKE_DOTS, MIDDLE_DOT))
    .replace(LOOK_ALIKE_APOSTROPHES, "'")
    .replace(LOOK_ALIKE_HYPHENS, '-')
    .replace(/\s+/gu, ' ')
    .replace(/ ?\u00B7 ?/gu, MIDDLE_DOT)
    .replace(/ ?- ?/gu, '-')
    .trim();
  const codePoints = Array.from(value);
  if (codePoints.length === 0) return { ok: false, reason: 'required' };
  if (codePoints.length > MAX_CODE_POINTS) return { ok: false, reason: 'name_too_long' };
  if (/\p{Nd}/u.test(value)) return { ok: false, reason: 'name_digits' };
  if (!/^[\p{Script=Han}\p{Script=Latin}\u00B7 '-]+$/u.test(value)) return { ok: false, reason: 'name_characters' };
  if (STRAY_LATIN_PUNCTUATION.test(value)) return { ok: false, reason: 'name_characters' };
  if (value.startsWith(MIDDLE_DOT) || value.endsWith(MIDDLE_DOT) || value.includes(MIDDLE_DOT + MIDDLE_DOT)) {
    return { ok: false, reason: 'name_dot_position' };
  }
  return { ok: true, value };
}
