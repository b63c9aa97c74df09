import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openHubDatabase } from '../db/open';
import type { IngestResult } from '../ingest/ingest-batch';
import { startHubServer } from '../http/server';
import { consoleAuditKey } from '../console/audit-trail';
import { createConsoleDispatcher } from '../console/dispatcher';
import { ExportJobs } from '../console/export-jobs';
import { interruptLeftExportsAudited } from '../console/handlers/exports-handlers';
import { createConsoleHttp } from '../console/http';
import { DEFAULT_CONSOLE_SETTINGS } from '../console/settings';
import { provinceOfDatabase } from '../operations/province-identity';
import { PASSPHRASE_OPTION } from './passphrase';
import { provinceKeysOf } from './province-keys-option';
import { databaseOption, printLine, provinceOption, UsageError } from './usage';

/** The port the hub listens on unless told otherwise. */
export const DEFAULT_PORT = 8790;

/** The built console UI the hub serves at `<base>/console/` unless --console-ui names another folder. */
export const DEFAULT_CONSOLE_UI = fileURLToPath(new URL('../../dist/console/', import.meta.url));

/**
 * `hub serve`: the protocol over HTTP on the hub's storage, on loopback unless --host says otherwise (TLS is
 * terminated by a proxy in front). Prints one JSON line once listening and one once stopped; SIGTERM or
 * SIGINT stops it gracefully: no new connection is taken, the uploads under way finish, the database closes.
 */
export async function serveCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      db: { type: 'string' },
      postgres: { type: 'string' },
      province: { type: 'string' },
      keys: { type: 'string' },
      host: { type: 'string' },
      port: { type: 'string' },
      'base-path': { type: 'string' },
      'max-uploads': { type: 'string' },
      'console-ui': { type: 'string' },
      exports: { type: 'string' },
      'console-idle-minutes': { type: 'string' },
      'behind-tls': { type: 'boolean' },
      ...PASSPHRASE_OPTION,
    },
  });
  if (values.keys === undefined) throw new UsageError('--keys is required');
  const database = databaseOption(values);
  const givenProvince = values.province === undefined ? undefined : provinceOption(values.province);
  const port = numberOption('--port', values.port, DEFAULT_PORT, 0, 65_535);
  const maxConcurrentUploads = numberOption('--max-uploads', values['max-uploads'], 4, 1, 1_000);
  const idleMinutes = numberOption('--console-idle-minutes', values['console-idle-minutes'], DEFAULT_CONSOLE_SETTINGS.idleMinutes, 1, 480);
  const keys = provinceKeysOf(values.keys, values, process.env);
  const hub = await openHubDatabase(database);
  try {
    // The province `hub init` recorded; a --province given as well must match it.
    const provinceCode = await provinceOfDatabase(hub.db, givenProvince);
    // An export this hub was running when it stopped is marked interrupted (its half-written files removed), audited.
    const auditKey = consoleAuditKey(keys.data);
    for (const run of await interruptLeftExportsAudited(hub, hub.engine, auditKey, provinceCode)) printLine({ exportInterrupted: run.runId, platform: run.platform });
    // The console answers below <base>/console/ on the same address; its cookie is Secure behind a TLS proxy.
    const exportJobs = new ExportJobs();
    const dispatcher = createConsoleDispatcher({
      store: hub,
      provinceCode,
      auditKey,
      settings: { idleMinutes },
      // The national exports are written below --exports (owner-only folders: they hold personal data).
      resources: { keys, exportsFolder: values.exports === undefined ? null : resolve(values.exports), exportJobs },
      onError: (call, error) => printLine({ consoleError: call, detail: error instanceof Error ? error.message : String(error) }),
    });
    const consoleHttp = createConsoleHttp({ dispatcher, uiFolder: resolve(values['console-ui'] ?? DEFAULT_CONSOLE_UI), secureCookies: values['behind-tls'] ?? false });
    const server = await startHubServer({ hub, provinceCode, keys, host: values.host ?? '127.0.0.1', port, basePath: values['base-path'], maxConcurrentUploads, onUpload: (result) => printLine(uploadLine(result)), console: consoleHttp });
    printLine({ listening: server.url, console: `${server.url}/console/`, province: provinceCode, engine: hub.engine });
    const signal = await new Promise<NodeJS.Signals>((resolveSignal) => {
      process.once('SIGTERM', () => resolveSignal('SIGTERM'));
      process.once('SIGINT', () => resolveSignal('SIGINT'));
    });
    await server.close();
    // An export under way finishes (its folder renamed into place, its run recorded) before the database closes.
    await exportJobs.whenIdle();
    printLine({ stopped: signal });
    return 0;
  } finally {
    await hub.close();
  }
}

function numberOption(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!/^\d+$/.test(value) || number < min || number > max) throw new UsageError(`${name} wants a whole number from ${min} to ${max}`);
  return number;
}

/** One JSON line per upload answered: what an operator greps for, an audit-head alert included (§8.4). */
function uploadLine(result: IngestResult): Record<string, unknown> {
  const named = { batchId: result.batchId, station: result.stationCode, outcome: result.outcome };
  if (result.outcome === 'applied') return { ...named, counts: result.counts, ...(result.auditHeadRegressed ? { alert: 'audit_head_regressed' } : {}) };
  if (result.outcome === 'refused') return { ...named, code: result.code };
  return named;
}
