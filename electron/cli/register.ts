import { readFileSync } from 'node:fs';
import type { TFunction } from 'i18next';
import type { CallOutput } from '../../shared/contract/calls';
import type { OpenStation } from '../app/open-station';
import { callStation, translateRefusal, type CliRefusal } from './command-support';

export type RegisterResult = { ok: true; data: CallOutput<'registration:create'> } | { ok: false; error: CliRefusal };

/**
 * Registers one document shaped like the `registration:create` input through the dispatcher, as the screens
 * do: parsed with the call's schema (so the command line accepts exactly what the screens may send), created
 * on the 'cli' channel with the 'system' actor in the audit trail. A refusal (invalid input, or a rule of the
 * service such as `already_registered`) comes back translated for the reader.
 */
export async function registerDocument(station: OpenStation, document: unknown, t: TFunction): Promise<RegisterResult> {
  const result = await callStation(station, 'registration:create', document);
  return result.ok ? result : { ok: false, error: translateRefusal(t, result.error) };
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
