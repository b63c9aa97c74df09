import type { Executor } from './executor';
import type { NewStationRow, StationRow } from '../rows';

export async function findStation(db: Executor): Promise<StationRow | undefined> {
  return db.selectFrom('station').selectAll().where('id', '=', 1).executeTakeFirst();
}

export async function renameStation(db: Executor, name: string): Promise<void> {
  await db.updateTable('station').set({ name }).where('id', '=', 1).execute();
}

export async function insertStation(db: Executor, row: Omit<NewStationRow, 'id'>): Promise<void> {
  await db.insertInto('station').values({ id: 1, ...row }).execute();
}
