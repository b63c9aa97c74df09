import { z } from 'zod';
import { isCalendarDate } from '../domain/age';
import {
  aidCaseStates,
  aidDocumentKinds,
  aidPaymentMethods,
  aidProgrammes,
  aidStepOutcomes,
  aidSteps,
  FIRST_AID_YEAR,
  hardshipCauseKinds,
  MAX_AID_AMOUNT_FEN,
} from '../domain/aid';
import { languages, defaultLanguage } from '../i18n/languages';
import { isoTimestamp } from './fields';
import { optionalShortText, shortText, signatureInput } from './registration';

/** A record's id as the station writes it. */
const recordId = z.string({ error: 'required' }).min(1, { error: 'required' }).max(64, { error: 'invalid' });

/** A sum of money in fen (分), a whole number above nothing and at most MAX_AID_AMOUNT_FEN. */
const amountFen = z
  .number({ error: 'aid_amount_range' })
  .int({ error: 'aid_amount_range' })
  .min(1, { error: 'aid_amount_range' })
  .max(MAX_AID_AMOUNT_FEN, { error: 'aid_amount_range' });

/** The year a cause is dated in (an admission, an event, a visit); the service refuses years after the next. */
const causeYear = z
  .number({ error: 'aid_year_range' })
  .int({ error: 'aid_year_range' })
  .min(FIRST_AID_YEAR, { error: 'aid_year_range' })
  .max(9999, { error: 'aid_year_range' });

/** A calendar date (YYYY-MM-DD). */
const calendarDate = z.string({ error: 'required' }).refine(isCalendarDate, { error: 'period_date' });

/** The same rules as a registrant's drawn signature: a PNG data URL of bounded size; its ink is checked by the station. */
const drawnSignature = signatureInput.options[0].shape.image;

/**
 * The cause a case names, by programme (see `AidCause`): what decides whether the family already had
 * aid for it. A study grant names the student (a family member) and the year of admission; hardship aid
 * the kind of cause and the year of the event; the festival visit its year.
 */
export const aidCauseInput = z.discriminatedUnion(
  'programme',
  [
    z.object({ programme: z.literal('condolence') }),
    z.object({ programme: z.literal('funeral') }),
    z.object({ programme: z.literal('study_grant'), studentMemberId: recordId, admissionYear: causeYear }),
    z.object({ programme: z.literal('hardship'), causeKind: z.enum(hardshipCauseKinds, { error: 'aid_cause_kind' }), eventYear: causeYear }),
    z.object({ programme: z.literal('bo_ai_visit'), year: causeYear }),
  ],
  { error: 'aid_programme' },
);

/**
 * A new aid case, the first step of the chain: the family and the member who applies for it, the cause,
 * the reason in the family's words (kept sealed), the amount asked and the papers staff saw (a checklist;
 * no scans are kept, a kind ticked twice counts once).
 */
export const aidApplyInput = z.object({
  familyId: recordId,
  applicantMemberId: recordId,
  cause: aidCauseInput,
  reason: shortText,
  amountAskedFen: amountFen,
  documentsSeen: z
    .array(z.enum(aidDocumentKinds, { error: 'document_kind' }), { error: 'invalid' })
    .max(aidDocumentKinds.length * 2, { error: 'invalid' })
    .transform((kinds) => [...new Set(kinds)]),
});

const caseRef = { caseId: recordId };

/** The review (审核): approve the application for a proposal, or reject it, with a note either way. */
export const aidReviewInput = z.object({ ...caseRef, outcome: z.enum(['approve', 'reject'], { error: 'invalid' }), note: shortText });

/** The proposal (方案): the amount proposed to the decision, with an optional note. */
export const aidProposeInput = z.object({ ...caseRef, amountProposedFen: amountFen, note: optionalShortText });

/** The decision (决定): the amount granted, or a rejection with its note. */
export const aidDecideInput = z.discriminatedUnion(
  'outcome',
  [
    z.object({ ...caseRef, outcome: z.literal('grant'), amountGrantedFen: amountFen, note: optionalShortText }),
    z.object({ ...caseRef, outcome: z.literal('reject'), note: shortText }),
  ],
  { error: 'invalid' },
);

/**
 * The public notice (公示): its first and last day. The station refuses a notice shorter than its
 * `aid.minNoticeDays` setting (counting both days).
 */
export const aidPostNoticeInput = z
  .object({ ...caseRef, from: calendarDate, to: calendarDate })
  .refine((notice) => notice.to >= notice.from, { error: 'date_range_reversed', path: ['to'] });

/** An objection raised while the notice is up (kept sealed): the case goes back to the decision. */
export const aidObjectionInput = z.object({ ...caseRef, note: shortText });

/**
 * The payment (发放), once the notice has ended with no objection standing: how and when it was paid,
 * the member who received it and their signature drawn on the screen. The amount is the one granted.
 */
export const aidPayInput = z.object({
  ...caseRef,
  method: z.enum(aidPaymentMethods, { error: 'invalid' }),
  paidOn: calendarDate,
  recipientMemberId: recordId,
  signature: drawnSignature,
});

/** Cases for the staff desk: by state, by family, newest first. */
export const aidListInput = z.object({
  state: z.enum(aidCaseStates, { error: 'invalid' }).optional(),
  familyId: recordId.optional(),
  limit: z.number({ error: 'invalid' }).int({ error: 'invalid' }).min(1, { error: 'invalid' }).max(500, { error: 'invalid' }).default(100),
});

export const aidGetInput = z.object(caseRef);

/** The public-notice list on a day (today when left out). */
export const aidNoticeInput = z.object({ on: calendarDate.optional() });

/** The public-notice list on a day as a file, in the language asked for. */
export const aidNoticeExportInput = z.object({
  on: calendarDate.optional(),
  language: z.enum(languages, { error: 'invalid' }).default(defaultLanguage),
});

/** The aid figures of one calendar year. */
export const aidFiguresInput = z.object({
  year: z.number({ error: 'period_year' }).int({ error: 'period_year' }).min(FIRST_AID_YEAR, { error: 'period_year' }).max(9999, { error: 'period_year' }),
});

// ---- What comes back ----

/** One recorded step: what it was, what it decided, when, by whom; the amount it named and its note when it has them. */
export const aidStepView = z.object({
  step: z.enum(aidSteps),
  outcome: z.enum(aidStepOutcomes),
  at: isoTimestamp,
  byId: z.string().nullable(),
  byName: z.string().nullable(),
  /** The amount asked (application), proposed (proposal), granted (decision) or paid (payment). */
  amountFen: z.number().int().nullable(),
  /** The step's note (review, proposal, decision, objection): only in the audited view of one case. */
  note: z.string().nullable(),
});

export const aidCauseView = aidCauseInput;

/** A family member named in a case, the name masked (surname and `*`), with their relation to the donor (GB/T 4761). */
export const aidMemberView = z.object({ memberId: z.string(), name: z.string(), relationCode: z.string() });

/**
 * A case as the staff desk shows it. The list leaves out the sealed texts (`reason` and the steps' notes
 * are null there); `aid:get`, an audited view, shows them.
 */
export const aidCaseView = z.object({
  id: z.string(),
  familyId: z.string(),
  registrationId: z.string(),
  /** The donor's registration number, so staff know whose family it is. */
  registrationNumber: z.string(),
  /** The donor's name masked (surname and `*`). */
  donorName: z.string(),
  programme: z.enum(aidProgrammes),
  cause: aidCauseView,
  causeKey: z.string(),
  state: z.enum(aidCaseStates),
  /** The step the case waits for; null once paid or rejected. */
  nextStep: z.enum(aidSteps).nullable(),
  applicant: aidMemberView,
  reason: z.string().nullable(),
  documentsSeen: z.array(z.enum(aidDocumentKinds)),
  amountAskedFen: z.number().int(),
  amountProposedFen: z.number().int().nullable(),
  amountGrantedFen: z.number().int().nullable(),
  noticeFrom: z.string().nullable(),
  noticeTo: z.string().nullable(),
  paidOn: z.string().nullable(),
  paymentMethod: z.enum(aidPaymentMethods).nullable(),
  recipient: aidMemberView.nullable(),
  /** Whether the recipient's drawn signature is on file (the image itself is never sent back). */
  recipientSigned: z.boolean(),
  openedAt: isoTimestamp,
  version: z.number().int(),
  steps: z.array(aidStepView),
});

export const aidCaseList = z.object({ total: z.number().int(), cases: z.array(aidCaseView) });

/** One line of the public notice: the recipient's name masked (surname and `*`), the programme and the amount granted. */
export const aidNoticeEntry = z.object({
  caseId: z.string(),
  maskedName: z.string(),
  programme: z.enum(aidProgrammes),
  amountGrantedFen: z.number().int(),
  noticeFrom: z.string(),
  noticeTo: z.string(),
});

export const aidNoticeList = z.object({ on: z.string(), entries: z.array(aidNoticeEntry) });

/** The public notice as a PDF, base64, with the characters no font could draw (as `documents:pdf`). */
export const aidNoticePdf = z.object({ fileName: z.string(), contentBase64: z.string(), missing: z.array(z.string()) });

/** One year's aid: paid cases per programme (count and sum in fen), and the open cases by the step they wait for. */
export const aidFigures = z.object({
  year: z.number().int(),
  paid: z.array(z.object({ programme: z.enum(aidProgrammes), count: z.number().int(), sumFen: z.number().int() })),
  open: z.array(z.object({ step: z.enum(aidSteps), count: z.number().int() })),
});
