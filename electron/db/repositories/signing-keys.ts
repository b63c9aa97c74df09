import type { NewSigningKeyRow, SigningKeyRow } from '../rows';
import type { Executor } from './executor';

export async function insertSigningKey(db: Executor, row: NewSigningKeyRow): Promise<void> {
  await db.insertInto('signing_key').values(row).execute();
}

/** The station's signing key: the first one made (a station has one). */
export async function firstSigningKey(db: Executor): Promise<SigningKeyRow | undefined> {
  return db.selectFrom('signing_key').selectAll().orderBy('created_at').orderBy('id').limit(1).executeTakeFirst();
}
