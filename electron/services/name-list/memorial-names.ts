import type { CallOutput, ParsedInput } from '../../../shared/contract/calls';
import type { FieldIssue } from '../../../shared/contract/errors';
import { stationDate } from '../../../shared/domain/age';
import {
  foldForNameSearch,
  latestEngravingYear,
  NAME_SEARCH_LIMIT,
} from '../../../shared/domain/memorial-names';
import type { Executor } from '../../db/repositories/executor';
import { engravingConsentOfPerson } from '../../db/repositories/family';
import { hasPublishedEntryAt, isPersonListedAt } from '../../db/repositories/memorial-duplicates';
import {
  findMemorialEntry,
  flushErasedPages,
  insertMemorialConsent,
  insertMemorialEntry,
  insertNameKeys,
  listMemorialEntries,
  personExists,
  searchPublishedEntries,
  searchPublishedNames,
  withdrawMemorialConsent,
  withdrawMemorialEntry,
  type MemorialEntryWithConsent,
  type MemorialEntryWithdrawal,
} from '../../db/repositories/memorial-names';
import { listStaff } from '../../db/repositories/staff';
import type { Actor } from '../kernel/audit';
import { AppError } from '../kernel/errors';
import { keyRange } from './memorial-name-keys';
import { memorialEntrySyncPayload, memorialEntryViews, newMemorialEntry, type MemorialEntryView } from './memorial-name-records';
import { queueForSync } from '../kernel/outbox';
import { writeAs, type StationContext } from '../kernel/context';

type NameSearchResult = CallOutput<'nameList:search'>;

/**
 * The donor name list (纪念名录): staff enter names with the family's consent, the public finds them
 * by characters and by pinyin, and a withdrawn consent takes the name off the list at once. Every change
 * commits together with its audit entry and its outbox entry.
 */
export class MemorialNameService {
  constructor(private readonly ctx: StationContext) {}

  /** Publishes a name with the family's consent recorded in the same transaction; no consent, no entry. */
  async add(input: ParsedInput<'nameList:add'>, actor: Actor): Promise<MemorialEntryView> {
    const station = await this.ctx.station.require();
    const now = this.ctx.clock.now();
    const today = stationDate(now);
    const issues: FieldIssue[] = [];
    if (input.engravingYear > latestEngravingYear(Number(today.slice(0, 4)))) issues.push({ path: 'engravingYear', reason: 'engraving_year' });
    if (input.consent.givenOn > today) issues.push({ path: 'consent.givenOn', reason: 'consent_date' });
    if (issues.length > 0) throw new AppError('validation_failed', 'invalid input', issues);
    const at = now.toISOString();
    const rows = newMemorialEntry(input, this.ctx.protection, { stationCode: station.code, actor, at });
    return this.ctx.db.transaction().execute(async (trx) => {
      if (input.personId !== null && !(await personExists(trx, input.personId))) {
        throw new AppError('validation_failed', 'invalid input', [{ path: 'personId', reason: 'person_unknown' }]);
      }
      // A donor whose family the station cares for is engraved only while the family's own consent to it stands.
      if (input.personId !== null && (await engravingConsentOfPerson(trx, input.personId)) === 'not_granted') {
        throw new AppError('family_engraving_not_consented');
      }
      // A donor is engraved once at a place; an alias or a namesake's confirmation does not change who it is.
      if (input.personId !== null && (await isPersonListedAt(trx, input.personId, input.wallLocation))) {
        throw new AppError('memorial_person_listed');
      }
      // The same name at the same place is most likely the same form entered twice; staff confirm a true namesake.
      if (!input.confirmDuplicate && (await hasPublishedEntryAt(trx, input.publishedName, input.wallLocation))) {
        throw new AppError('memorial_entry_duplicate');
      }
      await insertMemorialConsent(trx, rows.consent);
      await insertMemorialEntry(trx, rows.entry);
      await insertNameKeys(trx, rows.keys);
      const stored = { entry: rows.entry, consent: rows.consent };
      await this.record(trx, stored, { actor, stationCode: station.code, action: 'create', at });
      return this.view(trx, stored);
    });
  }

  /**
   * Withdraws the family's consent: the entry leaves the public list at once, its plain name and search
   * keys are erased and the name is kept only sealed, for the history. Final.
   */
  async withdrawConsent(input: ParsedInput<'nameList:withdrawConsent'>, actor: Actor): Promise<MemorialEntryView> {
    const withdrawn = await writeAs(this.ctx, async (trx, { station, at }) => {
      const current = await findMemorialEntry(trx, input.entryId);
      if (!current) throw new AppError('not_found');
      if (current.entry.state !== 'published' || current.entry.published_name === null) throw new AppError('memorial_consent_withdrawn');
      const entryChange: MemorialEntryWithdrawal = {
        state: 'withdrawn',
        version: current.entry.version + 1,
        published_name: null,
        withdrawn_name: this.ctx.protection.seal(current.entry.published_name, 'memorial_entry.withdrawn_name'),
        withdrawn_at: at,
        withdrawn_by: actor.id,
      };
      const consentChange = { withdrawn_at: at, withdrawn_by: actor.id, withdraw_reason: this.ctx.protection.seal(input.reason, 'memorial_consent.withdraw_reason') };
      // The entry's search keys go with the state change (a trigger of migration 0006 deletes them).
      if (!(await withdrawMemorialEntry(trx, current.entry.id, current.entry.version, entryChange))) throw new AppError('version_conflict');
      if (!(await withdrawMemorialConsent(trx, current.consent.id, consentChange))) throw new AppError('memorial_consent_withdrawn');
      const stored = { entry: { ...current.entry, ...entryChange }, consent: { ...current.consent, ...consentChange } };
      await this.record(trx, stored, { actor, stationCode: station.code, action: 'withdraw', at });
      return this.view(trx, stored);
    });
    // The erased name must not linger in the WAL's earlier page images either.
    await flushErasedPages(this.ctx.db);
    return withdrawn;
  }

  /**
   * The public search: names whose consent stands, found by any run of their characters, the start of
   * their pinyin or of their pinyin initials, grouped by year of engraving, newest year first. A name
   * without a standing consent has no search keys, so it is neither shown nor counted.
   */
  async search(input: ParsedInput<'nameList:search'>): Promise<NameSearchResult> {
    const matches = await searchPublishedNames(this.ctx.db, keyRange(foldForNameSearch(input.query)), NAME_SEARCH_LIMIT);
    const groups: NameSearchResult['groups'] = [];
    for (const row of matches.rows) {
      const name = { id: row.id, name: row.published_name, donationKind: row.donation_kind, wallLocation: row.wall_location };
      const last = groups[groups.length - 1];
      if (last?.year === row.engraving_year) last.names.push(name);
      else groups.push({ year: row.engraving_year, names: [name] });
    }
    return { total: matches.total, groups };
  }

  /** The staff list: the latest entries by state, or the published entries a search finds. */
  async list(input: ParsedInput<'nameList:list'>): Promise<CallOutput<'nameList:list'>> {
    const matches =
      input.query === undefined
        ? await listMemorialEntries(this.ctx.db, { state: input.state, limit: input.limit })
        : input.state === 'withdrawn'
          ? { total: 0, rows: [] }
          : await searchPublishedEntries(this.ctx.db, keyRange(foldForNameSearch(input.query)), input.limit);
    return { total: matches.total, entries: await this.views(this.ctx.db, matches.rows) };
  }

  /** The audit entry and the outbox entry of a change, in its transaction. The audit detail names no one. */
  private async record(
    trx: Executor,
    stored: MemorialEntryWithConsent,
    change: { actor: Actor; stationCode: string; action: 'create' | 'withdraw'; at: string },
  ): Promise<void> {
    await this.ctx.audit.append(trx, {
      actor: change.actor,
      stationCode: change.stationCode,
      action: change.action,
      objectType: 'memorial_entry',
      objectId: stored.entry.id,
      detail: { donationKind: stored.entry.donation_kind, engravingYear: stored.entry.engraving_year, state: stored.entry.state },
    });
    await queueForSync(trx, this.ctx.protection, {
      kind: 'memorial_entry',
      entityId: stored.entry.id,
      version: stored.entry.version,
      payload: memorialEntrySyncPayload(this.ctx.protection, stored),
      createdAt: change.at,
    });
  }

  private async views(db: Executor, rows: MemorialEntryWithConsent[]): Promise<MemorialEntryView[]> {
    if (rows.length === 0) return [];
    const staffNames = new Map((await listStaff(db)).map((staff) => [staff.id, staff.display_name]));
    return memorialEntryViews(this.ctx.protection, staffNames, rows);
  }

  private async view(trx: Executor, stored: MemorialEntryWithConsent): Promise<MemorialEntryView> {
    const [view] = await this.views(trx, [stored]);
    if (view === undefined) throw new Error(`memorial entry ${stored.entry.id} has no view`);
    return view;
  }
}
