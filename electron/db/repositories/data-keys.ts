import type { Executor } from './executor';
import type { DataKeyRow, NewDataKeyRow } from '../rows';

export async function listDataKeys(db: Executor): Promise<DataKeyRow[]> {
  return db.selectFrom('data_key').selectAll().orderBy('created_at').execute();
}

export async function insertDataKey(db: Executor, row: NewDataKeyRow): Promise<void> {
  await db.insertInto('data_key').values(row).onConflict((oc) => oc.column('id').doNothing()).execute();
}
