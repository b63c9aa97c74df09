/**
 * Child program for sync-crash.test.ts: opens the station in the data folder given as the first argument
 * and sends everything waiting to the endpoint it is configured with, printing `writing` before each
 * batch it writes and `sending <batchId>` when an upload starts, until it is killed or done (`done`).
 *
 * Run: node --import tsx tests/integration/sync-crash-sender.ts <dataDir>
 */
import { writeSync } from 'node:fs';
import { openStation } from '../../electron/app/open-station';

async function main(): Promise<void> {
  const dataDir = process.argv[2];
  if (!dataDir) throw new Error('usage: sync-crash-sender <dataDir>');
  const station = await openStation({ dataDir, logError: (name, error) => console.error(name, error) });
  const { transfer } = station.services.sync;
  transfer.transportOptions = { baseDelayMs: 1, maxDelayMs: 5, maxAttempts: 20, idleTimeoutMs: 5_000 };
  // Writing batches hardly yields to timers (each is one synchronous SQLite transaction), so it reports itself.
  const writer = station.services.sync.batches;
  const writeNext = writer.writeNext.bind(writer);
  writer.writeNext = (actor) => {
    writeSync(1, 'writing\n');
    return writeNext(actor);
  };
  let last = '';
  const watch = setInterval(() => {
    const { activity } = transfer.progress();
    const step = activity?.step === 'sending' ? `sending ${activity.batchId}` : '';
    if (step && step !== last) writeSync(1, `${step}\n`);
    last = step;
  }, 2);
  const result = await transfer.sendAll({ id: null, role: 'system' });
  clearInterval(watch);
  await station.close();
  writeSync(1, `done ${result.error ?? 'ok'}\n`);
}

main().catch((error: unknown) => {
  writeSync(2, `sync-crash-sender: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(2);
});
