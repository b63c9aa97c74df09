import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import type { TFunction } from 'i18next';
import { stationDate } from '../../shared/domain/age';
import { SYSTEM_ACTOR_ROLE } from '../../shared/domain/audit';
import { isLanguage, defaultLanguage, type Language } from '../../shared/i18n/languages';
import { createTranslator } from '../../shared/i18n/translator';
import { openStation } from '../app/open-station';
import { resolveDataDir } from '../config/paths';
import { startupErrorCode, startupErrorValues } from '../app/startup-errors';
import { documentKinds, isDocumentKind } from '../../shared/validation/identity-document';
import { reasonMessage, reportDocument } from './validate-id';
import { readJsonFile, registerDocument, SYSTEM_ACTOR } from './register';
import { MAX_SEED_PEOPLE, seedPeople } from './seed';
import { MAX_SEED_SESSIONS, MAX_SEED_VISITS, SeedClock, seedVisitsAndSessions } from './seed-visits';
import { stationStats } from './stats';
import { fontsPresent, isSampleKind, printSample, sampleKinds, SOURCE_FONTS_DIR } from './print-sample';
import { exportBatches, importAcks, importProvinceKey, syncNow, verifyBatch, type SyncCommandResult } from './sync-commands';
import { backupCommand, restoreCommand } from './backup-commands';
import { printJson } from './command-support';
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

function describeRefusal(t: TFunction, result: Extract<CallResult<unknown>, { ok: false }>): string {
  const lines = [t(`errors:${result.error.code}`)];
  for (const issue of result.error.issues ?? []) {
    lines.push(t('cli:field', { path: issue.path, reason: reasonMessage(t, issue.reason, issue.params) }));
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

/** A count option: absent is 0; otherwise a whole number from `min` to `max`, or null. */
function countOption(raw: string | undefined, min: number, max: number): number | null {
  if (raw === undefined) return 0;
  const value = integerOption(raw);
  return value !== null && value >= min && value <= max ? value : null;
}

/**
 * Fake people, memorial visits and life-education sessions for demos and benchmarks, through the
 * real services; progress on stderr, a summary on stdout. Visits and sessions are written at the
 * moments they happened (seed-visits.ts), so the station runs on a clock the seeding sets.
 */
async function seed(args: string[], t: TFunction): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { people: { type: 'string' }, visits: { type: 'string' }, sessions: { type: 'string' }, seed: { type: 'string' } },
    strict: true,
  });
  if (values.people === undefined && values.visits === undefined && values.sessions === undefined) {
    throw new UsageError(`${t('cli:seedNeedsPeople', { max: MAX_SEED_PEOPLE })}\n${t('cli:seedOrVisits')}`);
  }
  const people = countOption(values.people, 1, MAX_SEED_PEOPLE);
  if (people === null) throw new UsageError(t('cli:seedNeedsPeople', { max: MAX_SEED_PEOPLE }));
  const visits = countOption(values.visits, 0, MAX_SEED_VISITS);
  if (visits === null) throw new UsageError(t('cli:seedBadVisits', { max: MAX_SEED_VISITS }));
  const sessions = countOption(values.sessions, 0, MAX_SEED_SESSIONS);
  if (sessions === null) throw new UsageError(t('cli:seedBadSessions', { max: MAX_SEED_SESSIONS }));
  const seedValue = values.seed === undefined ? 1 : integerOption(values.seed);
  if (seedValue === null) throw new UsageError(t('cli:seedBadSeed', { seed: values.seed }));
  const clock = new SeedClock();
  const station = await openStation({ dataDir: resolveDataDir(), clock });
  try {
    const started = process.hrtime.bigint();
    const summary: Record<string, unknown> = {};
    if (people > 0) {
      const onProgress = (done: number) => process.stderr.write(t('cli:seedProgress', { done, total: people }) + '\n');
      const result = await seedPeople(station, { people, seed: seedValue, onProgress }, t);
      if (!result.ok) {
        process.stdout.write(JSON.stringify({ ok: false, error: result.error }) + '\n');
        process.stderr.write(t('cli:seedRefused', { done: result.people, message: result.error.message }) + '\n');
        return 1;
      }
      Object.assign(summary, { people: result.people, registrations: result.registrations });
    }
    if (visits > 0 || sessions > 0) {
      const onProgress = (done: number, total: number) => process.stderr.write(t('cli:seedVisitsProgress', { done, total }) + '\n');
      const result = await seedVisitsAndSessions(station, clock, { visits, sessions, seed: seedValue, today: stationDate(new Date()), onProgress });
      if (!result.ok) {
        const message = t(`errors:${result.code}`);
        process.stdout.write(JSON.stringify({ ok: false, error: { code: result.code, message }, visits: result.visits, sessions: result.sessions }) + '\n');
        process.stderr.write(t('cli:seedVisitsRefused', { step: result.step, message }) + '\n');
        return 1;
      }
      Object.assign(summary, { visits: result.visits, sessions: result.sessions });
    }
    summary.seconds = Math.round(Number(process.hrtime.bigint() - started) / 1e7) / 100;
    process.stdout.write(JSON.stringify(summary) + '\n');
    return 0;
  } finally {
    await station.close();
  }
}

/** Memorial and education figures of a site and period as JSON; a bad date or site is a usage error (exit 2). */
async function stats(args: string[], t: TFunction): Promise<number> {
  const { values } = parseArgs({ args, options: { site: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' } }, strict: true });
  const station = await openStation({ dataDir: resolveDataDir() });
  try {
    const result = await stationStats(station.services, values, t);
    if (result.ok) {
      printJson(result.figures);
      return 0;
    }
    if (result.usage) throw new UsageError(`${t('cli:statsBadInput')}\n${result.message}`);
    process.stderr.write(result.message + '\n');
    return 1;
  } finally {
    await station.close();
  }
}

/**
 * Shows the kiosk's receipt printer, or sets it (`--name NAME`, `--none`) and its paper (`--paper a4|thermal`).
 * With a printer set, the desktop kiosk prints each receipt without a dialog.
 */
async function receiptPrinter(args: string[], t: TFunction): Promise<number> {
  const { values } = parseArgs({ args, options: { name: { type: 'string' }, none: { type: 'boolean' }, paper: { type: 'string' } }, strict: true });
  if (values.paper !== undefined && values.paper !== 'a4' && values.paper !== 'thermal') throw new UsageError(t('cli:printerBadPaper', { paper: values.paper }));
  if ((values.none && values.name !== undefined) || values.name?.trim() === '') throw new UsageError(t('cli:printerNameOrNone'));
  const station = await openStation({ dataDir: resolveDataDir() });
  try {
    const current = await station.services.printerSettings.view();
    if (values.name === undefined && !values.none && values.paper === undefined) {
      printJson(current);
      return 0;
    }
    const next = {
      receiptPrinter: values.none ? null : (values.name ?? current.receiptPrinter),
      receiptPaper: values.paper === 'thermal' || values.paper === 'a4' ? values.paper : current.receiptPaper,
    };
    printJson(await station.services.printerSettings.change(next, SYSTEM_ACTOR));
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

/** The exit code of a sync command; its usage message becomes a usage error (exit 2). */
function exitOf(result: SyncCommandResult): number {
  if (typeof result === 'number') return result;
  throw new UsageError(result.usage);
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
      case 'stats':
        return await stats(rest, t);
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
      case 'receipt-printer':
        return await receiptPrinter(rest, t);
      case 'export':
        return exitOf(await exportBatches(rest, t));
      case 'verify-batch':
        return exitOf(await verifyBatch(rest, t));
      case 'import-ack':
        return exitOf(await importAcks(rest, t));
      case 'sync':
        return exitOf(await syncNow(rest, t));
      case 'province-key':
        return exitOf(await importProvinceKey(rest, t));
      case 'backup':
        return exitOf(await backupCommand(rest, t));
      case 'restore':
        return exitOf(await restoreCommand(rest, t));
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
      process.stderr.write(`${t(`errors:${startupCode}`, startupErrorValues(error))}\n${error instanceof Error ? error.message : ''}\n`);
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
