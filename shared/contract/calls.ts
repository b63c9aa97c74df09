import { z } from 'zod';
import { station, stationSetupInput } from '../validation/station';
import { visitorList, visitorListInput, visitorSignIn, visitorSignInInput } from '../validation/visitors';

function call<I extends z.ZodType, O extends z.ZodType>(input: I, output: O) {
  return { input, output };
}

/**
 * Every call the renderer can make, declared once. The preload, the IPC registration, the station host
 * and the renderer's client are all derived from this map.
 */
export const contract = {
  /** The station this installation belongs to, or null before first-run setup. */
  'station:get': call(z.undefined(), station.nullable()),
  /** First-run setup: records the station's code, name, kind and region. Only once. */
  'station:setup': call(stationSetupInput, station),
  /** A memorial visitor signs in; saved and queued for sync in one transaction. */
  'visitor:signIn': call(visitorSignInInput, visitorSignIn),
  /** The latest sign-ins for staff, names masked. */
  'visitor:list': call(visitorListInput, visitorList),
} as const;

export type Contract = typeof contract;
export type CallName = keyof Contract;
/** What a caller passes (before defaults and normalisation). */
export type CallInput<N extends CallName> = z.input<Contract[N]['input']>;
/** What a handler receives (after parsing). */
export type ParsedInput<N extends CallName> = z.output<Contract[N]['input']>;
export type CallOutput<N extends CallName> = z.output<Contract[N]['output']>;

export const callNames = Object.keys(contract) as CallName[];

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}
