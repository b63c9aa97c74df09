import type { Executor } from './executor';

/** `reseal`: open and seal again under the current key; `name_keys`: remake the name list's search keys. */
export type MaintenanceTask = 'reseal' | 'name_keys';

export async function isTaskPending(db: Executor, task: MaintenanceTask): Promise<boolean> {
  const row = await db.selectFrom('maintenance_task').select('task').where('task', '=', task).executeTakeFirst();
  return row !== undefined;
}

export async function requestTask(db: Executor, task: MaintenanceTask, at: string): Promise<void> {
  await db
    .insertInto('maintenance_task')
    .values({ task, requested_at: at })
    .onConflict((oc) => oc.column('task').doNothing())
    .execute();
}

export async function completeTask(db: Executor, task: MaintenanceTask): Promise<void> {
  await db.deleteFrom('maintenance_task').where('task', '=', task).execute();
}
