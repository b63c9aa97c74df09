import { createWriteStream, statSync } from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { openStation, type OpenStation } from '../electron/app/open-station';
import type { Actor } from '../electron/services/kernel/audit';
import type { SyncExportSide } from './sync-export';

/**
 * One measured side of the sync-export benchmark (bench/sync-export.ts), run bundled in a process of its
 * own: `node sync-export-side.cjs writer|baseline DATA_DIR OUT_FILE` opens the filled station as the app
 * would, measures, and prints its figures as one JSON line.
 */

const SAMPLE_EVERY_MS = 100;
/** Baseline rows between two memory samples: the writer samples at every batch of 1 000. */
const BASELINE_SAMPLE_ROWS = 1_000;
const SYSTEM_ACTOR: Actor = { id: null, role: 'system' };

type SideName = 'writer' | 'baseline';

/** The process's resident set (and heap in use), sampled on a timer and whenever the measured loop asks. */
class MemoryPeak {
  private readonly start = process.memoryUsage();
  private peakRss = this.start.rss;
  private peakHeap = this.start.heapUsed;
  private readonly timer = setInterval(() => this.sample(), SAMPLE_EVERY_MS);

  sample(): void {
    const { rss, heapUsed } = process.memoryUsage();
    if (rss > this.peakRss) this.peakRss = rss;
    if (heapUsed > this.peakHeap) this.peakHeap = heapUsed;
  }

  stop(): Pick<SyncExportSide, 'startRssMegabytes' | 'peakRssMegabytes' | 'startHeapMegabytes' | 'peakHeapMegabytes'> {
    clearInterval(this.timer);
    this.sample();
    const megabytes = (bytes: number) => bytes / 1_048_576;
    return {
      startRssMegabytes: megabytes(this.start.rss),
      peakRssMegabytes: megabytes(this.peakRss),
      startHeapMegabytes: megabytes(this.start.heapUsed),
      peakHeapMegabytes: megabytes(this.peakHeap),
    };
  }
}

async function measureBaseline(station: OpenStation, outFile: string): Promise<SyncExportSide> {
  const memory = new MemoryPeak();
  const started = process.hrtime.bigint();
  const out = createWriteStream(outFile);
  let records = 0;
  for (const row of station.connection.sqlite.prepare('SELECT seq, payload FROM outbox_payload').iterate()) {
    records += 1;
    if (!out.write(`${JSON.stringify(row)}\n`)) await once(out, 'drain');
    if (records % BASELINE_SAMPLE_ROWS === 0) memory.sample();
  }
  out.end();
  await finished(out);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { records, seconds, recordsPerSecond: records / seconds, bytes: statSync(outFile).size, batches: 0, ...memory.stop() };
}

async function measureWriter(station: OpenStation): Promise<SyncExportSide> {
  const memory = new MemoryPeak();
  const started = process.hrtime.bigint();
  let records = 0;
  let bytes = 0;
  let batches = 0;
  for (;;) {
    const batch = await station.services.sync.batches.writeNext(SYSTEM_ACTOR);
    if (!batch) break;
    records += batch.record_count;
    bytes += batch.file_bytes;
    batches += 1;
    memory.sample();
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { records, seconds, recordsPerSecond: records / seconds, bytes, batches, ...memory.stop() };
}

/** The child's work: open the filled station as the app would, measure one side, print its figures. */
async function measureInThisProcess(side: SideName, dataDir: string, outFile: string): Promise<void> {
  const station = await openStation({ dataDir });
  try {
    const figures = side === 'writer' ? await measureWriter(station) : await measureBaseline(station, outFile);
    process.stdout.write(`${JSON.stringify(figures)}\n`);
  } finally {
    await station.close();
  }
}


const [side, dataDir, outFile] = process.argv.slice(2);
if ((side !== 'writer' && side !== 'baseline') || !dataDir || !outFile) throw new Error('usage: sync-export-side writer|baseline DATA_DIR OUT_FILE');
measureInThisProcess(side, dataDir, outFile).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
