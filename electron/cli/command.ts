import type { TFunction } from 'i18next';
import type { CallName } from '../../shared/contract/calls';
import type { Language } from '../../shared/i18n/languages';

/** What every command is given: the reader's translator and language. */
export interface CommandContext {
  t: TFunction;
  language: Language;
}

/** A command typed wrongly (missing or bad arguments): printed with the usage, exit code 2. */
export class UsageError extends Error {}

interface CommandBase {
  /** What is typed after `cli`. */
  name: string;
  /** The locale key of the command's lines in the help (`cli:` namespace). */
  usage: string;
  /** Runs the command: its exit code (0 done, 1 refused); a UsageError for a command typed wrongly. */
  run(args: string[], context: CommandContext): Promise<number>;
}

/**
 * One command of the command line. A command a staff member could also carry out on screen goes through the
 * dispatcher and names the calls it makes, so parsing, rights and audit are the screens' own; a command only
 * an operator at the machine runs reaches the station directly and says why.
 */
export type CliCommand = CommandBase & ({ calls: readonly CallName[]; direct?: never } | { direct: string; calls?: never });
