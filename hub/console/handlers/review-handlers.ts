import type { reviewCalls } from '../../../shared/console/review-calls';
import type { HubStore } from '../../db/open';
import { HubSealer } from '../../people/sealing';
import { decideReview, undoReviewDecision, type ReviewDecisionResult } from '../../review/decide-review';
import { reviewDetail, reviewList } from '../../review/review-entries';
import { callerOf, type ConsoleCallContext, type ConsoleHandlersOf } from '../call-context';
import { ConsoleRefusal } from '../refusal';

/** The sealer that opens review entries' sides: the hub's data key ring, or a refusal when the hub was started without it. */
function sealerOf(context: ConsoleCallContext): HubSealer {
  if (context.resources === null) throw new ConsoleRefusal('not_configured');
  return new HubSealer(context.resources.keys.data);
}

/** The call's own database (its transaction, for an audited call) as the store the review functions read. */
function storeOf(context: ConsoleCallContext): HubStore {
  return { db: context.db, engine: context.engine };
}

/** A decision's result as the call answers it: the decision, or its refusal's code (the call's work rolls back). */
function decisionOf(result: ReviewDecisionResult): Extract<ReviewDecisionResult, { ok: true }>['decision'] {
  if (result.ok) return result.decision;
  throw new ConsoleRefusal(result.code === 'review_unknown' ? 'not_found' : result.code);
}

/** The review list, a reveal, decisions and their undoing; the entries' ids are audited, never their values. */
export const reviewHandlers: ConsoleHandlersOf<keyof typeof reviewCalls> = {
  'review:list': async (context, { state, page, pageSize }) => reviewList(storeOf(context), sealerOf(context), context.provinceCode, { state, page, pageSize }),

  'review:detail': async (context, { id }) => {
    const detail = await reviewDetail(storeOf(context), sealerOf(context), context.provinceCode, id);
    if (detail === undefined) throw new ConsoleRefusal('not_found');
    context.auditAs(`review:${id}`, { recordKind: detail.recordKind, stationCode: detail.stationCode });
    return detail;
  },

  'review:decide': async (context, { id, decision, reason }) => {
    const by = callerOf(context).account.id;
    const made = decisionOf(await decideReview(storeOf(context), sealerOf(context), context.provinceCode, id, { decision, by, reason, now: context.now }));
    context.auditAs(`review:${id}`, { decision, decisionId: made.id });
    return { decision: made };
  },

  'review:undo': async (context, { id }) => {
    const by = callerOf(context).account.id;
    const undone = decisionOf(await undoReviewDecision(storeOf(context), sealerOf(context), context.provinceCode, id, { by, now: context.now }));
    context.auditAs(`review:${id}`, { decision: undone.decision, decisionId: undone.id });
    return { decision: undone };
  },
};
