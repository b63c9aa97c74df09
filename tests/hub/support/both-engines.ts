import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, inject } from 'vitest';
import type { HubEngine } from '../../../hub/db/engine';
import { openHubDatabase, type HubConnection, type HubDatabaseOptions } from '../../../hub/db/open';

/** A hub database opened by a test, with the options that open the same database again. */
export interface OpenedHub extends HubConnection {
  options: HubDatabaseOptions;
}

/**
 * Opens a hub database, migrated: a fresh empty one without options, or the one the options name (to open
 * it again). Every hub opened is closed after its test.
 */
export type OpenHub = (options?: HubDatabaseOptions) => Promise<OpenedHub>;

/** How one engine gives out fresh databases for a describe block. */
interface FreshDatabases {
  engine: HubEngine;
  setUp(): Promise<void>;
  next(): Promise<HubDatabaseOptions>;
  tearDown(): Promise<void>;
}

function sqliteFiles(): FreshDatabases {
  let folder = '';
  let count = 0;
  return {
    engine: 'sqlite',
    setUp: async () => {
      folder = mkdtempSync(join(tmpdir(), 'relay-hub-sqlite-'));
    },
    next: async () => ({ engine: 'sqlite', file: join(folder, `hub-${++count}.sqlite`) }),
    tearDown: async () => rmSync(folder, { recursive: true, force: true }),
  };
}

/** One database of the suite's cluster per test file; one schema in it per fresh hub (cheap, and empty). */
function postgresSchemas(): FreshDatabases {
  const cluster = inject('hubPostgres');
  const database = `hub_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = (name: string) => new pg.Client({ host: cluster.socketFolder, port: cluster.port, user: cluster.user, database: name });
  const run = async (name: string, statement: string) => {
    const client = admin(name);
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  let count = 0;
  return {
    engine: 'postgres',
    setUp: () => run('postgres', `create database ${database}`),
    next: async () => {
      const schema = `hub_${++count}`;
      await run(database, `create schema ${schema}`);
      return {
        engine: 'postgres',
        connection: { host: cluster.socketFolder, port: cluster.port, user: cluster.user, database, options: `-c search_path=${schema}`, max: 4 },
      };
    },
    tearDown: () => run('postgres', `drop database if exists ${database} with (force)`),
  };
}

function describeOn(name: string, fresh: FreshDatabases, body: (open: OpenHub, engine: HubEngine) => void): void {
  describe(`${name} [${fresh.engine}]`, () => {
    const opened: HubConnection[] = [];
    beforeAll(() => fresh.setUp());
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((hub) => hub.close()));
    });
    afterAll(() => fresh.tearDown());
    body(async (options) => {
      const target = options ?? (await fresh.next());
      const hub = await openHubDatabase(target);
      let closed = false;
      // A test may close its hub itself (to open the database again); closing twice would end a pool twice.
      const close = async () => {
        if (closed) return;
        closed = true;
        await hub.close();
      };
      const tracked = { ...hub, close, options: target };
      opened.push(tracked);
      return tracked;
    }, fresh.engine);
  });
}

/** Runs the same tests on SQLite (a temporary file) and on the suite's real PostgreSQL. */
export function describeOnBothEngines(name: string, body: (open: OpenHub, engine: HubEngine) => void): void {
  describeOn(name, sqliteFiles(), body);
  describeOn(name, postgresSchemas(), body);
}
