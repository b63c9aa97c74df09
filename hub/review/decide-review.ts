import type { Transaction } from 'kysely';
import type { HubStore } from '../db/open';
import type { HubDatabase } from '../db/schema';
import type { Executor } from '../db/repositories/executor';
import { lockStation } from '../db/repositories/station-lock';
import { countedNumber, momentText } from '../db/values';
import type { PersonDetails } from '../people/payloads';
import { SEALED_COLUMNS, type HubSealer } from '../people/sealing';
import { openSide, standingDecision, storedReview, type ReviewDecisionKind, type ReviewDecisionView, type StoredReview } from './review-entries';

/** A decision to make: which, by whom (the console account), and why. */
export interface ReviewDecisionInput {
  decision: ReviewDecisionKind;
  by: string;
  reason: string;
  now?: Date;
}

/** Who undoes a decision. */
export interface UndoReviewInput {
  by: string;
  now?: Date;
}

/**
 * What became of a decision or its undoing: done, or refused with a code a screen translates.
 * - `review_unknown`: the province holds no such entry (never, or no longer: a tombstone or a station's correction removed it);
 * - `review_decided`: the entry has a standing decision already (undo it first);
 * - `review_not_decided`: there is no standing decision to undo;
 * - `review_stale`: the people's tables moved on since (the registration was linked or removed, the person's fields set
 *   again by a later change), so the decision or its undoing would no longer do what it says.
 */
export type ReviewDecisionResult =
  | { ok: true; decision: ReviewDecisionView }
  | { ok: false; code: 'review_unknown' | 'review_decided' | 'review_not_decided' | 'review_stale' };

type Refusal = Extract<ReviewDecisionResult, { ok: false }>;

/**
 * Decides a review entry, in one transaction taken in turn with the batches of the entry's station.
 *
 * - `confirm_same` about a registration: the waiting registration is linked to the person (its person key set);
 *   the person keeps the details the other stations hold, and the registration's own details stay in its stored
 *   versions. The registration's later versions stay linked while the decision stands.
 * - `confirm_same` about a contact change: the person's fields take the changed details (the fields they had are
 *   kept sealed with the decision, for an undo).
 * - `keep_apart`: nothing in the people's tables changes: the registration stays linked to no one and counts as
 *   awaiting review, a contact change stays out of the person's fields. The entry leaves the open list.
 */
export async function decideReview(store: HubStore, sealer: HubSealer, provinceCode: string, reviewId: number, input: ReviewDecisionInput): Promise<ReviewDecisionResult> {
  const at = (input.now ?? new Date()).toISOString();
  return inStationTurn(store, provinceCode, reviewId, async (trx, review) => {
    if (review.decision !== null) return { ok: false, code: 'review_decided' };
    let fieldsBefore: { sealed: Buffer; changedAt: string; setAt: string } | null = null;
    if (input.decision === 'confirm_same' && review.recordKind === 'registration') {
      const linked = await trx
        .updateTable('person_registration')
        .set({ person_key: review.personKey })
        .where('province_code', '=', provinceCode)
        .where('station_code', '=', review.stationCode)
        .where('registration_id', '=', review.recordId)
        .where('person_key', 'is', null)
        .executeTakeFirst();
      if (Number(linked.numUpdatedRows) !== 1) return { ok: false, code: 'review_stale' };
    } else if (input.decision === 'confirm_same') {
      const person = await personRow(trx, provinceCode, review.personKey);
      if (!person) return { ok: false, code: 'review_stale' };
      const held = sealer.openJson<PersonDetails>(person.sealedFields, SEALED_COLUMNS.personFields);
      const setAt = review.seenAt > person.changedAt ? review.seenAt : person.changedAt;
      fieldsBefore = { sealed: sealer.sealJson(held, SEALED_COLUMNS.decisionFieldsBefore), changedAt: person.changedAt, setAt };
      await setPersonFields(trx, provinceCode, review.personKey, sealer.sealJson(openSide(sealer, review, 'seen'), SEALED_COLUMNS.personFields), setAt);
    }
    await markReview(trx, provinceCode, reviewId, input.decision, at);
    await trx
      .insertInto('review_decision')
      .values({
        province_code: provinceCode,
        review_id: reviewId,
        station_code: review.stationCode,
        registration_id: review.recordId,
        record_kind: review.recordKind,
        person_key: review.personKey,
        decision: input.decision,
        reason: input.reason,
        decided_by: input.by,
        decided_at: at,
        sealed_fields_before: fieldsBefore?.sealed ?? null,
        fields_changed_at_before: fieldsBefore?.changedAt ?? null,
        fields_changed_at_set: fieldsBefore?.setAt ?? null,
        undone_by: null,
        undone_at: null,
      })
      .execute();
    return { ok: true, decision: (await standingDecision(trx, provinceCode, reviewId)) as ReviewDecisionView };
  });
}

/**
 * Undoes an entry's standing decision and puts the people's tables back as they were before it: a confirmed
 * registration is linked to no one again, a confirmed contact change's person takes back the fields (and their
 * moment) they had. The entry is open again; the decision stays in the history, marked undone by whom and when.
 * Refused as `review_stale` when something changed them since (the registration removed or re-linked, the
 * person's fields set by a later change), so that an undo never overwrites what came after.
 */
export async function undoReviewDecision(store: HubStore, sealer: HubSealer, provinceCode: string, reviewId: number, input: UndoReviewInput): Promise<ReviewDecisionResult> {
  const at = (input.now ?? new Date()).toISOString();
  return inStationTurn(store, provinceCode, reviewId, async (trx, review) => {
    const row = await trx
      .selectFrom('review_decision')
      .select(['id', 'decision', 'sealed_fields_before', 'fields_changed_at_before', 'fields_changed_at_set'])
      .where('province_code', '=', provinceCode)
      .where('review_id', '=', reviewId)
      .where('undone_at', 'is', null)
      .executeTakeFirst();
    if (!row || review.decision === null) return { ok: false, code: 'review_not_decided' };
    if (row.decision === 'confirm_same' && review.recordKind === 'registration') {
      const unlinked = await trx
        .updateTable('person_registration')
        .set({ person_key: null })
        .where('province_code', '=', provinceCode)
        .where('station_code', '=', review.stationCode)
        .where('registration_id', '=', review.recordId)
        .where('person_key', '=', review.personKey)
        .executeTakeFirst();
      if (Number(unlinked.numUpdatedRows) !== 1) return { ok: false, code: 'review_stale' };
    } else if (row.decision === 'confirm_same') {
      const person = await personRow(trx, provinceCode, review.personKey);
      if (!person || !row.sealed_fields_before || !row.fields_changed_at_before || !row.fields_changed_at_set) return { ok: false, code: 'review_stale' };
      if (person.changedAt !== momentText(row.fields_changed_at_set)) return { ok: false, code: 'review_stale' };
      const before = sealer.openJson<PersonDetails>(row.sealed_fields_before, SEALED_COLUMNS.decisionFieldsBefore);
      await setPersonFields(trx, provinceCode, review.personKey, sealer.sealJson(before, SEALED_COLUMNS.personFields), momentText(row.fields_changed_at_before));
    }
    await markReview(trx, provinceCode, reviewId, null, null);
    await trx.updateTable('review_decision').set({ undone_by: input.by, undone_at: at }).where('id', '=', row.id as never).execute();
    const history = await trx
      .selectFrom('review_decision')
      .select(['id', 'decision', 'reason', 'decided_by', 'decided_at', 'undone_by', 'undone_at'])
      .where('id', '=', row.id as never)
      .executeTakeFirstOrThrow();
    return {
      ok: true,
      decision: {
        id: countedNumber(history.id),
        decision: history.decision,
        reason: history.reason,
        decidedBy: history.decided_by,
        decidedAt: momentText(history.decided_at),
        undoneBy: history.undone_by,
        undoneAt: history.undone_at === null ? null : momentText(history.undone_at),
      },
    };
  });
}

/**
 * Runs `step` in a transaction that holds the lock of the entry's station, so that a decision and that station's
 * batches take turns; the entry is read again under the lock. Nothing is written when the step refuses.
 * Given a store whose `db` is a transaction already (a console call that commits its audit entry with the
 * decision), the step runs in it, and a refusal is returned for the caller to roll back.
 */
async function inStationTurn(
  store: HubStore,
  provinceCode: string,
  reviewId: number,
  step: (trx: Executor, review: StoredReview) => Promise<ReviewDecisionResult>,
): Promise<ReviewDecisionResult> {
  const first = await storedReview(store.db, provinceCode, reviewId);
  if (!first) return { ok: false, code: 'review_unknown' };
  if (store.db.isTransaction) {
    await lockStation(store.db as Transaction<HubDatabase>, store.engine, provinceCode, first.stationCode);
    const review = await storedReview(store.db, provinceCode, reviewId);
    return review ? step(store.db, review) : { ok: false, code: 'review_unknown' };
  }
  const refused = new RefusedDecision();
  try {
    return await store.db.transaction().execute(async (trx) => {
      await lockStation(trx, store.engine, provinceCode, first.stationCode);
      const review = await storedReview(trx, provinceCode, reviewId);
      const result: ReviewDecisionResult = review ? await step(trx, review) : { ok: false, code: 'review_unknown' };
      if (!result.ok) {
        refused.result = result;
        throw refused;
      }
      return result;
    });
  } catch (error) {
    if (error === refused && refused.result) return refused.result;
    throw error;
  }
}

/** Thrown to roll a refused step back; carries the refusal out of the transaction. */
class RefusedDecision extends Error {
  result: Refusal | null = null;
}

async function markReview(trx: Executor, provinceCode: string, reviewId: number, decision: ReviewDecisionKind | null, at: string | null): Promise<void> {
  await trx.updateTable('person_review').set({ decision, reviewed_at: at }).where('province_code', '=', provinceCode).where('id', '=', reviewId as never).execute();
}

async function personRow(trx: Executor, provinceCode: string, personKey: string): Promise<{ sealedFields: Buffer; changedAt: string } | undefined> {
  const row = await trx.selectFrom('person').select(['sealed_fields', 'updated_at']).where('province_code', '=', provinceCode).where('person_key', '=', personKey).executeTakeFirst();
  return row && { sealedFields: row.sealed_fields, changedAt: momentText(row.updated_at) };
}

async function setPersonFields(trx: Executor, provinceCode: string, personKey: string, sealedFields: Buffer, changedAt: string): Promise<void> {
  await trx.updateTable('person').set({ sealed_fields: sealedFields, updated_at: changedAt }).where('province_code', '=', provinceCode).where('person_key', '=', personKey).execute();
}
