import type { ConsoleCallName, ConsoleCallOutput, ConsoleParsedInput } from '../../shared/console/contract';
import type { ConsoleRole } from '../../shared/console/roles';
import type { HubEngine } from '../db/engine';
import type { HubStore } from '../db/open';
import type { Executor } from '../db/repositories/executor';
import type { ConsoleAccount } from './accounts';
import type { ConsoleResources } from './console-resources';
import type { ConsoleSettings } from './settings';

/** The signed-in person a call is made by, and the session it came through. */
export interface ConsoleCaller {
  account: ConsoleAccount;
  role: ConsoleRole;
  tokenSha256: string;
  sessionCreatedAt: string;
}

/** What a handler works with. */
export interface ConsoleCallContext {
  /** The database: for an audited call a transaction that commits the work and its audit entry together. */
  db: Executor;
  engine: HubEngine;
  /** The database outside the call's transaction: only for work that outlives the call (an export run). */
  store: HubStore;
  /** The hub's keys and exports folder; null when the hub was started without them. */
  resources: ConsoleResources | null;
  provinceCode: string;
  /** Null only for a call made signed out (signing in). */
  caller: ConsoleCaller | null;
  now: Date;
  settings: ConsoleSettings;
  /** The key of the audit chain, for a call that writes entries of its own (signing in). */
  auditKey: Buffer;
  /** What the audit entry of an audited call names: its subject (`account:<id>`) and detail (no personal values). */
  auditAs(subject: string | null, detail?: Record<string, unknown>): void;
  /** Hands a new session's token to the HTTP side, which sets its cookie. */
  issueSession(token: string): void;
  /** Tells the HTTP side to clear the session's cookie. */
  clearSession(): void;
}

/** The caller of a call that needs a session (the dispatcher has checked it). */
export function callerOf(context: ConsoleCallContext): ConsoleCaller {
  if (context.caller === null) throw new Error('this call is made signed in');
  return context.caller;
}

/** One call's handler: its parsed input in, its output out; a refusal is thrown as ConsoleRefusal. */
export type ConsoleHandler<N extends ConsoleCallName> = (context: ConsoleCallContext, input: ConsoleParsedInput<N>) => Promise<ConsoleCallOutput<N>>;

/** Handlers for some calls: an area's handlers file exports one of these. */
export type ConsoleHandlersOf<Names extends ConsoleCallName> = { [N in Names]: ConsoleHandler<N> };
