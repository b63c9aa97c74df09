import type { Executor } from './executor';

export async function readSetting(db: Executor, key: string): Promise<string | undefined> {
  const row = await db.selectFrom('station_setting').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value;
}
