import {
  CONSOLE_LOCK_MINUTES,
  CONSOLE_MAX_FAILED_SIGN_INS,
  DEFAULT_CONSOLE_IDLE_MINUTES,
  DEFAULT_CONSOLE_SESSION_HOURS,
} from '../../shared/console/roles';

/** How long the console's sessions last and how it throttles sign-in. */
export interface ConsoleSettings {
  /** A session idle this long ends, judged by the hub (not the browser). */
  idleMinutes: number;
  /** A session ends this long after sign-in however busy it is. */
  sessionHours: number;
  /** Failed sign-ins in a row that lock an account. */
  maxFailedSignIns: number;
  lockMinutes: number;
}

/** The settings a hub starts with unless told otherwise. */
export const DEFAULT_CONSOLE_SETTINGS: ConsoleSettings = Object.freeze({
  idleMinutes: DEFAULT_CONSOLE_IDLE_MINUTES,
  sessionHours: DEFAULT_CONSOLE_SESSION_HOURS,
  maxFailedSignIns: CONSOLE_MAX_FAILED_SIGN_INS,
  lockMinutes: CONSOLE_LOCK_MINUTES,
});
