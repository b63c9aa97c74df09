import type { KioskHeldChangeRow, NewKioskHeldChangeRow } from '../rows';
import type { Executor } from './executor';

export async function insertHeldChange(db: Executor, row: NewKioskHeldChangeRow): Promise<void> {
  await db.insertInto('kiosk_held_change').values(row).execute();
}

/** The person's changes still waiting for staff, oldest first. */
export async function pendingHeldChanges(db: Executor, personId: string): Promise<KioskHeldChangeRow[]> {
  return db.selectFrom('kiosk_held_change').selectAll().where('person_id', '=', personId).where('state', '=', 'pending').orderBy('held_at').execute();
}

export async function findHeldChange(db: Executor, id: string): Promise<KioskHeldChangeRow | undefined> {
  return db.selectFrom('kiosk_held_change').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Confirms or discards a pending change; refuses (false) when another desk settled it meanwhile. */
export async function settleHeldChange(db: Executor, id: string, state: 'confirmed' | 'discarded', at: string, staffId: string | null): Promise<boolean> {
  const result = await db
    .updateTable('kiosk_held_change')
    .set({ state, decided_at: at, decided_by: staffId })
    .where('id', '=', id)
    .where('state', '=', 'pending')
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}
