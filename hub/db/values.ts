/** A moment as read from either engine (a Date from PostgreSQL, text from SQLite), as ISO-8601 UTC text. */
export function momentText(value: Date | string): string {
  return value instanceof Date ? value.toISOString() : value;
}

/** A counted number as read from either engine (`bigint` arrives as text from PostgreSQL). */
export function countedNumber(value: string | number | bigint): number {
  const counted = Number(value);
  if (!Number.isSafeInteger(counted)) throw new RangeError(`not a safe integer: ${String(value)}`);
  return counted;
}
