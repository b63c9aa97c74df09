import type { z } from 'zod';
import { consoleContract, isConsoleCallName, type ConsoleCallName } from '../../shared/console/contract';
import type { ConsoleCallResult } from '../../shared/console/errors';
import type { HubStore } from '../db/open';
import type { Executor } from '../db/repositories/executor';
import { accountById } from './accounts';
import { appendConsoleAudit, appendConsoleAuditAlone } from './audit-trail';
import type { ConsoleCallContext, ConsoleCaller, ConsoleHandler } from './call-context';
import type { ConsoleResources } from './console-resources';
import { consoleHandlers } from './handlers';
import { ConsoleRefusal } from './refusal';
import { endConsoleSession, sessionByToken, touchConsoleSession } from './sessions';
import { DEFAULT_CONSOLE_SETTINGS, type ConsoleSettings } from './settings';

/** What the console's calls run on. */
export interface ConsoleDispatcherOptions {
  store: HubStore;
  provinceCode: string;
  /** The audit chain's key (`consoleAuditKey` of the hub's data key ring). */
  auditKey: Buffer;
  settings?: Partial<ConsoleSettings>;
  /** The province's keys and exports folder, for the review and exports calls (refused as `not_configured` without). */
  resources?: ConsoleResources;
  now?: () => Date;
  /** Told of an unexpected failure (answered as `internal`): the operator's log. */
  onError?: (call: string, error: unknown) => void;
}

/** What the HTTP side does with the session's cookie after a call. */
export type SessionCookieChange = { set: string } | { clear: true } | null;

/** A call answered: its result, and the cookie to set or clear. */
export interface ConsoleDispatch {
  result: ConsoleCallResult<unknown>;
  cookie: SessionCookieChange;
}

/** Runs console calls: `dispatch(name, input, sessionToken)`. */
export interface ConsoleDispatcher {
  dispatch(name: string, input: unknown, sessionToken: string | null): Promise<ConsoleDispatch>;
  readonly settings: ConsoleSettings;
}

/** The caller a token names, or the refusal; an expired session is ended here, judged by the hub's clock. */
async function resolveCaller(
  db: Executor,
  provinceCode: string,
  token: string | null,
  settings: ConsoleSettings,
  now: Date,
): Promise<ConsoleCaller | 'not_signed_in' | 'session_expired'> {
  if (token === null) return 'not_signed_in';
  const session = await sessionByToken(db, provinceCode, token);
  if (session === null || session.endedAt !== null) return 'not_signed_in';
  const idle = now.getTime() - Date.parse(session.lastSeenAt) > settings.idleMinutes * 60_000;
  const tooOld = now.getTime() - Date.parse(session.createdAt) > settings.sessionHours * 3_600_000;
  if (idle || tooOld) {
    await endConsoleSession(db, provinceCode, session.tokenSha256, now);
    return 'session_expired';
  }
  const account = await accountById(db, provinceCode, session.accountId);
  if (account === null || account.disabled) {
    await endConsoleSession(db, provinceCode, session.tokenSha256, now);
    return 'not_signed_in';
  }
  return { account, role: account.role, tokenSha256: session.tokenSha256, sessionCreatedAt: session.createdAt };
}

function refused(code: ConsoleRefusal['code'], cookie: SessionCookieChange = null, issues?: Array<{ path: string; code: string }>): ConsoleDispatch {
  return { result: { ok: false, error: { code, ...(issues ? { issues } : {}) } }, cookie };
}

/**
 * The console's dispatcher: finds the call in the contract, the caller from the session (idle and absolute
 * expiry judged here), refuses a role the call does not list (audited), holds every other call back while the
 * account must replace its password, validates the input, runs the handler and checks its output against the
 * contract. An audited call's work and its audit entry commit in one transaction, or neither does.
 */
export function createConsoleDispatcher(options: ConsoleDispatcherOptions): ConsoleDispatcher {
  const settings: ConsoleSettings = { ...DEFAULT_CONSOLE_SETTINGS, ...options.settings };
  const { store, provinceCode, auditKey } = options;
  const clock = options.now ?? (() => new Date());

  async function run(name: ConsoleCallName, rawInput: unknown, token: string | null): Promise<ConsoleDispatch> {
    const spec = consoleContract[name];
    const now = clock();
    let caller: ConsoleCaller | null = null;
    if (!spec.signedOut) {
      const found = await resolveCaller(store.db, provinceCode, token, settings, now);
      if (typeof found === 'string') return refused(found, token === null ? null : { clear: true });
      caller = found;
      if (!spec.roles.includes(caller.role)) {
        const facts = { accountId: caller.account.id, actorRole: caller.role, action: 'call:forbidden', subject: null, detail: { call: name } };
        await appendConsoleAuditAlone(store.db, store.engine, auditKey, provinceCode, facts, now);
        return refused('forbidden');
      }
      if (caller.account.mustChangePassword && !spec.duringPasswordChange) return refused('password_change_required');
      if (!spec.polling) await touchConsoleSession(store.db, provinceCode, caller.tokenSha256, now);
    }
    const parsed = (spec.input as z.ZodType).safeParse(rawInput);
    if (!parsed.success) {
      return refused('validation_failed', null, parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), code: issue.message === 'too_short' || issue.message === 'too_long' ? issue.message : issue.code })));
    }
    let cookie: SessionCookieChange = null;
    let audit: { subject: string | null; detail: Record<string, unknown> | null } = { subject: null, detail: null };
    const handler = consoleHandlers[name] as ConsoleHandler<ConsoleCallName>;
    const contextOn = (db: Executor): ConsoleCallContext => ({
      db,
      engine: store.engine,
      store,
      resources: options.resources ?? null,
      provinceCode,
      caller,
      now,
      settings,
      auditKey,
      auditAs: (subject, detail) => {
        audit = { subject, detail: detail ?? null };
      },
      issueSession: (issued) => {
        cookie = { set: issued };
      },
      clearSession: () => {
        cookie = { clear: true };
      },
    });
    const output = spec.audited
      ? await store.db.transaction().execute(async (trx) => {
          const done = await handler(contextOn(trx), parsed.data as never);
          const facts = { accountId: caller?.account.id ?? null, actorRole: caller?.role ?? '', action: name, ...audit };
          await appendConsoleAudit(trx, store.engine, auditKey, provinceCode, facts, now);
          return done;
        })
      : await handler(contextOn(store.db), parsed.data as never);
    return { result: { ok: true, data: (spec.output as z.ZodType).parse(output) }, cookie };
  }

  return {
    settings,
    async dispatch(name, input, token) {
      if (!isConsoleCallName(name)) return refused('unknown_call');
      try {
        return await run(name, input, token);
      } catch (error) {
        if (error instanceof ConsoleRefusal) return refused(error.code);
        options.onError?.(name, error);
        return refused('internal');
      }
    },
  };
}
