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
      if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
      return canonicalObject(value);
    default:
      throw new TypeError(`canonical JSON cannot hold a value of type ${typeof value}`);
  }
}

function canonicalObject(value: object): string {
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) {
    throw new TypeError('canonical JSON holds plain objects only');
  }
  const record = value as Record<string, unknown>;
  // The default sort compares UTF-16 code units, which is RFC 8785's order.
  const members = Object.keys(record)
    .sort()
    .map((key) => {
      const member = record[key];
      if (member === undefined) throw new TypeError(`canonical JSON has no undefined (member ${JSON.stringify(key)})`);
      return `${JSON.stringify(key)}:${canonicalJson(member)}`;
    });
  return `{${members.join(',')}}`;
}

/**
 * Parses bytes that must already be canonical: valid UTF-8 (no byte-order mark), valid JSON, and
 * identical to the canonical form of what they parse to. That one comparison also rules out duplicate
 * keys, white space, fractions and other spellings a signature could be ambiguous about.
 */
export function parseCanonicalJson(bytes: Buffer, code: BatchErrorCode): unknown {
  let value: unknown;
  try {
    // ignoreBOM keeps a byte-order mark in the text, where JSON.parse refuses it.
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    value = JSON.parse(text);
    if (!Buffer.from(canonicalJson(value), 'utf8').equals(bytes)) throw new Error('not canonical');
  } catch (error) {
    throw new SyncProtocolError(code, `JSON is not canonical UTF-8: ${error instanceof Error ? error.message : String(error)}`);
  }
  return value;
}
