import type { Executor } from './executor';

/** Whitespace does not tell two wall locations apart: "东区 3 排 12 号" and "东区3排12号" are one place. */
function locationKey(location: string): string {
  return location.replace(/\s+/gu, '');
}

/** Whether a published entry already carries this name at this wall location. */
export async function hasPublishedEntryAt(db: Executor, publishedName: string, wallLocation: string): Promise<boolean> {
  const rows = await db
    .selectFrom('memorial_entry')
    .select('wall_location')
    .where('state', '=', 'published')
    .where('published_name', '=', publishedName)
    .execute();
  const wanted = locationKey(wallLocation);
  return rows.some((row) => locationKey(row.wall_location) === wanted);
}

/** Whether a published entry already lists this person at this wall location, under whatever name. */
export async function isPersonListedAt(db: Executor, personId: string, wallLocation: string): Promise<boolean> {
  const rows = await db.selectFrom('memorial_entry').select('wall_location').where('state', '=', 'published').where('person_id', '=', personId).execute();
  const wanted = locationKey(wallLocation);
  return rows.some((row) => locationKey(row.wall_location) === wanted);
}
