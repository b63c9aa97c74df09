/** Kiosk screens show a name as its first character and `*`, never the whole name. */
export function maskName(name: string): string {
  const [first] = Array.from(name);
  return first === undefined ? '' : `${first}*`;
}

/** The character that stands in for each hidden one, so a masked value keeps its length. */
const MASK = '*';

/**
 * A document number as screens show it: the first 6 and last 4 characters, each one between as `*`
 * (`530102********123X`), so staff can tell two people apart without reading the number out.
 * Numbers of 10 characters or fewer (passports, travel permits) would be almost whole under that rule,
 * so they show at most 2 characters at each end and never more than a quarter of the number at each
 * end: `E1*****78` for 9 characters, `A****6` for 6, and nothing at all for 3 or fewer. Counts code
 * points, so a character outside the basic plane is one character and is never split.
 */
export function maskDocumentNumber(number: string): string {
  const characters = Array.from(number);
  const shown = characters.length > 10 ? { head: 6, tail: 4 } : shortShown(characters.length);
  return maskMiddle(characters, () => true, shown.head, shown.tail);
}

/**
 * A phone number as screens show it: an 11-digit mobile as 3 + `****` + 4 (`138****5678`). Only digits
 * (and other characters that are not separators) are hidden or shown; a leading `+`, spaces, hyphens
 * and parentheses stay where they are, so `0871-65123456` reads `087*-****3456`. Any number of 11
 * digits or more shows its first 3 and last 4 digits; shorter numbers show at most 2 digits at each
 * end and never more than a quarter at each end, as document numbers do. Counts code points.
 */
export function maskPhone(phone: string): string {
  const characters = Array.from(phone);
  // A value made of separators only would otherwise be shown whole: hide every character of it.
  if (!characters.some(isPhoneHideable)) return MASK.repeat(characters.length);
  const count = characters.filter(isPhoneHideable).length;
  const shown = count >= 11 ? { head: 3, tail: 4 } : shortShown(count);
  return maskMiddle(characters, isPhoneHideable, shown.head, shown.tail);
}

/** Short values: at most 2 at each end and at most a quarter of the length, so at least half is hidden. */
function shortShown(length: number): { head: number; tail: number } {
  const each = Math.min(2, Math.floor(length / 4));
  return { head: each, tail: each };
}

/** Everything but the separators a stored or typed phone number may contain. */
function isPhoneHideable(character: string): boolean {
  return !/^[+\-\s()]$/u.test(character);
}

/**
 * Hides the hideable characters except the first `head` and last `tail` of them; the others are kept
 * as they are. Callers choose head + tail below the hideable count, so at least one is always hidden.
 */
function maskMiddle(characters: string[], hideable: (character: string) => boolean, head: number, tail: number): string {
  const total = characters.filter(hideable).length;
  let index = 0;
  return characters
    .map((character) => {
      if (!hideable(character)) return character;
      const position = index;
      index += 1;
      return position < head || position >= total - tail ? character : MASK;
    })
    .join('');
}
