import type { FieldCheck } from './fields';

/** Control, private-use and lone-surrogate characters: never part of a text a person typed (line breaks are handled apart). */
const CONTROL = /[\p{Cc}\p{Co}\p{Cs}]/u;

/**
 * Invisible format characters that make displayed text differ from stored text: zero-width spaces and marks,
 * bidirectional embeddings, overrides and isolates (U+202E shows "abc" as "cba"), word joiners, the byte-order mark.
 */
const FORMAT = /[\u200B-\u200F\u202A-\u202E\u2060-\u206F\uFEFF]/u;

/**
 * The zero-width joiner is kept where it glues two pictographs into one emoji (a family, a rainbow flag):
 * visitors write such emoji in memorial messages. Anywhere else it is refused like the other format characters.
 */
const EMOJI_JOINER = /(?<=\p{Extended_Pictographic}\uFE0F?)\u200D(?=\p{Extended_Pictographic})/gu;

/**
 * The one rule for free text: true when the text holds a character that is invisible or rewrites the display.
 * Line breaks are allowed only in multi-line fields; tabs nowhere (they align nothing in a note). Such text is refused, never silently cleaned,
 * so what is stored is exactly what the person typed and saw.
 */
export function hasHiddenCharacters(text: string, options: { multiLine?: boolean } = {}): boolean {
  const visible = options.multiLine ? text.replace(/\n/gu, '') : text;
  return CONTROL.test(visible) || FORMAT.test(visible.replace(EMOJI_JOINER, ''));
}

/**
 * A short free text (a reason, a note, an organisation's name): NFC, trimmed, at least one and at most
 * `max` code points, no hidden characters except line breaks. Never throws.
 */
export function freeTextCheck(max: number): (raw: string) => FieldCheck<string> {
  return (raw) => {
    if (typeof raw !== 'string') return { ok: false, reason: 'invalid' };
    const value = raw.normalize('NFC').replace(/\r\n?/gu, '\n').trim();
    if (value === '') return { ok: false, reason: 'required' };
    if (Array.from(value).length > max) return { ok: false, reason: 'text_too_long' };
    if (hasHiddenCharacters(value, { multiLine: true })) return { ok: false, reason: 'text_characters' };
    return { ok: true, value };
  };
}
