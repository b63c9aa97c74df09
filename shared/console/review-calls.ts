import { z } from 'zod';
import { consoleCall } from './call';

/** Who decides review entries: the reviewer, and the administrator who answers for the console. */
export const decidesReviews = ['reviewer', 'administrator'] as const;
/** Who reads the masked review lists: the deciders and the auditor who checks their work. */
export const readsReviewLists = ['reviewer', 'administrator', 'auditor'] as const;

/** What the province can decide about an entry: the two sides are one person, or kept apart. */
export const reviewDecisionKind = z.enum(['confirm_same', 'keep_apart']);
export type ReviewDecisionKindValue = z.infer<typeof reviewDecisionKind>;

/** A review entry's id. */
export const reviewId = z.number().int().positive();

/** A decision as a screen shows it: who (an account id), when, why; undone by whom and when. */
export const reviewDecisionView = z.object({
  id: z.number().int(),
  decision: reviewDecisionKind,
  reason: z.string(),
  decidedBy: z.string(),
  decidedAt: z.string(),
  undoneBy: z.string().nullable(),
  undoneAt: z.string().nullable(),
});
export type ReviewDecisionViewValue = z.infer<typeof reviewDecisionView>;

/** One side of an entry, masked: 王*, 530102********0021, the birth year. */
export const maskedReviewSide = z.object({
  name: z.string(),
  documentKind: z.string(),
  documentNumber: z.string(),
  birthYear: z.string().nullable(),
});

/** One side of an entry opened whole: what revealing shows. */
export const revealedReviewSide = z.object({
  name: z.string().nullable(),
  documentKind: z.string(),
  documentNumber: z.string(),
  birthDate: z.string().nullable(),
  sex: z.string().nullable(),
  ethnicGroup: z.string().nullable(),
  phone: z.string().nullable(),
});
export type RevealedReviewSide = z.infer<typeof revealedReviewSide>;

const reviewEntryFacts = {
  id: reviewId,
  /** `registration`: a registration waiting for its person; `person`: a contact change another station contradicts. */
  recordKind: z.enum(['registration', 'person']),
  stationCode: z.string(),
  recordId: z.string(),
  heldStationCodes: z.array(z.string()),
  seenAt: z.string(),
  state: z.enum(['open', 'decided']),
  decision: reviewDecisionView.nullable(),
};

/** An entry in a list: both sides masked. */
export const reviewListItemView = z.object({ ...reviewEntryFacts, held: maskedReviewSide, seen: maskedReviewSide });
export type ReviewListItemView = z.infer<typeof reviewListItemView>;

/** An entry revealed: both sides whole, and every decision made about it, oldest first. */
export const reviewDetailView = z.object({ ...reviewEntryFacts, held: revealedReviewSide, seen: revealedReviewSide, history: z.array(reviewDecisionView) });
export type ReviewDetailView = z.infer<typeof reviewDetailView>;

/** The largest page a review list is read in. */
export const REVIEW_MAX_PAGE_SIZE = 200;

/**
 * The review list of people whose details disagree between stations: read masked, revealed on demand (audited
 * with the entry's id, never the values), kept apart or confirmed as one with a reason, undone (audited).
 */
export const reviewCalls = {
  /** A page of open (undecided) or decided entries, oldest first, both sides masked; `total` counts the state's entries. */
  'review:list': consoleCall(
    z.object({ state: z.enum(['open', 'decided']), page: z.number().int().positive().default(1), pageSize: z.number().int().min(1).max(REVIEW_MAX_PAGE_SIZE).default(20) }),
    z.object({ items: z.array(reviewListItemView), total: z.number().int().nonnegative() }),
    readsReviewLists,
  ),
  /** Both sides of an entry whole, and its decisions: a reveal of personal data, audited with the entry's id. */
  'review:detail': consoleCall(z.object({ id: reviewId }), reviewDetailView, decidesReviews, { audited: true }),
  /** Decides an open entry; refused as `review_decided` once decided, `review_stale` when the tables moved on. */
  'review:decide': consoleCall(
    z.object({ id: reviewId, decision: reviewDecisionKind, reason: z.string().trim().min(1).max(500) }),
    z.object({ decision: reviewDecisionView }),
    decidesReviews,
    { audited: true },
  ),
  /** Undoes an entry's standing decision; refused as `review_not_decided`, or `review_stale` when something came after. */
  'review:undo': consoleCall(z.object({ id: reviewId }), z.object({ decision: reviewDecisionView }), decidesReviews, { audited: true }),
} as const;
