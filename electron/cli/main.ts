import type { TFunction } from 'i18next';
import { isLanguage, defaultLanguage, type Language } from '../../shared/i18n/languages';
import { createTranslator } from '../../shared/i18n/translator';
import { startupErrorCode, startupErrorValues } from '../app/startup-errors';
import { UsageError } from './command';
import { cliCommands, findCommand } from './commands/index';

/**
 * Staff and scripts: JSON on stdout, a translated sentence on stderr and a non-zero exit on failure
 * (1 refused or failed, 2 typed wrongly). The commands are in `commands/`; this file finds the one typed,
 * prints the help from the table and turns what goes wrong into exit codes.
 */

/** `RELAY_LANG` wins; otherwise an English locale gets English and everything else Chinese. */
function cliLanguage(env: NodeJS.ProcessEnv): Language {
  if (isLanguage(env.RELAY_LANG)) return env.RELAY_LANG;
  const locale = env.LC_ALL || env.LANG || '';
  return locale.toLowerCase().startsWith('en') ? 'en' : defaultLanguage;
}

/** The help: a heading, each command's lines from the table, and the station kinds. */
function usage(t: TFunction): string {
  return [t('cli:usageHeading'), ...cliCommands.map((command) => t(command.usage)), t('cli:usageKinds')].join('\n');
}

/** Exit code 2 and the help for a command typed wrongly (parseArgs throws a TypeError with an ERR_PARSE_ARGS code). */
function usageFailure(t: TFunction, error: unknown): number | null {
  if (error instanceof UsageError) {
    process.stderr.write(`${error.message}\n${usage(t)}\n`);
    return 2;
  }
  if (error instanceof TypeError && String((error as { code?: string }).code).startsWith('ERR_PARSE_ARGS')) {
    process.stderr.write(`${t('cli:badOptions', { detail: error.message })}\n${usage(t)}\n`);
    return 2;
  }
  return null;
}

async function main(argv: string[]): Promise<number> {
  const language = cliLanguage(process.env);
  const t = await createTranslator(language);
  const [name, ...args] = argv;
  if (name === undefined || name === 'help' || name === '--help') {
    process.stderr.write(usage(t) + '\n');
    return name === undefined ? 2 : 0;
  }
  const command = findCommand(name);
  try {
    if (command === undefined) throw new UsageError(t('cli:unknownCommand', { command: name }));
    return await command.run(args, { t, language });
  } catch (error) {
    const usageCode = usageFailure(t, error);
    if (usageCode !== null) return usageCode;
    const startupCode = startupErrorCode(error);
    if (startupCode !== 'internal') {
      process.stderr.write(`${t(`errors:${startupCode}`, startupErrorValues(error))}\n${error instanceof Error ? error.message : ''}\n`);
      return 1;
    }
    process.stderr.write(t('cli:failed', { message: error instanceof Error ? error.message : String(error) }) + '\n');
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
