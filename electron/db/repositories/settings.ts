import type { Executor } from './executor';

export async function readSetting(db: Executor, key: string): Promise<string | undefined> {
  const row = await db.selectFrom('station_setting').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value;
}

/** The stored values of several settings; a key without a row is absent from the map. */
export async function readSettings(db: Executor, keys: string[]): Promise<Map<string, string>> {
  if (keys.length === 0) return new Map();
  const rows = await db.selectFrom('station_setting').select(['key', 'value']).where('key', 'in', keys).execute();
  return new Map(rows.map((row) => [row.key, row.value]));
}

/** Stores a setting's value, replacing the one before. */
export async function writeSetting(db: Executor, key: string, value: string, updatedAt: string): Promise<void> {
  await db
    .insertInto('station_setting')
    .values({ key, value, updated_at: updatedAt })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: updatedAt }))
    .execute();
}
