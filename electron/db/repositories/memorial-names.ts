import { sql } from 'kysely';
import type { MemorialDonationKind, MemorialEntryState } from '../../../shared/domain/memorial-names';
import type {
  MemorialConsentRow,
  MemorialEntryRow,
  NewMemorialConsentRow,
  NewMemorialEntryRow,
  NewMemorialNameKeyRow,
} from '../rows';
import type { Executor } from './executor';

/** An entry with its consent, as the staff desk reads it. */
export interface MemorialEntryWithConsent {
  entry: MemorialEntryRow;
  consent: MemorialConsentRow;
}

/** A published name as the public list shows it. */
export interface PublicNameRow {
  id: string;
  published_name: string;
  donation_kind: MemorialDonationKind;
  engraving_year: number;
  wall_location: string;
}

/** A page of published entries matching a search, and how many matched in all. */
export interface NameMatches<Row> {
  total: number;
  rows: Row[];
}

/** What a withdrawal changes on an entry. */
export type MemorialEntryWithdrawal = Pick<MemorialEntryRow, 'state' | 'version' | 'published_name' | 'withdrawn_name' | 'withdrawn_at' | 'withdrawn_by'>;

/** What a withdrawal records on a consent. */
export type MemorialConsentWithdrawal = Pick<MemorialConsentRow, 'withdrawn_at' | 'withdrawn_by' | 'withdraw_reason'>;

export async function insertMemorialConsent(db: Executor, row: NewMemorialConsentRow): Promise<void> {
  await db.insertInto('memorial_consent').values(row).execute();
}

export async function insertMemorialEntry(db: Executor, row: NewMemorialEntryRow): Promise<void> {
  await db.insertInto('memorial_entry').values(row).execute();
}

export async function insertNameKeys(db: Executor, keys: readonly NewMemorialNameKeyRow[]): Promise<void> {
  if (keys.length === 0) return;
  await db.insertInto('memorial_name_key').values([...keys]).execute();
}

/** Every published entry's id, name and year: what its search keys are made from. */
export async function publishedEntryNames(db: Executor): Promise<Array<Pick<MemorialEntryRow, 'id' | 'published_name' | 'engraving_year'>>> {
  return db.selectFrom('memorial_entry').select(['id', 'published_name', 'engraving_year']).where('state', '=', 'published').execute();
}

export async function deleteNameKeys(db: Executor, entryId: string): Promise<void> {
  await db.deleteFrom('memorial_name_key').where('entry_id', '=', entryId).execute();
}

export async function personExists(db: Executor, personId: string): Promise<boolean> {
  return (await db.selectFrom('person').select('id').where('id', '=', personId).executeTakeFirst()) !== undefined;
}

export async function findMemorialEntry(db: Executor, id: string): Promise<MemorialEntryWithConsent | undefined> {
  const entry = await db.selectFrom('memorial_entry').selectAll().where('id', '=', id).executeTakeFirst();
  if (!entry) return undefined;
  const consent = await db.selectFrom('memorial_consent').selectAll().where('id', '=', entry.consent_id).executeTakeFirstOrThrow();
  return { entry, consent };
}

/** Withdraws a published entry at the version the caller read; false when it has moved since. */
export async function withdrawMemorialEntry(db: Executor, id: string, fromVersion: number, change: MemorialEntryWithdrawal): Promise<boolean> {
  const result = await db
    .updateTable('memorial_entry')
    .set(change)
    .where('id', '=', id)
    .where('state', '=', 'published')
    .where('version', '=', fromVersion)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Records the withdrawal of a standing consent; false when it was already withdrawn. */
export async function withdrawMemorialConsent(db: Executor, id: string, change: MemorialConsentWithdrawal): Promise<boolean> {
  const result = await db.updateTable('memorial_consent').set(change).where('id', '=', id).where('withdrawn_at', 'is', null).executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/**
 * Published names with a key in [from, to), newest year of engraving first, then in pinyin order, and
 * how many there are in all. Matches are counted and ordered from the key index alone (its rows carry
 * the year and sort key); only the page is read from the entries. Keys exist only for a published
 * name (the database refuses others and deletes them on withdrawal), and the page checks the state too.
 */
export async function searchPublishedNames(db: Executor, range: { from: string; to: string }, limit: number): Promise<NameMatches<PublicNameRow>> {
  const result = await sql<PublicNameRow & { total: number }>`
    with hits as (
      select distinct entry_id, engraving_year, sort_key from memorial_name_key where key >= ${range.from} and key < ${range.to}
    ),
    page as (select entry_id, engraving_year, sort_key from hits order by engraving_year desc, sort_key, entry_id limit ${limit})
    select e.id, e.published_name, e.donation_kind, e.engraving_year, e.wall_location, (select count(*) from hits) as total
    from page join memorial_entry e on e.id = page.entry_id
    where e.state = 'published'
    order by page.engraving_year desc, page.sort_key, page.entry_id`.execute(db);
  return {
    total: Number(result.rows[0]?.total ?? 0),
    rows: result.rows.map(({ total: _total, ...row }) => row),
  };
}

/** Published entries with a key in [from, to), for the staff desk: the same order as the public list. */
export async function searchPublishedEntries(
  db: Executor,
  range: { from: string; to: string },
  limit: number,
): Promise<NameMatches<MemorialEntryWithConsent>> {
  const matches = await searchPublishedNames(db, range, limit);
  return { total: matches.total, rows: await withConsents(db, matches.rows.map((row) => row.id)) };
}

export interface MemorialEntryFilter {
  state?: MemorialEntryState;
  limit: number;
}

/** The latest entries, newest first, by state when given, with their consents. */
export async function listMemorialEntries(db: Executor, filter: MemorialEntryFilter): Promise<NameMatches<MemorialEntryWithConsent>> {
  let query = db.selectFrom('memorial_entry').select('id');
  let count = db.selectFrom('memorial_entry').select((eb) => eb.fn.countAll<number>().as('n'));
  if (filter.state !== undefined) {
    query = query.where('state', '=', filter.state);
    count = count.where('state', '=', filter.state);
  }
  const ids = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(filter.limit).execute();
  const total = Number((await count.executeTakeFirstOrThrow()).n);
  return { total, rows: await withConsents(db, ids.map((row) => row.id)) };
}

/**
 * Moves every committed page from the WAL into the database file and empties the WAL. Erased values
 * (secure_delete zeroes them in the pages that held them) then survive in neither file: the WAL would
 * otherwise keep the earlier page images until it is next reset.
 */
export async function flushErasedPages(db: Executor): Promise<void> {
  await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db);
}

/** The entries of these ids with their consents, in the order of the ids. */
async function withConsents(db: Executor, ids: string[]): Promise<MemorialEntryWithConsent[]> {
  if (ids.length === 0) return [];
  const entries = await db.selectFrom('memorial_entry').selectAll().where('id', 'in', ids).execute();
  const consents = await db
    .selectFrom('memorial_consent')
    .selectAll()
    .where('id', 'in', entries.map((entry) => entry.consent_id))
    .execute();
  const consentById = new Map(consents.map((consent) => [consent.id, consent]));
  const entryById = new Map(entries.map((entry) => [entry.id, entry]));
  return ids.flatMap((id) => {
    const entry = entryById.get(id);
    const consent = entry === undefined ? undefined : consentById.get(entry.consent_id);
    return entry === undefined || consent === undefined ? [] : [{ entry, consent }];
  });
}
