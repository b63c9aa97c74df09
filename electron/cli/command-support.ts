import type { TFunction } from 'i18next';
import type { CallName, CallOutput } from '../../shared/contract/calls';
import type { CallError, CallResult, FieldIssue } from '../../shared/contract/errors';
import { SYSTEM_ACTOR_ROLE } from '../../shared/domain/audit';
import { openStation, type OpenStation } from '../app/open-station';
import { resolveDataDir } from '../config/paths';
import { reasonMessage } from './validate-id';

/** What the station commands share: their JSON answer on stdout, the station opened for one command, its calls. */

export function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2) + '\n');
}

/** One compact JSON line, for commands that answer once per file or value. */
export function printLine(value: unknown): void {
  process.stdout.write(JSON.stringify(value) + '\n');
}

/** Opens the station of the configured data folder for `work` and closes it afterwards, whatever happens. */
export async function withStation<T>(work: (station: OpenStation) => Promise<T>): Promise<T> {
  const station = await openStation({ dataDir: resolveDataDir() });
  try {
    return await work(station);
  } finally {
    await station.close();
  }
}

/** What the command line records as the actor of the work it does directly: no staff member, the 'system' role. */
export const SYSTEM_ACTOR = { id: null, role: SYSTEM_ACTOR_ROLE };

/**
 * The command line as a caller of the dispatcher: the operator at the station's own machine, with the
 * administrator's rights, recorded as 'system' in the audit trail.
 */
export const CLI_CALLER = { sessionKey: 'cli', system: true };

/**
 * One contract call as the command line, through the dispatcher that checks rights, parses the input (what
 * the reader typed, untrusted like a screen's) with the call's schema, runs it and audits it.
 */
export async function callStation<N extends CallName>(station: OpenStation, name: N, input: unknown): Promise<CallResult<CallOutput<N>>> {
  return (await station.dispatch(name, input, CLI_CALLER)) as CallResult<CallOutput<N>>;
}

/** A refusal as the command line prints it: the code, and every message already translated for the reader. */
export interface CliRefusal {
  code: CallError['code'];
  message: string;
  issues: Array<FieldIssue & { message: string }>;
}

/** A code's sentence: the station's error texts first, then the sync protocol's codes, else the code itself. */
export function codeMessage(t: TFunction, code: string): string {
  return t([`errors:${code}`, `cli:protocolCode.${code}`], { defaultValue: code });
}

/** The dispatcher's refusal in the reader's language. */
export function translateRefusal(t: TFunction, error: CallError): CliRefusal {
  return {
    code: error.code,
    message: codeMessage(t, error.code),
    issues: (error.issues ?? []).map((issue) => ({ ...issue, message: reasonMessage(t, issue.reason, issue.params) })),
  };
}

/** The refusal's sentence and one line per refused field (`path: reason`, `fieldName` naming the option it came from), for stderr. */
export function describeRefusal(t: TFunction, refusal: CliRefusal, fieldName: (path: string) => string = (path) => path): string {
  return [refusal.message, ...refusal.issues.map((issue) => t('cli:field', { path: fieldName(issue.path), reason: issue.message }))].join('\n');
}

/** How a refusal is reported: more fields beside `error`, the printer of stdout, the option each field came from. */
export interface RefusalReport {
  extra?: Record<string, unknown>;
  print?: (value: unknown) => void;
  fieldName?: (path: string) => string;
}

/**
 * A refused call: `{ ok: false, error }` on stdout (with the refused fields when there are any), the
 * translated sentence and the refused fields on stderr; exit code 1.
 */
export function reportRefusal(t: TFunction, error: CallError, report: RefusalReport = {}): number {
  const refusal = translateRefusal(t, error);
  const { extra = {}, print = printJson, fieldName } = report;
  print({ ok: false, error: refusal.issues.length > 0 ? refusal : { code: refusal.code, message: refusal.message }, ...extra });
  process.stderr.write(describeRefusal(t, refusal, fieldName) + '\n');
  return 1;
}
