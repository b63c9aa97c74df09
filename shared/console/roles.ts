/** The console's roles: who works at the provincial office and what each may do (the contract names it per call). */
export const consoleRoles = ['administrator', 'analyst', 'reviewer', 'auditor'] as const;
export type ConsoleRole = (typeof consoleRoles)[number];

/** Every role: a call any signed-in person may make. */
export const anyConsoleRole = consoleRoles;
/** Accounts are the administrator's alone. */
export const managesAccounts = ['administrator'] as const;
/** The audit trail is read by the auditor who checks it and the administrator who answers for it. */
export const readsConsoleAudit = ['auditor', 'administrator'] as const;

/** A session ends after this many idle minutes unless the hub is started with another setting. */
export const DEFAULT_CONSOLE_IDLE_MINUTES = 15;
/** A session ends this many hours after sign-in however busy it is. */
export const DEFAULT_CONSOLE_SESSION_HOURS = 12;
/** Failed sign-ins in a row that lock an account. */
export const CONSOLE_MAX_FAILED_SIGN_INS = 5;
/** How long a locked account stays locked. */
export const CONSOLE_LOCK_MINUTES = 15;
/** The shortest password the console takes: a console reaches every registration of a province. */
export const CONSOLE_MIN_PASSWORD_LENGTH = 12;
