import { createHash } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { HubEngine } from '../engine';
import type { HubDatabase } from '../schema';

/**
 * The advisory lock key of one station: the first 8 bytes of a SHA-256 over a namespaced name, as a signed
 * 64-bit number. Two stations sharing a key (a 2^-64 chance) would only take turns, never mix their data.
 */
export function stationLockKey(provinceCode: string, stationCode: string): string {
  return createHash('sha256').update(`relay-station hub station:${provinceCode}:${stationCode}`).digest().readBigInt64BE(0).toString();
}

/**
 * Makes the batches of one station take turns until the transaction ends. On PostgreSQL a transaction-level
 * advisory lock (released by commit or rollback, so a pooled connection never keeps it). On SQLite nothing to
 * do: kysely gives a SQLite database one connection behind a mutex that a transaction holds from begin to
 * commit, and another process waits for SQLite's write lock, which a batch takes with its first statement.
 */
export async function lockStation(trx: Transaction<HubDatabase>, engine: HubEngine, provinceCode: string, stationCode: string): Promise<void> {
  if (engine === 'postgres') await sql`select pg_advisory_xact_lock(${stationLockKey(provinceCode, stationCode)}::bigint)`.execute(trx);
}
