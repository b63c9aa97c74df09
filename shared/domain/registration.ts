/** Who stands behind a body donation when the time comes (执行人). */
export const executorKinds = ['relative', 'guardian', 'unit', 'community'] as const;
/** One of the executor kinds. */
export type ExecutorKind = (typeof executorKinds)[number];

/** A unit or community executor is an organisation: it has no personal identity document. */
export function executorNeedsDocument(kind: ExecutorKind): boolean {
  return kind === 'relative' || kind === 'guardian';
}

/** What a follow-up call to a stem-cell volunteer came to. */
export const followUpOutcomes = ['reached_confirmed', 'reached_updated', 'reached_withdrawing', 'no_answer', 'wrong_number'] as const;
/** One of the follow-up outcomes. */
export type FollowUpOutcome = (typeof followUpOutcomes)[number];

/** Where a registration was made: the public kiosk, or a staff desk (paper form or assisted entry). */
export const registrationChannels = ['kiosk', 'staff', 'cli'] as const;
/** One of the registration channels. */
export type RegistrationChannel = (typeof registrationChannels)[number];

/**
 * How the person first heard of donation, asked once at registration and optional: at one of the
 * station's life-education sessions, a publicity campaign, the media, a friend or relative, or otherwise.
 */
export const heardFromKinds = ['session', 'campaign', 'media', 'friend', 'other'] as const;
/** One of the answers to "how did you hear of us". */
export type HeardFromKind = (typeof heardFromKinds)[number];

/** A session counts as where someone heard of donation for this many days after it was held. */
export const HEARD_FROM_SESSION_DAYS = 90;

/** The kinds of entries in a registration's history. */
export const registrationEvents = [
  'created',
  'amended',
  'body_paperwork',
  'stem_cell_status',
  'withdrawn',
  'realised',
] as const;
/** One of the registration history events. */
export type RegistrationEvent = (typeof registrationEvents)[number];

/** The configurable items of registration, with their defaults. */
export interface RegistrationSettings {
  stemCellMinAge: number;
  stemCellMaxAge: number;
  coolingOffDays: number;
  /** Seconds without a touch after which the kiosk wipes a half-filled form. */
  kioskIdleSeconds: number;
  /** Whether changing or withdrawing a body donation needs a notarised statement. */
  bodyChangeNeedsNotarisation: boolean;
}

export const defaultRegistrationSettings: RegistrationSettings = {
  stemCellMinAge: 18,
  stemCellMaxAge: 45,
  coolingOffDays: 7,
  // Forms take elderly visitors long: five minutes before a half-filled form is wiped.
  kioskIdleSeconds: 300,
  bodyChangeNeedsNotarisation: false,
};

/**
 * The kiosk counts the last seconds down on screen before it wipes the form: long enough to read the
 * warning and answer it (WCAG 2.2.1 asks for at least 20 s to answer).
 */
export const KIOSK_COUNTDOWN_SECONDS = 30;

