import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { generateKeyRing } from '../../../electron/security/key-ring';
import { keyId } from '../../../electron/sync/keys';
import type { ConsoleResources } from '../../../hub/console/console-resources';
import { ExportJobs } from '../../../hub/console/export-jobs';
import type { ConsoleRole } from '../../../shared/console/roles';
import { insertConsoleAccount, type ConsoleAccount } from '../../../hub/console/accounts';
import { consoleAuditKey } from '../../../hub/console/audit-trail';
import { createConsoleDispatcher, type ConsoleDispatcher } from '../../../hub/console/dispatcher';
import { startConsoleSession } from '../../../hub/console/sessions';
import type { ConsoleSettings } from '../../../hub/console/settings';
import type { HubStore } from '../../../hub/db/open';
import { recordProvince } from '../../../hub/operations/province-identity';
import { PROVINCE } from './batches';

/** Where the fixtures' export runs go, one folder per fixture (made by the first run), removed when the tests end. */
const EXPORTS_ROOT = join(tmpdir(), `relay-console-exports-${process.pid}`);
afterAll(() => rmSync(EXPORTS_ROOT, { recursive: true, force: true }));

/** The password every account of a console fixture is made with. */
export const FIXTURE_PASSWORD = 'correct horse battery staple';

/** A console on a test's hub: its dispatcher on a clock the test moves, and accounts of every role. */
export interface ConsoleFixture {
  hub: HubStore;
  dispatcher: ConsoleDispatcher;
  auditKey: Buffer;
  /** The province's keys (a fresh data key ring and signing key), an exports folder of its own, the export runs. */
  resources: ConsoleResources;
  /** The dispatcher's clock; `advance` moves it. */
  now(): Date;
  advance(ms: number): void;
  /** An account of each role, made with FIXTURE_PASSWORD, nothing to change. */
  accounts: Record<ConsoleRole, ConsoleAccount>;
  /** One more analyst, for calls that change an account (disable it, reset its password) without touching the others. */
  spare: ConsoleAccount;
  /** A fresh session of the role's account (made directly, without a sign-in): its token. */
  sessionOf(role: ConsoleRole): Promise<string>;
  /** A call as the holder of `token` makes it (null: signed out). */
  call(name: string, input: unknown, token: string | null): ReturnType<ConsoleDispatcher['dispatch']>;
}

/** Sets up a console on an open hub: the province recorded, one account per role, a clock at `start`. */
export async function consoleFixture(hub: HubStore, settings: Partial<ConsoleSettings> = {}, start = new Date('2026-12-01T02:00:00.000Z')): Promise<ConsoleFixture> {
  await recordProvince(hub.db, PROVINCE, start.toISOString());
  const ring = generateKeyRing(start);
  const auditKey = consoleAuditKey(ring);
  const signing = generateKeyPairSync('ed25519');
  const resources: ConsoleResources = {
    keys: { data: ring, signing: { ...signing, keyId: keyId(signing.publicKey) } },
    exportsFolder: join(EXPORTS_ROOT, randomUUID()),
    exportJobs: new ExportJobs(),
  };
  let clock = start.getTime();
  const now = () => new Date(clock);
  const dispatcher = createConsoleDispatcher({ store: hub, provinceCode: PROVINCE, auditKey, settings, resources, now });
  const made = async (role: ConsoleRole, username = `${role}-one`) => {
    const account = await insertConsoleAccount(hub.db, PROVINCE, { username, displayName: `The ${role}`, role, password: FIXTURE_PASSWORD, mustChangePassword: false }, now());
    if (account === null) throw new Error(`${username} exists already`);
    return account;
  };
  const accounts = {
    administrator: await made('administrator'),
    analyst: await made('analyst'),
    reviewer: await made('reviewer'),
    auditor: await made('auditor'),
  };
  const spare = await made('analyst', 'spare-one');
  return {
    hub,
    dispatcher,
    auditKey,
    resources,
    now,
    advance: (ms) => {
      clock += ms;
    },
    accounts,
    spare,
    sessionOf: (role) => startConsoleSession(hub.db, PROVINCE, accounts[role].id, now()),
    call: (name, input, token) => dispatcher.dispatch(name, input, token),
  };
}

/** The console's audit trail of the fixture's province, oldest first. */
export async function auditActions(hub: HubStore): Promise<string[]> {
  const rows = await hub.db.selectFrom('console_audit').select('action').where('province_code', '=', PROVINCE).orderBy('seq').execute();
  return rows.map((row) => row.action);
}
