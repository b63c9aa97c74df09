import { readFileSync } from 'node:fs';
import type { TFunction } from 'i18next';
import { contract, type CallOutput } from '../../shared/contract/calls';
import type { ErrorCode, FieldIssue } from '../../shared/contract/errors';
import { toFieldIssues } from '../../shared/contract/issues';
import { SYSTEM_ACTOR_ROLE } from '../../shared/domain/audit';
import { AppError } from '../services/kernel/errors';
import type { StationServices } from '../services/index';
import { reasonMessage } from './validate-id';

/** What the command line records as the actor of its work: no staff member, the 'system' role. */
export const SYSTEM_ACTOR = { id: null, role: SYSTEM_ACTOR_ROLE };

/** A refusal as `register` prints it: the code, and every message already translated for the reader. */
export interface CliRefusal {
  code: ErrorCode;
  message: string;
  issues: Array<FieldIssue & { message: string }>;
}

export type RegisterResult = { ok: true; data: CallOutput<'registration:create'> } | { ok: false; error: CliRefusal };

function refusal(t: TFunction, code: ErrorCode, issues: FieldIssue[]): { ok: false; error: CliRefusal } {
  return {
    ok: false,
    error: {
      code,
      message: t(`errors:${code}`),
      issues: issues.map((issue) => ({ ...issue, message: reasonMessage(t, issue.reason, issue.params) })),
    },
  };
}

/**
 * Registers one document shaped like the `registration:create` input: parsed with the contract's own
 * schema (so the command line accepts exactly what the screens may send), then created through the
 * registration service on the 'cli' channel, with the 'system' actor in the audit trail. A refusal
 * (invalid input, or a rule of the service such as `already_registered`) is returned, not thrown;
 * anything else is a fault and is thrown.
 */
export async function registerDocument(services: StationServices, document: unknown, t: TFunction): Promise<RegisterResult> {
  const spec = contract['registration:create'];
  const parsed = spec.input.safeParse(document);
  if (!parsed.success) return refusal(t, 'validation_failed', toFieldIssues(parsed.error));
  try {
    const created = await services.registrations.create(parsed.data, SYSTEM_ACTOR, 'cli');
    // Parsed on the way out like every call's output, so nothing the contract does not declare is printed.
    return { ok: true, data: spec.output.parse(created) };
  } catch (error) {
    if (error instanceof AppError) return refusal(t, error.code, error.issues ?? []);
    throw error;
  }
}

export type FileRead = { ok: true; document: unknown } | { ok: false; message: string };

/** Reads and parses a JSON file; says in the reader's language why it cannot (a usage error, not a refusal). */
export function readJsonFile(file: string, t: TFunction): FileRead {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, message: t('cli:fileMissing', { file }) };
    return { ok: false, message: t('cli:fileUnreadable', { file, detail: error instanceof Error ? error.message : String(error) }) };
  }
  try {
    // A byte order mark is what some Windows editors put first; JSON.parse would refuse it.
    return { ok: true, document: JSON.parse(text.replace(/^\uFEFF/, '')) as unknown };
  } catch (error) {
    return { ok: false, message: t('cli:fileNotJson', { file, detail: error instanceof Error ? error.message : String(error) }) };
  }
}
