import type { Executor } from './executor';
import type { DataKeyTable } from '../schema';

export async function listDataKeys(db: Executor): Promise<DataKeyTable[]> {
  return db.selectFrom('data_key').selectAll().orderBy('created_at').execute();
}

export async function insertDataKey(db: Executor, row: DataKeyTable): Promise<void> {
  await db.insertInto('data_key').values(row).onConflict((oc) => oc.column('id').doNothing()).execute();
}
