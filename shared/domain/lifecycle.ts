import { addCalendarDays, toCalendarDate, type CalendarDate } from './age';

/**
 * The states of a registration record. An amendment is not a state: it writes a new version of an
 * active record and keeps the old one, and the record stays active. Withdrawn and realised are final;
 * registering again after a withdrawal creates a new record.
 */
export const registrationStates = ['active', 'withdrawn', 'realised'] as const;
/** One of the registration states. */
export type RegistrationState = (typeof registrationStates)[number];

/**
 * Where a stem-cell volunteer stands with the marrow registry: signed up → sample taken (barcode) →
 * typed → in registry, one step at a time, or withdrawn from any of these.
 */
export const stemCellStatuses = ['signed_up', 'sample_taken', 'typed', 'in_registry', 'withdrawn'] as const;
/** One of the stem-cell statuses. */
export type StemCellStatus = (typeof stemCellStatuses)[number];

/** The cooling-off period after a stem-cell sign-up, in days, unless the station is configured otherwise. */
export const DEFAULT_COOLING_OFF_DAYS = 7;

const STEM_CELL_NEXT: Readonly<Record<StemCellStatus, readonly StemCellStatus[]>> = {
  signed_up: ['sample_taken', 'withdrawn'],
  sample_taken: ['typed', 'withdrawn'],
  typed: ['in_registry', 'withdrawn'],
  in_registry: ['withdrawn'],
  withdrawn: [],
};

/** Whether a value is one of the registration states. */
export function isRegistrationState(value: unknown): value is RegistrationState {
  return typeof value === 'string' && (registrationStates as readonly string[]).includes(value);
}

/** Whether a value is one of the stem-cell statuses. */
export function isStemCellStatus(value: unknown): value is StemCellStatus {
  return typeof value === 'string' && (stemCellStatuses as readonly string[]).includes(value);
}

/**
 * Withdrawal is allowed at any time while the record is active; a withdrawn record cannot be withdrawn
 * twice, and a realised one records a donation that has taken place.
 */
export function canWithdraw(state: RegistrationState): boolean {
  return state === 'active';
}

/** Only an active record takes a new version: withdrawn and realised records are history. */
export function canAmend(state: RegistrationState): boolean {
  return state === 'active';
}

/** A donation can be recorded as having taken place only on an active intent. */
export function canRealise(state: RegistrationState): boolean {
  return state === 'active';
}

/** The statuses a stem-cell volunteer can move to next; none once withdrawn. Never throws. */
export function nextStemCellStatuses(status: StemCellStatus): readonly StemCellStatus[] {
  return isStemCellStatus(status) ? STEM_CELL_NEXT[status] : [];
}

/** Whether a stem-cell volunteer may move from one status to another in a single step. */
export function canMoveStemCell(from: StemCellStatus, to: StemCellStatus): boolean {
  return nextStemCellStatuses(from).includes(to);
}

/**
 * Whether a withdrawal falls within the cooling-off period, during which it also stops the typing of
 * the sample. The period is counted in calendar days (Beijing time for moments) from the day after
 * the sign-up, as Chinese law counts periods in days (Civil Code art. 201): a 7-day period after a
 * sign-up on 3 March runs to the end of 10 March. A withdrawal dated before the sign-up (a clock
 * error) counts as within, since stopping the typing is the safe side. A period of 0 days means the
 * station has none. Throws a RangeError for a malformed date or a negative or fractional period.
 */
export function withdrawalStopsTyping(
  signedUpAt: Date | CalendarDate,
  withdrawnAt: Date | CalendarDate,
  coolingOffDays: number = DEFAULT_COOLING_OFF_DAYS,
): boolean {
  if (!Number.isInteger(coolingOffDays) || coolingOffDays < 0) throw new RangeError(`invalid cooling-off period: ${coolingOffDays}`);
  const signedUp = toCalendarDate(signedUpAt);
  const withdrawn = toCalendarDate(withdrawnAt);
  if (coolingOffDays === 0) return false;
  // YYYY-MM-DD strings of four-digit years sort as the dates they write.
  return withdrawn <= addCalendarDays(signedUp, coolingOffDays);
}
