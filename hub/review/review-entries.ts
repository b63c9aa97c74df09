import { maskDocumentNumber, maskName } from '../../shared/domain/masking';
import type { HubStore } from '../db/open';
import type { Executor } from '../db/repositories/executor';
import { countedNumber, momentText } from '../db/values';
import type { PersonDetails } from '../people/payloads';
import { SEALED_COLUMNS, type HubSealer } from '../people/sealing';

/** What the province can decide about a review entry. */
export type ReviewDecisionKind = 'confirm_same' | 'keep_apart';

/** A decision as a screen shows it. */
export interface ReviewDecisionView {
  id: number;
  decision: ReviewDecisionKind;
  reason: string;
  decidedBy: string;
  decidedAt: string;
  undoneBy: string | null;
  undoneAt: string | null;
}

/** One side of an entry, masked as the station's screens mask people: 王*, 530102********0021, the birth year. */
export interface MaskedPerson {
  name: string;
  documentKind: string;
  documentNumber: string;
  birthYear: string | null;
}

/** The entry's facts shown with both sides, masked (a list) or whole (the detail). */
interface ReviewEntryFacts<Side> {
  id: number;
  /** `registration`: a registration waiting for its person; `person`: a contact change another station contradicts. */
  recordKind: 'registration' | 'person';
  stationCode: string;
  /** The record under review at that station (an opaque id). */
  recordId: string;
  heldStationCodes: string[];
  seenAt: string;
  state: 'open' | 'decided';
  /** The standing decision; null while open. */
  decision: ReviewDecisionView | null;
  held: Side;
  seen: Side;
}

/** A review entry in the list: both sides masked. */
export type ReviewListItem = ReviewEntryFacts<MaskedPerson>;

/** A review entry opened: both sides whole, and every decision made about it (undone ones too), oldest first. */
export type ReviewDetail = ReviewEntryFacts<PersonDetails> & { history: ReviewDecisionView[] };

/** Which entries to list: open or decided, `pageSize` (1 to 200) at a time, page 1 first. */
export interface ReviewListQuery {
  page: number;
  pageSize: number;
  state: 'open' | 'decided';
}

export interface ReviewListPage {
  items: ReviewListItem[];
  total: number;
}

/** A review entry as stored, with its person key. */
export interface StoredReview {
  id: number;
  personKey: string;
  stationCode: string;
  recordId: string;
  recordKind: 'registration' | 'person';
  heldStationCodes: string[];
  sealedHeld: Buffer;
  sealedSeen: Buffer;
  seenAt: string;
  decision: ReviewDecisionKind | null;
}

const MAX_PAGE_SIZE = 200;

const REVIEW_COLUMNS = ['id', 'person_key', 'station_code', 'registration_id', 'record_kind', 'held_station_codes', 'sealed_held', 'sealed_seen', 'seen_at', 'decision'] as const;

type ReviewRow = {
  id: string | number | bigint;
  person_key: string;
  station_code: string;
  registration_id: string;
  record_kind: string;
  held_station_codes: string;
  sealed_held: Buffer;
  sealed_seen: Buffer;
  seen_at: Date | string;
  decision: string | null;
};

function reviewOfRow(row: ReviewRow): StoredReview {
  return {
    id: countedNumber(row.id),
    personKey: row.person_key,
    stationCode: row.station_code,
    recordId: row.registration_id,
    recordKind: row.record_kind as StoredReview['recordKind'],
    heldStationCodes: row.held_station_codes.split(','),
    sealedHeld: row.sealed_held,
    sealedSeen: row.sealed_seen,
    seenAt: momentText(row.seen_at),
    decision: row.decision as ReviewDecisionKind | null,
  };
}

/** One review entry of the province, or undefined. */
export async function storedReview(db: Executor, provinceCode: string, id: number): Promise<StoredReview | undefined> {
  const row = await db.selectFrom('person_review').select(REVIEW_COLUMNS).where('province_code', '=', provinceCode).where('id', '=', id as never).executeTakeFirst();
  return row && reviewOfRow(row);
}

/** Every decision made about an entry, oldest first. */
export async function decisionsOfReview(db: Executor, provinceCode: string, reviewId: number): Promise<ReviewDecisionView[]> {
  const rows = await db
    .selectFrom('review_decision')
    .select(['id', 'decision', 'reason', 'decided_by', 'decided_at', 'undone_by', 'undone_at'])
    .where('province_code', '=', provinceCode)
    .where('review_id', '=', reviewId)
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    id: countedNumber(row.id),
    decision: row.decision,
    reason: row.reason,
    decidedBy: row.decided_by,
    decidedAt: momentText(row.decided_at),
    undoneBy: row.undone_by,
    undoneAt: row.undone_at === null ? null : momentText(row.undone_at),
  }));
}

/** A person's details masked for a list: never a whole name or document number. */
export function maskedPerson(details: PersonDetails): MaskedPerson {
  return {
    name: maskName(details.name ?? ''),
    documentKind: details.documentKind,
    documentNumber: maskDocumentNumber(details.documentNumber),
    birthYear: details.birthDate?.slice(0, 4) ?? null,
  };
}

/**
 * The province's review entries, open (no standing decision) or decided, oldest first, with both sides
 * masked: what a list may show to anyone allowed to review.
 */
export async function reviewList(store: HubStore, sealer: HubSealer, provinceCode: string, query: ReviewListQuery): Promise<ReviewListPage> {
  const pageSize = Math.min(Math.max(Math.trunc(query.pageSize), 1), MAX_PAGE_SIZE);
  const page = Math.max(Math.trunc(query.page), 1);
  const inState = <T extends { where: (...args: any[]) => T }>(select: T): T =>
    query.state === 'open' ? select.where('decision', 'is', null) : select.where('decision', 'is not', null);
  const base = store.db.selectFrom('person_review').where('province_code', '=', provinceCode);
  const total = await inState(base.select((eb) => eb.fn.countAll().as('total'))).executeTakeFirstOrThrow();
  const rows = await inState(base.select(REVIEW_COLUMNS))
    .orderBy('id')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  const items: ReviewListItem[] = [];
  for (const row of rows) {
    const review = reviewOfRow(row);
    const decision = review.decision ? await standingDecision(store.db, provinceCode, review.id) : null;
    items.push(entryFacts(review, decision, maskedPerson(openSide(sealer, review, 'held')), maskedPerson(openSide(sealer, review, 'seen'))));
  }
  return { items, total: countedNumber(total.total) };
}

/**
 * One review entry with both sides whole, and its decisions. Reveals personal data: the console records in its
 * audit chain who opened which entry. Undefined when the province holds no such entry.
 */
export async function reviewDetail(store: HubStore, sealer: HubSealer, provinceCode: string, id: number): Promise<ReviewDetail | undefined> {
  const review = await storedReview(store.db, provinceCode, id);
  if (!review) return undefined;
  const history = await decisionsOfReview(store.db, provinceCode, id);
  const decision = history.find((made) => made.undoneAt === null) ?? null;
  return { ...entryFacts(review, decision, openSide(sealer, review, 'held'), openSide(sealer, review, 'seen')), history };
}

/** The standing decision about an entry, or null. */
export async function standingDecision(db: Executor, provinceCode: string, reviewId: number): Promise<ReviewDecisionView | null> {
  return (await decisionsOfReview(db, provinceCode, reviewId)).find((made) => made.undoneAt === null) ?? null;
}

/** One side of an entry, opened: `held` what the person held, `seen` what the station sent. */
export function openSide(sealer: HubSealer, review: StoredReview, side: 'held' | 'seen'): PersonDetails {
  return side === 'held' ? sealer.openJson<PersonDetails>(review.sealedHeld, SEALED_COLUMNS.reviewHeld) : sealer.openJson<PersonDetails>(review.sealedSeen, SEALED_COLUMNS.reviewSeen);
}

function entryFacts<Side>(review: StoredReview, decision: ReviewDecisionView | null, held: Side, seen: Side): ReviewEntryFacts<Side> {
  return {
    id: review.id,
    recordKind: review.recordKind,
    stationCode: review.stationCode,
    recordId: review.recordId,
    heldStationCodes: review.heldStationCodes,
    seenAt: review.seenAt,
    state: review.decision ? 'decided' : 'open',
    decision,
    held,
    seen,
  };
}
