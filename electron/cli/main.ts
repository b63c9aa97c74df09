import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import type { TFunction } from 'i18next';
import { SYSTEM_ACTOR_ROLE } from '../../shared/domain/audit';
import { isLanguage, defaultLanguage, type Language } from '../../shared/i18n/languages';
import { createTranslator } from '../../shared/i18n/translator';
import { openStation } from '../app/open-station';
import { resolveDataDir } from '../config/paths';
import { startupErrorCode } from '../app/startup-errors';
import { documentKinds, isDocumentKind } from '../../shared/validation/identity-document';
import { reasonMessage, reportDocument } from './validate-id';
import { readJsonFile, registerDocument, SYSTEM_ACTOR } from './register';
import { MAX_SEED_PEOPLE, seedPeople } from './seed';
import { fontsPresent, isSampleKind, printSample, sampleKinds, SOURCE_FONTS_DIR } from './print-sample';
import type { CallResult } from '../../shared/contract/errors';

/** Staff and scripts: JSON on stdout, a translated sentence on stderr and a non-zero exit on failure. */

class UsageError extends Error {}

/** The command line is one caller with its own session; what it records in the audit trail is 'system'. */
const CLI_CALLER = { sessionKey: 'cli' };

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
    lines.push(t('cli:field', { path: issue.path, reason: reasonMessage(t, issue.reason) }));
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

/** The station's first administrator: name on the command line, secrets from the environment (never argv, which `ps` shows). */
async function init(args: string[], t: TFunction): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      code: { type: 'string' },
      name: { type: 'string' },
      kind: { type: 'string' },
      region: { type: 'string' },
      admin: { type: 'string' },
      'admin-name': { type: 'string' },
    },
    strict: true,
  });
  const station = await openStation({ dataDir: resolveDataDir() });
  try {
    const result = await station.dispatch(
      'station:setup',
      {
        code: values.code,
        name: values.name,
        kind: values.kind,
        regionCode: values.region,
        admin: {
          username: values.admin,
          displayName: values['admin-name'],
          password: process.env.RELAY_ADMIN_PASSWORD,
          pin: process.env.RELAY_ADMIN_PIN,
        },
      },
      CLI_CALLER,
    );
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

/** One JSON line per value; exits 0 once every value was processed, valid or not. */
function validateId(args: string[], t: TFunction): number {
  const { values, positionals } = parseArgs({ args, options: { kind: { type: 'string' } }, allowPositionals: true, strict: true });
  if (values.kind !== undefined && !isDocumentKind(values.kind)) {
    throw new UsageError(t('cli:unknownKindOption', { kind: values.kind, kinds: documentKinds.join(', ') }));
  }
  if (positionals.length === 0) throw new UsageError(t('cli:validateIdNeedsValue'));
  for (const value of positionals) {
    process.stdout.write(JSON.stringify(reportDocument(value, t, values.kind)) + '\n');
  }
  return 0;
}

/** One registration from a JSON file: one JSON line, the result or the translated refusal; exits 1 on a refusal. */
async function register(args: string[], t: TFunction): Promise<number> {
  const { values } = parseArgs({ args, options: { json: { type: 'string' } }, strict: true });
  if (values.json === undefined || values.json.trim() === '') throw new UsageError(t('cli:registerNeedsFile'));
  const file = readJsonFile(values.json, t);
  if (!file.ok) throw new UsageError(file.message);
  const station = await openStation({ dataDir: resolveDataDir() });
  try {
    const result = await registerDocument(station.services, file.document, t);
    process.stdout.write(JSON.stringify(result) + '\n');
    return result.ok ? 0 : 1;
  } finally {
    await station.close();
  }
}

/** A whole number from an option, or null when it is not one. */
function integerOption(raw: string | undefined): number | null {
  if (raw === undefined || !/^\s*-?\d+\s*$/.test(raw)) return null;
  const value = Number(raw);
  return Number.isSafeInteger(value) ? value : null;
}

/** Fake people for demos and benchmarks, through the registration service; progress on stderr, a summary on stdout. */
async function seed(args: string[], t: TFunction): Promise<number> {
  const { values } = parseArgs({ args, options: { people: { type: 'string' }, seed: { type: 'string' } }, strict: true });
  const people = integerOption(values.people);
  if (people === null || people < 1 || people > MAX_SEED_PEOPLE) throw new UsageError(t('cli:seedNeedsPeople', { max: MAX_SEED_PEOPLE }));
  const seedValue = values.seed === undefined ? 1 : integerOption(values.seed);
  if (seedValue === null) throw new UsageError(t('cli:seedBadSeed', { seed: values.seed }));
  const station = await openStation({ dataDir: resolveDataDir() });
  try {
    const onProgress = (done: number) => process.stderr.write(t('cli:seedProgress', { done, total: people }) + '\n');
    const result = await seedPeople(station, { people, seed: seedValue, onProgress }, t);
    if (!result.ok) {
      process.stdout.write(JSON.stringify({ ok: false, error: result.error }) + '\n');
      process.stderr.write(t('cli:seedRefused', { done: result.people, message: result.error.message }) + '\n');
      return 1;
    }
    process.stdout.write(JSON.stringify({ people: result.people, registrations: result.registrations, seconds: result.seconds }) + '\n');
    return 0;
  } finally {
    await station.close();
  }
}

/** Re-encrypts every sealed value under a new data key; run it again to finish one that was cut short. */
async function rotateKey(): Promise<number> {
  const station = await openStation({ dataDir: resolveDataDir() });
  try {
    const resealed = await station.services.protection.rotate();
    const stationCode = (await station.services.station.get())?.code ?? '';
    await station.services.audit.record({ actor: SYSTEM_ACTOR, stationCode, action: 'key_rotation', detail: { resealed } });
    printJson({ resealed, currentKeyId: station.services.protection.cipher.currentKeyId });
    return 0;
  } finally {
    await station.close();
  }
}

/** Walks the audit chain; exits 1 and names the first broken entry when it does not hold. */
async function auditVerify(t: TFunction): Promise<number> {
  const station = await openStation({ dataDir: resolveDataDir() });
  try {
    const check = await station.services.audit.verify();
    printJson(check);
    if (check.ok) return 0;
    process.stderr.write(t('cli:auditBroken', { seq: check.brokenSeq, reason: t(`cli:auditReason.${check.reason ?? 'hash_mismatch'}`) }) + '\n');
    return 1;
  } finally {
    await station.close();
  }
}

/**
 * Checks scanned QR payloads against this station's key and records: one JSON line each; exits 0 when
 * every one is genuine, 1 otherwise (forged, voided or unknown), so a script can act on it.
 */
async function verifyDocument(payloads: string[], t: TFunction): Promise<number> {
  if (payloads.length === 0) throw new UsageError(t('cli:verifyDocumentMissing'));
  const station = await openStation({ dataDir: resolveDataDir() });
  try {
    let allGenuine = true;
    for (const payload of payloads) {
      const check = await station.services.documents.verify({ payload });
      process.stdout.write(JSON.stringify({ payload, ...check, message: t(`cli:verification.${check.result}`) }) + '\n');
      allGenuine &&= check.result === 'genuine';
    }
    return allGenuine ? 0 : 1;
  } finally {
    await station.close();
  }
}

/** The station's public key as PEM on stdout, for the province; audited like every export. */
async function exportPublicKey(): Promise<number> {
  const station = await openStation({ dataDir: resolveDataDir() });
  try {
    const key = await station.services.documents.publicKey({ id: null, role: SYSTEM_ACTOR_ROLE });
    process.stdout.write(key.publicKey.endsWith('\n') ? key.publicKey : `${key.publicKey}\n`);
    return 0;
  } finally {
    await station.close();
  }
}

/** `--lang zh|en` (the locale names are taken too); the CLI's own language when not given. */
function documentLanguage(raw: string | undefined, fallback: Language): Language | null {
  if (raw === undefined) return fallback;
  if (raw === 'zh') return 'zh-CN';
  return isLanguage(raw) ? raw : null;
}

/** One sample document into a file; one JSON line naming it, its size and any character no font could draw. */
async function printSampleCommand(args: string[], t: TFunction, cliLang: Language): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { lang: { type: 'string' }, out: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  const [kind] = positionals;
  if (!isSampleKind(kind) || positionals.length !== 1) {
    throw new UsageError(t('cli:sampleNeedsKind', { kinds: sampleKinds.join(', ') }));
  }
  const language = documentLanguage(values.lang, cliLang);
  if (language === null) throw new UsageError(t('cli:sampleBadLang', { lang: values.lang }));
  if (values.out === undefined || values.out.trim() === '') throw new UsageError(t('cli:sampleNeedsOut'));
  if (!fontsPresent(SOURCE_FONTS_DIR)) {
    process.stderr.write(t('cli:fontsMissing', { dir: SOURCE_FONTS_DIR }) + '\n');
    return 1;
  }
  process.stdout.write(JSON.stringify(await printSample(kind, language, values.out, SOURCE_FONTS_DIR)) + '\n');
  return 0;
}

async function main(argv: string[]): Promise<number> {
  const language = cliLanguage(process.env);
  const t = await createTranslator(language);
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'doctor':
        return await doctor();
      case 'init':
        return await init(rest, t);
      case 'validate-id':
        return validateId(rest, t);
      case 'register':
        return await register(rest, t);
      case 'seed':
        return await seed(rest, t);
      case 'rotate-key':
        return await rotateKey();
      case 'audit-verify':
        return await auditVerify(t);
      case 'print-sample':
        return await printSampleCommand(rest, t, language);
      case 'verify-document':
        return await verifyDocument(rest, t);
      case 'export-public-key':
        return await exportPublicKey();
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
    const startupCode = startupErrorCode(error);
    if (startupCode !== 'internal') {
      process.stderr.write(`${t(`errors:${startupCode}`)}\n${error instanceof Error ? error.message : ''}\n`);
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
