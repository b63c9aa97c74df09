import type { Kysely } from 'kysely';
import type { StationDatabase } from '../../db/schema';
import { completeTask, isTaskPending } from '../../db/repositories/maintenance';
import { deleteNameKeys, insertNameKeys, publishedEntryNames } from '../../db/repositories/memorial-names';
import { searchKeyRows } from './memorial-name-records';

/**
 * Makes every published name's search keys again when a migration asked for it (the way names are
 * spelled for search changed). One transaction: the public list never sees a name without its keys.
 */
export async function rebuildNameKeysIfRequested(db: Kysely<StationDatabase>): Promise<boolean> {
  if (!(await isTaskPending(db, 'name_keys'))) return false;
  await db.transaction().execute(async (trx) => {
    for (const entry of await publishedEntryNames(trx)) {
      if (entry.published_name === null) continue;
      await deleteNameKeys(trx, entry.id);
      await insertNameKeys(trx, searchKeyRows(entry.id, entry.published_name, entry.engraving_year));
    }
    await completeTask(trx, 'name_keys');
  });
  return true;
}
