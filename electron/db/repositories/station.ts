import type { Executor } from './executor';
import type { StationTable } from '../schema';

export async function findStation(db: Executor): Promise<StationTable | undefined> {
  return db.selectFrom('station').selectAll().where('id', '=', 1).executeTakeFirst();
}

export async function renameStation(db: Executor, name: string): Promise<void> {
  await db.updateTable('station').set({ name }).where('id', '=', 1).execute();
}

export async function insertStation(db: Executor, row: Omit<StationTable, 'id'>): Promise<void> {
  await db.insertInto('station').values({ id: 1, ...row }).execute();
}
