import type { FieldCheck } from './fields';

/** Control characters other than line breaks: never part of a note a person typed. */
const CONTROL = /[\p{Cc}\p{Co}\p{Cs}]/u;

/**
 * A short free text (a reason, a note, an organisation's name): NFC, trimmed, at least one and at most
 * `max` code points, no control characters except line breaks. Never throws.
 */
export function freeTextCheck(max: number): (raw: string) => FieldCheck<string> {
  return (raw) => {
    if (typeof raw !== 'string') return { ok: false, reason: 'invalid' };
    const value = raw.normalize('NFC').replace(/\r\n?/gu, '\n').trim();
    if (value === '') return { ok: false, reason: 'required' };
    if (Array.from(value).length > max) return { ok: false, reason: 'text_too_long' };
    if (CONTROL.test(value.replace(/\n/gu, ''))) return { ok: false, reason: 'text_characters' };
    return { ok: true, value };
  };
}
