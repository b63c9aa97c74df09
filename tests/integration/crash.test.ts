import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openStation } from '../../electron/app/open-station';

/**
 * Kills a process that is signing visitors in (SIGKILL, no chance to clean up) and checks on reopening
 * that every sign-in it had been told was saved is there, with its outbox row, in a sound database.
 */

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const writerPath = fileURLToPath(new URL('./crash-writer.ts', import.meta.url));

const ROUNDS = 5;
const MIN_IDS_BEFORE_KILL = 3;
/** The child is killed this long (random in the range) after it reported its first id... */
const KILL_DELAY_MS: readonly [number, number] = [150, 600];
/** ...and once it has reported at least MIN_IDS_BEFORE_KILL ids; a round that takes longer fails. */
const ROUND_LIMIT_MS = 15_000;

interface RoundOutcome {
  ids: string[];
  killDelayMs: number;
  signal: NodeJS.Signals | null;
  exitCode: number | null;
  stderr: string;
}

/** Children still running, killed in afterAll should the test time out mid-round. */
const running = new Set<ChildProcess>();

function randomBetween([low, high]: readonly [number, number]): number {
  return Math.round(low + Math.random() * (high - low));
}

/** Runs the writer until it is killed; resolves with the ids it reported as saved. */
function runWriterUntilKilled(dataDir: string): Promise<RoundOutcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', writerPath, dataDir], {
      cwd: projectRoot,
      env: { ...process.env, RELAY_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    running.add(child);
    const killDelayMs = randomBetween(KILL_DELAY_MS);
    const ids: string[] = [];
    let pending = '';
    let stderr = '';
    let firstIdAt: number | null = null;
    let killed = false;

    const kill = () => {
      if (killed) return;
      killed = true;
      child.kill('SIGKILL');
    };
    const maybeKill = () => {
      if (firstIdAt === null || ids.length < MIN_IDS_BEFORE_KILL) return;
      if (Date.now() - firstIdAt >= killDelayMs) kill();
    };
    const ticker = setInterval(maybeKill, 10);
    const guard = setTimeout(kill, ROUND_LIMIT_MS);

    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      // Only whole lines count as reported; the child writes each line with one write(2).
      pending = lines.pop() ?? '';
      for (const line of lines) if (line.length > 0) ids.push(line);
      if (firstIdAt === null && ids.length > 0) firstIdAt = Date.now();
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', (error) => {
      running.delete(child);
      clearInterval(ticker);
      clearTimeout(guard);
      reject(error);
    });
    // 'close' comes after stdout has been read to the end, so no reported id is missed.
    child.on('close', (exitCode, signal) => {
      running.delete(child);
      clearInterval(ticker);
      clearTimeout(guard);
      resolve({ ids, killDelayMs, signal, exitCode, stderr });
    });
  });
}

describe('a station killed while signing visitors in', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const child of running) child.kill('SIGKILL');
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it(
    'keeps every sign-in it reported, each with its outbox row, in a sound database',
    async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'relay-crash-'));
      dirs.push(dataDir);

      const setup = await openStation({ dataDir });
      try {
        const result = await setup.dispatch('station:setup', {
          code: 'KMU01',
          name: '昆明医科大学',
          kind: 'memorial_kiosk',
          regionCode: '5301',
          admin: { username: 'admin', displayName: '管理员', password: 'correct horse battery', pin: '246810' },
        }, { sessionKey: 'setup' });
        expect(result.ok).toBe(true);
      } finally {
        await setup.close();
      }

      const allReported = new Set<string>();
      let storedBefore = 0;

      for (let round = 1; round <= ROUNDS; round += 1) {
        const outcome = await runWriterUntilKilled(dataDir);
        const context = `round ${round} (kill ${outcome.killDelayMs} ms after the first id)`;

        // The child must have been killed by us, not have stopped or failed on its own.
        expect(outcome.signal, `${context}: child exited with code ${outcome.exitCode}\n${outcome.stderr}`).toBe(
          'SIGKILL',
        );
        expect(outcome.ids.length, `${context}: ids reported`).toBeGreaterThanOrEqual(MIN_IDS_BEFORE_KILL);
        expect(new Set(outcome.ids).size, `${context}: reported ids are unique`).toBe(outcome.ids.length);
        for (const id of outcome.ids) {
          expect(allReported.has(id), `${context}: id ${id} reported in an earlier round`).toBe(false);
          allReported.add(id);
        }

        const station = await openStation({ dataDir });
        try {
          const { sqlite } = station.connection;
          expect(sqlite.pragma('integrity_check', { simple: true }), `${context}: integrity_check`).toBe('ok');
          expect(sqlite.pragma('foreign_key_check'), `${context}: foreign_key_check`).toEqual([]);

          const visitorIds = new Set(
            (sqlite.prepare('SELECT id FROM visitor_sign_in').all() as { id: string }[]).map((row) => row.id),
          );
          const outboxRows = sqlite
            .prepare("SELECT entity_id, payload FROM outbox join outbox_payload using (seq) WHERE kind = 'visitor_sign_in'")
            .all() as { entity_id: string; payload: string }[];
          const outboxIds = new Set(outboxRows.map((row) => row.entity_id));

          const missingVisits = [...allReported].filter((id) => !visitorIds.has(id));
          expect(missingVisits, `${context}: reported ids missing from visitor_sign_in`).toEqual([]);
          const missingOutbox = [...allReported].filter((id) => !outboxIds.has(id));
          expect(missingOutbox, `${context}: reported ids missing from outbox`).toEqual([]);

          // Every sign-in is audited in its transaction too, and the chain survives the kill.
          expect(await station.services.audit.verify(), `${context}: audit chain`).toMatchObject({ ok: true });

          // Same transaction: no visit without its outbox row and no outbox row without its visit,
          // also for a sign-in that committed but was not reported before the kill.
          expect(outboxRows.length, `${context}: one outbox row per visit`).toBe(visitorIds.size);
          expect([...visitorIds].filter((id) => !outboxIds.has(id)), `${context}: visits without outbox`).toEqual([]);
          for (const row of outboxRows) {
            const payload = JSON.parse(station.services.protection.open(row.payload, 'outbox.payload')) as { id: string };
            expect(payload.id, `${context}: outbox payload`).toBe(row.entity_id);
          }

          // At most the one call in flight when killed can have committed without being reported.
          expect(visitorIds.size, `${context}: stored rows`).toBeGreaterThanOrEqual(allReported.size);
          expect(visitorIds.size, `${context}: stored rows`).toBeLessThanOrEqual(allReported.size + round);
          expect(visitorIds.size, `${context}: stored rows grow each round`).toBeGreaterThan(storedBefore);
          storedBefore = visitorIds.size;
        } finally {
          await station.close();
        }
      }
    },
    60_000,
  );
});
