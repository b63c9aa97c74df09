import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openStation } from '../../electron/app/open-station';
import { callOk } from '../fixtures/dispatch';
import { sampleSetup } from '../fixtures/temp-station';
import { startTestHub, type TestHub } from '../fixtures/test-hub';

/**
 * Kills a station (SIGKILL) while it writes batches and while it sends them, several times, then lets it
 * finish: the province must hold every record version exactly once and the station's outbox be settled.
 */

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const senderPath = fileURLToPath(new URL('./sync-crash-sender.ts', import.meta.url));
const VISITS = 1_500;

interface Run {
  lines: string[];
  signal: NodeJS.Signals | null;
  stderr: string;
}

/** Runs the sender; kills it `afterMs` after it first prints a line starting with `killOn` (never, if null). */
function runSender(dataDir: string, killOn: string | null, afterMs: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', senderPath, dataDir], { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: string[] = [];
    let stderr = '';
    let armed = false;
    const guard = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      for (const line of chunk.split('\n').filter(Boolean)) {
        lines.push(line);
        if (killOn !== null && !armed && line.startsWith(killOn)) {
          armed = true;
          setTimeout(() => child.kill('SIGKILL'), afterMs);
        }
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      clearTimeout(guard);
      resolve({ lines, signal, stderr });
    });
  });
}

describe('a station killed while writing and sending batches', () => {
  const dirs: string[] = [];
  let receiver: TestHub | undefined;
  afterAll(async () => {
    await receiver?.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('loses and duplicates nothing once it has run to the end', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'relay-sync-crash-'));
    dirs.push(dataDir);
    const desk = { sessionKey: 'setup' };
    const setup = await openStation({ dataDir });
    try {
      await setup.dispatch('station:setup', sampleSetup, desk);
      for (let i = 0; i < VISITS; i++) await setup.dispatch('visitor:signIn', { partySize: 1 + (i % 3), purpose: 'tour' }, desk);
      const { publicKey } = await callOk(setup, 'documents:publicKey', undefined, desk);
      // Every answer waits a little, so that a kill can land while a batch is on its way.
      receiver = await startTestHub({ stationPublicKeyPem: publicKey, faults: { seed: 7, slowRate: 1, slowMs: 40 } });
      for (const [use, pem] of [['signing', receiver.provinceSigningPublicPem], ['encryption', receiver.provinceEncryptionPublicPem]] as const) {
        expect((await setup.dispatch('sync:importProvinceKey', { use, pem }, desk)).ok).toBe(true);
      }
      expect((await setup.dispatch('sync:settings', { endpoint: receiver.url, batchSize: 50, twoPersonApproval: false }, desk)).ok).toBe(true);
    } finally {
      await setup.close();
    }

    const kills = [
      { on: 'writing', afterMs: 30 },
      { on: 'sending', afterMs: 20 },
      { on: 'sending', afterMs: 60 },
      { on: 'writing', afterMs: 5 },
      { on: 'sending', afterMs: 45 },
    ];
    for (const kill of kills) {
      const run = await runSender(dataDir, kill.on, kill.afterMs);
      expect(run.signal, `killed on ${kill.on} +${kill.afterMs} ms; printed ${run.lines.join(', ')}\n${run.stderr}`).toBe('SIGKILL');
    }
    const last = await runSender(dataDir, null, 0);
    expect(last.lines.at(-1), last.stderr).toBe('done ok');

    const station = await openStation({ dataDir });
    try {
      const { sqlite } = station.connection;
      expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(sqlite.prepare('select state, count(*) as n from outbox group by state').all()).toEqual([{ state: 'done', n: VISITS }]);
      expect(await station.services.audit.verify()).toMatchObject({ ok: true });
    } finally {
      await station.close();
    }
    expect(await receiver?.store.countVersions('KMU01')).toBe(VISITS);
  }, 180_000);
});
