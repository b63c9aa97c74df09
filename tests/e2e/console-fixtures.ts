import { createPublicKey } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type Page } from '@playwright/test';
import pg from 'pg';
import { startThrowAwayCluster, type ClusterAddress } from '../../scripts/postgres-cluster';
import { insertConsoleAccount, type ConsoleAccount } from '../../hub/console/accounts';
import { consoleAuditKey } from '../../hub/console/audit-trail';
import { createConsoleDispatcher } from '../../hub/console/dispatcher';
import { ExportJobs } from '../../hub/console/export-jobs';
import { createConsoleHttp } from '../../hub/console/http';
import { openHubDatabase, type HubConnection, type HubDatabaseOptions } from '../../hub/db/open';
import { addStation, addStationKey } from '../../hub/db/repositories/stations';
import { startHubServer } from '../../hub/http/server';
import { importBatchFolder, type ImportedFile } from '../../hub/ingest/import-folder';
import { loadProvinceKeys, provincePublicPems, type ProvinceKeys } from '../../hub/keys/province-keys';
import { initialiseHub } from '../../hub/operations/initialise-hub';
import type { ConsoleRole } from '../../shared/console/roles';
import type { CallInput, CallName, CallOutput } from '../../shared/contract/calls';
import type { Language } from '../../shared/i18n/languages';
import { translations } from '../../shared/i18n/resources';
import { callOk } from '../fixtures/dispatch';
import { residentId, sampleRegistration } from '../fixtures/registrations';
import { makeTempDir, openTempStation, sampleSetup, sampleStation } from '../fixtures/temp-station';

/** The province of every console under test (Yunnan). */
export const CONSOLE_PROVINCE = '53';

/** The password of every account the fixture makes. */
export const CONSOLE_PASSWORD = 'correct horse battery staple';

/** The account of each role the fixture makes: `<role>-one`, display name `<role> 一号`, nothing to change. */
export const consoleUsername = (role: ConsoleRole): string => `${role}-one`;

/** A station registered at the hub that never sends anything: the stations screen warns that it is silent. */
export const SILENT_STATION = 'QJS09';

/** The people the real station registers before its first batch (names and documents are invented). */
export const consolePeople = [
  { name: '张晓明', number: residentId('530102', '19900307', '101'), phone: '13812345678' },
  { name: '王秋月', number: residentId('530102', '19920101', '324'), phone: '13987654321' },
] as const;

const builtConsole = fileURLToPath(new URL('../../dist/console', import.meta.url));
const stationCaller = { sessionKey: 'console-e2e-station' } as const;

type TempStation = Awaited<ReturnType<typeof openTempStation>>;

/** A hub on PostgreSQL with its console served, filled by a real station's batches. */
export interface ConsoleHub {
  /** The console's address, e.g. `http://127.0.0.1:41234/console/`. */
  url: string;
  hub: HubConnection;
  keys: ProvinceKeys;
  /** The real station whose batches the hub took (code KMU01), set up with its first administrator. */
  station: TempStation;
  /** A call at the station as its administrator; a refusal fails the test. */
  stationCall<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>>;
  /** Exports what waits at the station and imports the files at the hub, as from a USB stick. */
  deliver(): Promise<ImportedFile[]>;
  /** Imports the station's latest batch file with one byte changed: the hub refuses it and logs why. */
  deliverTampered(): Promise<ImportedFile>;
  /** The account of each role (password CONSOLE_PASSWORD, nothing to change). */
  accounts: Record<ConsoleRole, ConsoleAccount>;
  /** Makes one more account directly in the hub, e.g. one that must change its password. */
  addAccount(account: { username: string; role: ConsoleRole; displayName?: string; mustChangePassword?: boolean }): Promise<ConsoleAccount>;
  /** The hub's clock, which judges sessions: real time moved on by what `advanceClock` added. */
  now(): Date;
  /** Moves the hub's clock on (an idle session then ends at its next call). */
  advanceClock(ms: number): void;
}

interface ConsoleWorkerFixtures {
  /** One throw-away PostgreSQL cluster per worker; each test gets its own database in it. */
  consoleCluster: ClusterAddress;
}

interface ConsoleTestFixtures {
  /** The idle minutes of the hub's console sessions (default 15); `test.use` lowers it for the idle specs. */
  consoleIdleMinutes: number;
  consoleHub: ConsoleHub;
  /** Opens the console in `language`, signs in as the role's account and waits for the bar. */
  signIn(role: ConsoleRole, language?: Language): Promise<void>;
}

let databaseCount = 0;

async function runOnCluster(cluster: ClusterAddress, database: string, statement: string): Promise<void> {
  const client = new pg.Client({ host: cluster.socketFolder, port: cluster.port, user: cluster.user, database });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** The files of a folder that end as batch files do. */
function batchFiles(folder: string): string[] {
  return readdirSync(folder)
    .filter((name) => /\.rs[be]$/.test(name))
    .sort()
    .map((name) => join(folder, name));
}

export const test = base.extend<ConsoleTestFixtures, ConsoleWorkerFixtures>({
  consoleCluster: [
    async ({}, use) => {
      const cluster = startThrowAwayCluster();
      process.once('exit', cluster.stop);
      try {
        await use({ socketFolder: cluster.socketFolder, port: cluster.port, user: cluster.user });
      } finally {
        process.off('exit', cluster.stop);
        cluster.stop();
      }
    },
    { scope: 'worker' },
  ],

  consoleIdleMinutes: [15, { option: true }],

  consoleHub: async ({ consoleCluster, consoleIdleMinutes }, use) => {
    const database = `console_e2e_${process.pid}_${++databaseCount}`;
    await runOnCluster(consoleCluster, 'postgres', `create database ${database}`);
    const temp = makeTempDir('relay-console-e2e-');
    const keysDir = join(temp.dir, 'keys');
    const options: HubDatabaseOptions = {
      engine: 'postgres',
      connection: { host: consoleCluster.socketFolder, port: consoleCluster.port, user: consoleCluster.user, database, max: 4 },
    };
    await initialiseHub({ provinceCode: CONSOLE_PROVINCE, keysDir, database: options });
    const keys = loadProvinceKeys(keysDir);
    const hub = await openHubDatabase(options);
    const station = await openTempStation();
    let offset = 0;
    const now = () => new Date(Date.now() + offset);
    const stationCall = <N extends CallName>(name: N, input: CallInput<N>) => callOk(station, name, input, stationCaller);
    let sticks = 0;
    let lastStick: string | null = null;
    const ingestContext = { hub, provinceCode: CONSOLE_PROVINCE, keys };
    let server: Awaited<ReturnType<typeof startHubServer>> | null = null;
    let exportJobs: ExportJobs | null = null;
    try {
      // The real station: set up, holding the province's public keys, registering two people.
      await station.dispatch('station:setup', sampleSetup, stationCaller);
      const pems = provincePublicPems(keys);
      await stationCall('sync:importProvinceKey', { use: 'signing', pem: pems.signing });
      await stationCall('sync:importProvinceKey', { use: 'encryption', pem: pems.encryption });
      await stationCall('sync:settings', { endpoint: null, batchSize: 50, twoPersonApproval: false });
      const published = await stationCall('documents:publicKey', undefined);
      const registeredAt = '2026-11-01T00:00:00.000Z';
      await addStation(hub.db, { provinceCode: CONSOLE_PROVINCE, code: sampleStation.code, kind: sampleStation.kind, regionCode: '530102', name: sampleStation.name, registeredAt });
      await addStationKey(hub.db, {
        provinceCode: CONSOLE_PROVINCE,
        stationCode: sampleStation.code,
        publicKeySpki: createPublicKey(published.publicKey).export({ type: 'spki', format: 'der' }),
        registeredAt,
      });
      await addStation(hub.db, { provinceCode: CONSOLE_PROVINCE, code: SILENT_STATION, kind: 'education_base', regionCode: '530302', name: '曲靖生命教育基地', registeredAt });
      for (const person of consolePeople) {
        await stationCall(
          'registration:create',
          sampleRegistration({ person: { document: { kind: 'resident_id', number: person.number }, name: person.name, phone: person.phone, ethnicGroup: '01' } }),
        );
      }

      const deliver = async (): Promise<ImportedFile[]> => {
        const stick = join(temp.dir, `stick-${++sticks}`);
        mkdirSync(stick);
        await stationCall('sync:export', { folder: stick });
        lastStick = stick;
        return importBatchFolder(stick, ingestContext);
      };
      const deliverTampered = async (): Promise<ImportedFile> => {
        const file = lastStick === null ? undefined : batchFiles(lastStick).at(-1);
        if (file === undefined) throw new Error('deliver a batch first: the tampered file is a copy of the latest');
        const bytes = Buffer.from(readFileSync(file));
        bytes[bytes.length - 20] = (bytes[bytes.length - 20] ?? 0) ^ 0xff;
        const stick = join(temp.dir, `stick-${++sticks}`);
        mkdirSync(stick);
        writeFileSync(join(stick, `tampered${file.slice(file.lastIndexOf('.'))}`), bytes);
        const [imported] = await importBatchFolder(stick, ingestContext);
        if (imported === undefined) throw new Error('the tampered file was not imported');
        return imported;
      };
      await deliver();

      const addAccount: ConsoleHub['addAccount'] = async ({ username, role, displayName, mustChangePassword }) => {
        const account = await insertConsoleAccount(
          hub.db,
          CONSOLE_PROVINCE,
          { username, displayName: displayName ?? `${role} ${username}`, role, password: CONSOLE_PASSWORD, mustChangePassword: mustChangePassword ?? false },
          now(),
        );
        if (account === null) throw new Error(`${username} exists already`);
        return account;
      };
      const accounts = {
        administrator: await addAccount({ username: consoleUsername('administrator'), role: 'administrator', displayName: '李主任' }),
        analyst: await addAccount({ username: consoleUsername('analyst'), role: 'analyst', displayName: '周分析' }),
        reviewer: await addAccount({ username: consoleUsername('reviewer'), role: 'reviewer', displayName: '吴审核' }),
        auditor: await addAccount({ username: consoleUsername('auditor'), role: 'auditor', displayName: '郑审计' }),
      };

      // The review and exports calls open sealed people with the province's keys and write runs below `exports/`.
      exportJobs = new ExportJobs();
      const resources = { keys, exportsFolder: join(temp.dir, 'exports'), exportJobs };
      const dispatcher = createConsoleDispatcher({ store: hub, provinceCode: CONSOLE_PROVINCE, auditKey: consoleAuditKey(keys.data), settings: { idleMinutes: consoleIdleMinutes }, resources, now });
      const consoleHttp = createConsoleHttp({ dispatcher, uiFolder: builtConsole });
      server = await startHubServer({ hub, provinceCode: CONSOLE_PROVINCE, keys, port: 0, console: consoleHttp, stopGraceMs: 1_000 });
      await use({
        url: `${server.url}/console/`,
        hub,
        keys,
        station,
        stationCall,
        deliver,
        deliverTampered,
        accounts,
        addAccount,
        now,
        advanceClock: (ms) => {
          offset += ms;
        },
      });
    } finally {
      await server?.close();
      await exportJobs?.whenIdle();
      await hub.close();
      await station.remove();
      temp.remove();
      await runOnCluster(consoleCluster, 'postgres', `drop database if exists ${database} with (force)`);
    }
  },

  signIn: async ({ page, consoleHub }, use) => {
    await use(async (role, language = 'zh-CN') => {
      await openConsole(page, consoleHub, language);
      await signInOnPage(page, consoleUsername(role), CONSOLE_PASSWORD, language);
      await expect(page.getByTestId('console-account')).toContainText(consoleUsername(role));
    });
  },
});

export { expect };

/** A console text in `language`, e.g. `consoleText('en', 'console', 'signIn.submit')`: what the screen must show. */
export function consoleText(language: Language, namespace: keyof (typeof translations)['zh-CN'], key: string, values: Record<string, string | number> = {}): string {
  const lookUp = (path: string): unknown => path.split('.').reduce<unknown>((section, part) => (section as Record<string, unknown> | undefined)?.[part], translations[language][namespace]);
  // A counted text is written `<key>_one` / `<key>_other`, chosen as i18next does, by the language's plural rules.
  const plural = typeof values.count === 'number' ? `${key}_${new Intl.PluralRules(language).select(values.count)}` : null;
  const value = lookUp(key) ?? (plural === null ? undefined : lookUp(plural));
  if (typeof value !== 'string') throw new Error(`no text ${namespace}:${key} in ${language}`);
  return value.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? `{{${name}}}`));
}

/** Opens the console's sign-in page and switches it to `language`. */
export async function openConsole(page: Page, consoleHub: ConsoleHub, language: Language = 'zh-CN'): Promise<void> {
  await page.goto(consoleHub.url);
  await page.getByRole('button', { name: consoleText(language, 'common', `language.${language}`) }).click();
  await expect(page.getByRole('heading', { name: consoleText(language, 'console', 'signIn.title') })).toBeVisible();
}

/** Types a username and password into the sign-in form and submits it. */
export async function signInOnPage(page: Page, username: string, password: string, language: Language = 'zh-CN'): Promise<void> {
  await page.getByLabel(consoleText(language, 'console', 'signIn.username')).fill(username);
  await page.getByLabel(consoleText(language, 'console', 'signIn.password'), { exact: true }).fill(password);
  await page.getByRole('button', { name: consoleText(language, 'console', 'signIn.submit') }).click();
}

/** Opens a screen from the console's navigation by its title key (`consoleAccounts:title`…). */
export async function openScreen(page: Page, language: Language, namespace: keyof (typeof translations)['zh-CN'], key = 'title'): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: consoleText(language, namespace, key) }).click();
  await expect(page.getByRole('heading', { level: 1, name: consoleText(language, namespace, key) })).toBeVisible();
}
