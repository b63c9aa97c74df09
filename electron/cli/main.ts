import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import type { TFunction } from 'i18next';
import { isLanguage, defaultLanguage, type Language } from '../../shared/i18n/languages';
import { createTranslator } from '../../shared/i18n/translator';
import { openStation } from '../app/open-station';
import { resolveDataDir } from '../config/paths';
import { DatabaseTooNewError } from '../db/migrate';
import type { CallResult } from '../../shared/contract/errors';

/** Staff and scripts: JSON on stdout, a translated sentence on stderr and a non-zero exit on failure. */

class UsageError extends Error {}

/** `RELAY_LANG` wins; otherwise an English locale gets English and everything else Chinese. */
function cliLanguage(env: NodeJS.ProcessEnv): Language {
  if (isLanguage(env.RELAY_LANG)) return env.RELAY_LANG;
  const locale = env.LC_ALL || env.LANG || '';
  return locale.toLowerCase().startsWith('en') ? 'en' : defaultLanguage;
}

function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2) + '\n');
}

function describeRefusal(t: TFunction, result: Extract<CallResult<unknown>, { ok: false }>): string {
  const lines = [t(`errors:${result.error.code}`)];
  for (const issue of result.error.issues ?? []) {
    lines.push(t('cli:field', { path: issue.path, reason: t(`validation:${issue.reason}`) }));
  }
  return lines.join('\n');
}

async function doctor(): Promise<number> {
  const require = createRequire(import.meta.url);
  const dataDir = resolveDataDir();
  const station = await openStation({ dataDir });
  try {
    const sqliteVersion = station.connection.sqlite.prepare('select sqlite_version() as v').get() as { v: string };
    const ownPackage = require('../../package.json') as { version: string; devDependencies: Record<string, string> };
    printJson({
      version: ownPackage.version,
      node: process.versions.node,
      electron: process.versions.electron ?? `not running (built for ${ownPackage.devDependencies.electron})`,
      betterSqlite3: (require('better-sqlite3/package.json') as { version: string }).version,
      sqlite: sqliteVersion.v,
      dataDir,
      databasePath: station.databasePath,
      migrations: {
        applied: station.migrationLevel.applied,
        latest: station.migrationLevel.latest,
        upToDate: station.migrationLevel.applied.at(-1) === station.migrationLevel.latest,
      },
      station: await station.services.station.get(),
    });
    return 0;
  } finally {
    await station.close();
  }
}

async function init(args: string[], t: TFunction): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      code: { type: 'string' },
      name: { type: 'string' },
      kind: { type: 'string' },
      region: { type: 'string' },
    },
    strict: true,
  });
  const station = await openStation({ dataDir: resolveDataDir() });
  try {
    const result = await station.dispatch('station:setup', {
      code: values.code,
      name: values.name,
      kind: values.kind,
      regionCode: values.region,
    });
    if (!result.ok) {
      process.stderr.write(describeRefusal(t, result) + '\n');
      return 1;
    }
    printJson(result.data);
    return 0;
  } finally {
    await station.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const t = await createTranslator(cliLanguage(process.env));
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'doctor':
        return await doctor();
      case 'init':
        return await init(rest, t);
      case undefined:
      case 'help':
      case '--help':
        process.stderr.write(t('cli:usage') + '\n');
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(t('cli:unknownCommand', { command }));
    }
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n${t('cli:usage')}\n`);
      return 2;
    }
    if (error instanceof DatabaseTooNewError) {
      process.stderr.write(t('errors:database_too_new') + '\n');
      return 1;
    }
    // parseArgs rejects unknown or malformed options with a TypeError carrying an ERR_PARSE_ARGS code.
    if (error instanceof TypeError && String((error as { code?: string }).code).startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`${t('cli:badOptions', { detail: error.message })}\n${t('cli:usage')}\n`);
      return 2;
    }
    process.stderr.write(t('cli:failed', { message: error instanceof Error ? error.message : String(error) }) + '\n');
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
