import type { StaffRole } from './roles';

/**
 * Aid for donor families (人道救助): the programmes a family may apply to, the rule that aid is given once
 * per cause, and the approval chain every case walks through, each step by its own roles and recorded.
 */

/**
 * The programmes: condolence money (慰问金), hardship aid (困难救助), a study grant (助学), funeral help
 * (丧葬补助) and the 博爱送万家 festival visit with its gift of money.
 */
export const aidProgrammes = ['condolence', 'hardship', 'study_grant', 'funeral', 'bo_ai_visit'] as const;
export type AidProgramme = (typeof aidProgrammes)[number];

/** What a hardship case is about; hardship aid is once per kind of cause and year of the event. */
export const hardshipCauseKinds = ['illness', 'disaster', 'dependants', 'other'] as const;
export type HardshipCauseKind = (typeof hardshipCauseKinds)[number];

/**
 * The cause a case names. Aid is once per cause (常德 rule): condolence money and funeral help once per
 * family; a study grant once per student and year of admission; hardship aid once per kind of cause and year
 * of the event; the 博爱送万家 visit once per family and year.
 */
export type AidCause =
  | { programme: 'condolence' }
  | { programme: 'funeral' }
  | { programme: 'study_grant'; studentMemberId: string; admissionYear: number }
  | { programme: 'hardship'; causeKind: HardshipCauseKind; eventYear: number }
  | { programme: 'bo_ai_visit'; year: number };

/**
 * The key two cases of the same family share when they are for the same cause. The database keeps one
 * open or granted case per family and key; a rejected case keeps its key but no longer blocks another.
 */
export function aidCauseKey(cause: AidCause): string {
  switch (cause.programme) {
    case 'condolence':
    case 'funeral':
      return cause.programme;
    case 'study_grant':
      return `study_grant:${cause.studentMemberId}:${cause.admissionYear}`;
    case 'hardship':
      return `hardship:${cause.causeKind}:${cause.eventYear}`;
    case 'bo_ai_visit':
      return `bo_ai_visit:${cause.year}`;
  }
}

/** The year a cause names and the field that holds it; null for a cause without a year (condolence, funeral). */
export function yearOfCause(cause: AidCause): { field: 'admissionYear' | 'eventYear' | 'year'; year: number } | null {
  switch (cause.programme) {
    case 'condolence':
    case 'funeral':
      return null;
    case 'study_grant':
      return { field: 'admissionYear', year: cause.admissionYear };
    case 'hardship':
      return { field: 'eventYear', year: cause.eventYear };
    case 'bo_ai_visit':
      return { field: 'year', year: cause.year };
  }
}

/**
 * The papers staff saw with an application (a checklist; no scans are kept): 身份证, 户口簿, 亲属关系证明,
 * 低保证, 困难证明, 诊断证明, 录取通知书, 死亡证明, 红十字会捐献证书, other.
 */
export const aidDocumentKinds = [
  'id_card',
  'household_register',
  'kinship_proof',
  'low_income_certificate',
  'hardship_certificate',
  'diagnosis',
  'admission_notice',
  'death_certificate',
  'donation_certificate',
  'other',
] as const;
export type AidDocumentKind = (typeof aidDocumentKinds)[number];

/**
 * The recorded steps of a case, in the order of the chain: application (申请) → review (审核) → proposal
 * (方案) → decision (决定) → public notice (公示) → payment (发放). An objection raised during the notice
 * is a step too: it sends the case back to the decision.
 */
export const aidSteps = ['application', 'review', 'proposal', 'decision', 'notice', 'objection', 'payment'] as const;
export type AidStep = (typeof aidSteps)[number];

/**
 * Where a case stands, named by the last step taken: `applied` waits for the review, `reviewed` for the
 * proposal, `proposed` for the decision (also after an objection), `granted` for the notice, `on_notice`
 * for the notice to end and the payment, `paid` is done; `rejected` (at the review or the decision) is final.
 */
export const aidCaseStates = ['applied', 'reviewed', 'proposed', 'granted', 'on_notice', 'paid', 'rejected'] as const;
export type AidCaseState = (typeof aidCaseStates)[number];

/** States of a case still on its way: they count as open in the figures and block a second case for the cause. */
export const openAidCaseStates = ['applied', 'reviewed', 'proposed', 'granted', 'on_notice'] as const satisfies readonly AidCaseState[];

/** What a step decided: the review and the decision approve or reject; the other steps only record. */
export const aidStepOutcomes = ['approved', 'rejected', 'recorded'] as const;
export type AidStepOutcome = (typeof aidStepOutcomes)[number];

/** How the money was handed over. */
export const aidPaymentMethods = ['cash', 'bank_transfer'] as const;
export type AidPaymentMethod = (typeof aidPaymentMethods)[number];

/**
 * Who may take each step. Application and payment: the staff who care for families; review, proposal,
 * notice and objection: a supervisor or the administrator; the decision: the administrator alone.
 */
export const aidStepRoles: { readonly [S in AidStep]: readonly StaffRole[] } = {
  application: ['registrar', 'supervisor', 'admin'],
  review: ['supervisor', 'admin'],
  proposal: ['supervisor', 'admin'],
  decision: ['admin'],
  notice: ['supervisor', 'admin'],
  objection: ['supervisor', 'admin'],
  payment: ['registrar', 'supervisor', 'admin'],
};

/** The state a case must be in for each step after the application. */
export const aidStepFromStates: { readonly [S in Exclude<AidStep, 'application'>]: readonly AidCaseState[] } = {
  review: ['applied'],
  proposal: ['reviewed'],
  decision: ['proposed'],
  notice: ['granted'],
  objection: ['on_notice'],
  payment: ['on_notice'],
};

/** The step a case in a state waits for next; none once it is paid or rejected. */
export function nextAidStep(state: AidCaseState): AidStep | null {
  switch (state) {
    case 'applied':
      return 'review';
    case 'reviewed':
      return 'proposal';
    case 'proposed':
      return 'decision';
    case 'granted':
      return 'notice';
    case 'on_notice':
      return 'payment';
    case 'paid':
    case 'rejected':
      return null;
  }
}

/** The shortest public notice, in days, unless the station sets another (`aid.minNoticeDays`). */
export const DEFAULT_MIN_NOTICE_DAYS = 7;
export const MIN_NOTICE_DAYS_BOUNDS = { min: 1, max: 60 } as const;

/** The largest amount one case may ask for or be granted, in fen (分): 500,000 yuan. */
export const MAX_AID_AMOUNT_FEN = 50_000_000;

/** The earliest year a cause (an admission, an event, a visit) may be dated in. */
export const FIRST_AID_YEAR = 2000;

/** The aid settings the station keeps (section `aid`). */
export interface AidSettings {
  /** The shortest public notice, in whole days counting the first and the last. */
  minNoticeDays: number;
}

/** Days from one calendar date to another, counting both (2026-05-01 to 2026-05-07 is 7 days). */
export function noticeLengthDays(from: string, to: string): number {
  const ms = Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`);
  return Math.round(ms / 86_400_000) + 1;
}

/** A money amount in fen as yuan with two decimals (`123456` → `1234.56`), for notices and sheets. */
export function formatFenAsYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const whole = Math.abs(fen);
  return `${sign}${Math.floor(whole / 100)}.${String(whole % 100).padStart(2, '0')}`;
}
