import type { BatchErrorCode } from '../../shared/domain/sync';
import { SyncProtocolError } from './protocol-error';

/**
 * RFC 8785 (JSON Canonicalization Scheme) for the values this protocol uses (§3.1): objects, arrays,
 * strings, safe integers, booleans and null. Anything else (fractions, NaN, undefined, functions,
 * class instances) is a programming error and throws a TypeError, so a signed text is never ambiguous.
 */
export function canonicalJson(value: unknown): string {
  switch (typeof value) {
    case 'string':
      // JSON.stringify escapes exactly as RFC 8785 does: ", \, \b \t \n \f \r, other controls as
      // lower-case \u00xx, lone surrogates as \udxxx, everything else (and "/") as itself.
      return JSON.stringify(value);
    case 'number':
      if (!Number.isSafeInteger(value)) throw new TypeError(`canonical JSON holds safe integers only, not ${value}`);
      // String(-0) is "0", as RFC 8785 wants.
      return String(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      if (value === null) return 'null';
      if (Array.isArray(value)) return canonicalArray(value);
      return canonicalObject(value);
    default:
      throw new TypeError(`canonical JSON cannot hold a value of type ${typeof value}`);
  }
}

// The hub canonicalises every payload it takes, so the two containers are built by appending to one string
// rather than through intermediate arrays of parts.

function canonicalArray(items: readonly unknown[]): string {
  let text = '[';
  for (let index = 0; index < items.length; index++) {
    if (index > 0) text += ',';
    text += canonicalJson(items[index]);
  }
  return `${text}]`;
}

function canonicalObject(value: object): string {
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) {
    throw new TypeError('canonical JSON holds plain objects only');
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  // The default sort compares UTF-16 code units, which is RFC 8785's order; keys already in that order
  // (a canonical text parsed back) are left as they are.
  if (!inCodeUnitOrder(keys)) keys.sort();
  let text = '{';
  for (let index = 0; index < keys.length; index++) {
    const key = keys[index] as string;
    const member = record[key];
    if (member === undefined) throw new TypeError(`canonical JSON has no undefined (member ${JSON.stringify(key)})`);
    if (index > 0) text += ',';
    text += memberPrefix(key) + canonicalJson(member);
  }
  return `${text}}`;
}

/** Member names remembered with their quoted prefix; a payload's kinds share a few dozen names. */
const memberPrefixes = new Map<string, string>();
const MEMBER_PREFIXES_KEPT = 1024;
const MEMBER_PREFIX_MAX_NAME = 64;

/**
 * `"name":`, quoted as JSON.stringify quotes. Remembered for short names, up to a fixed count, so that text
 * from a station with names never seen before cannot make the memory grow.
 */
function memberPrefix(name: string): string {
  const known = memberPrefixes.get(name);
  if (known !== undefined) return known;
  const prefix = `${JSON.stringify(name)}:`;
  if (name.length <= MEMBER_PREFIX_MAX_NAME && memberPrefixes.size < MEMBER_PREFIXES_KEPT) memberPrefixes.set(name, prefix);
  return prefix;
}

function inCodeUnitOrder(keys: readonly string[]): boolean {
  for (let index = 1; index < keys.length; index++) {
    if ((keys[index - 1] as string) > (keys[index] as string)) return false;
  }
  return true;
}

/**
 * Strict UTF-8 to text: fatal on malformed bytes; ignoreBOM keeps a byte-order mark in the text, where
 * JSON.parse refuses it. One decoder serves every call, since decode() without `stream` keeps no state.
 */
export const strictUtf8Decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Parses bytes that must already be canonical: valid UTF-8 (no byte-order mark), valid JSON, and
 * identical to the canonical form of what they parse to. That one comparison also rules out duplicate
 * keys, white space, fractions and other spellings a signature could be ambiguous about.
 */
export function parseCanonicalJson(bytes: Buffer, code: BatchErrorCode): unknown {
  let value: unknown;
  try {
    const text = strictUtf8Decoder.decode(bytes);
    value = JSON.parse(text);
    if (!Buffer.from(canonicalJson(value), 'utf8').equals(bytes)) throw new Error('not canonical');
  } catch (error) {
    throw new SyncProtocolError(code, `JSON is not canonical UTF-8: ${error instanceof Error ? error.message : String(error)}`);
  }
  return value;
}
