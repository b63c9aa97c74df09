import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStation, type OpenStation } from '../electron/app/open-station';
import { openDatabaseFile, type DatabaseConnection } from '../electron/db/connection';
import { migrateToLatest } from '../electron/db/migrate';

/**
 * Visitor sign-in through the whole service layer (dispatch: input parsing, station lookup, kysely,
 * one transaction with the visit and its outbox row, output parsing) against the floor underneath it:
 * the same two rows inserted with better-sqlite3 prepared statements, one transaction per pair, in a
 * database with the same schema and pragmas (WAL, synchronous=FULL).
 */

export interface VisitorSignInBenchOptions {
  /** Sign-ins per measured run. */
  n: number;
  /** Measured runs; in each, the two sides alternate in small blocks. */
  rounds: number;
  /** Unmeasured sign-ins on each side before the first run. */
  warmup: number;
}

export interface SideFigures {
  /** Median over the rounds, microseconds per sign-in. */
  usPerOp: number;
  opsPerSecond: number;
  /** Every round's figure, microseconds per sign-in, in run order. */
  roundsUsPerOp: number[];
}

export interface VisitorSignInBenchResult {
  n: number;
  rounds: number;
  warmup: number;
  service: SideFigures;
  baseline: SideFigures;
  /** service / baseline time per sign-in. */
  ratio: number;
}

const STATION_CODE = 'KMU01';
const purposes = ['remembrance', 'tour', 'qingming'] as const;
const names = ['张三', '李四', '王五', undefined] as const;

/** The i-th visitor's input, shared by both sides so they write the same rows. */
function visitorInput(i: number): { partySize: number; purpose: (typeof purposes)[number]; visitorName?: string } {
  const visitorName = names[i % names.length];
  return {
    partySize: (i % 5) + 1,
    purpose: purposes[i % purposes.length]!,
    ...(visitorName === undefined ? {} : { visitorName }),
  };
}

interface Side {
  /** Signs in `count` visitors; resolves once all are committed. */
  run(count: number): Promise<void>;
}

async function openServiceSide(dataDir: string): Promise<{ side: Side; station: OpenStation }> {
  const station = await openStation({ dataDir });
  const setup = await station.dispatch('station:setup', {
    code: STATION_CODE,
    name: '昆明医科大学',
    kind: 'memorial_kiosk',
    regionCode: '5301',
  });
  if (!setup.ok) throw new Error(`station:setup failed: ${JSON.stringify(setup.error)}`);
  const side: Side = {
    async run(count) {
      for (let i = 0; i < count; i += 1) {
        const result = await station.dispatch('visitor:signIn', visitorInput(i));
        if (!result.ok) throw new Error(`visitor:signIn failed: ${JSON.stringify(result.error)}`);
      }
    },
  };
  return { side, station };
}

async function openBaselineSide(dataDir: string): Promise<{ side: Side; connection: DatabaseConnection }> {
  const connection = openDatabaseFile(join(dataDir, 'baseline.sqlite'));
  await migrateToLatest(connection.db);
  const { sqlite } = connection;
  const insertVisit = sqlite.prepare(
    `INSERT INTO visitor_sign_in (id, station_code, visited_at, party_size, purpose, visitor_name, version)
     VALUES (@id, @station_code, @visited_at, @party_size, @purpose, @visitor_name, @version)`,
  );
  const insertOutbox = sqlite.prepare(
    `INSERT INTO outbox (kind, entity_id, version, payload, created_at) VALUES (?, ?, ?, ?, ?)`,
  );
  const signIn = sqlite.transaction((row: Record<string, string | number | null> & { id: string; visited_at: string }) => {
    insertVisit.run(row);
    insertOutbox.run('visitor_sign_in', row.id, 1, JSON.stringify(row), row.visited_at);
  });
  const side: Side = {
    async run(count) {
      for (let i = 0; i < count; i += 1) {
        const input = visitorInput(i);
        signIn({
          id: randomUUID(),
          station_code: STATION_CODE,
          visited_at: new Date().toISOString(),
          party_size: input.partySize,
          purpose: input.purpose,
          visitor_name: input.visitorName ?? null,
          version: 1,
        });
      }
    },
  };
  return { side, connection };
}

/** Sign-ins per block; a run alternates blocks of the two sides so both meet the same disk weather. */
const BLOCK = 50;

/**
 * One measured run: n sign-ins on each side, in alternating blocks (the side that starts alternates
 * too). Returns microseconds per sign-in for each side.
 */
async function timeInterleavedRun(
  first: Side,
  second: Side,
  n: number,
): Promise<{ firstUsPerOp: number; secondUsPerOp: number }> {
  let firstNs = 0n;
  let secondNs = 0n;
  for (let done = 0; done < n; done += BLOCK) {
    const count = Math.min(BLOCK, n - done);
    const order: Array<[Side, 'first' | 'second']> =
      (done / BLOCK) % 2 === 0 ? [[first, 'first'], [second, 'second']] : [[second, 'second'], [first, 'first']];
    for (const [side, which] of order) {
      const started = process.hrtime.bigint();
      await side.run(count);
      const elapsed = process.hrtime.bigint() - started;
      if (which === 'first') firstNs += elapsed;
      else secondNs += elapsed;
    }
  }
  return { firstUsPerOp: Number(firstNs) / 1000 / n, secondUsPerOp: Number(secondNs) / 1000 / n };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function figures(roundsUsPerOp: number[]): SideFigures {
  const usPerOp = median(roundsUsPerOp);
  return { usPerOp, opsPerSecond: 1_000_000 / usPerOp, roundsUsPerOp };
}

export async function benchVisitorSignIn(options: VisitorSignInBenchOptions): Promise<VisitorSignInBenchResult> {
  const serviceDir = mkdtempSync(join(tmpdir(), 'relay-bench-service-'));
  const baselineDir = mkdtempSync(join(tmpdir(), 'relay-bench-baseline-'));
  let station: OpenStation | undefined;
  let connection: DatabaseConnection | undefined;
  try {
    const service = await openServiceSide(serviceDir);
    station = service.station;
    const baseline = await openBaselineSide(baselineDir);
    connection = baseline.connection;

    await service.side.run(options.warmup);
    await baseline.side.run(options.warmup);

    const serviceRounds: number[] = [];
    const baselineRounds: number[] = [];
    for (let round = 0; round < options.rounds; round += 1) {
      if (round % 2 === 0) {
        const { firstUsPerOp, secondUsPerOp } = await timeInterleavedRun(service.side, baseline.side, options.n);
        serviceRounds.push(firstUsPerOp);
        baselineRounds.push(secondUsPerOp);
      } else {
        const { firstUsPerOp, secondUsPerOp } = await timeInterleavedRun(baseline.side, service.side, options.n);
        baselineRounds.push(firstUsPerOp);
        serviceRounds.push(secondUsPerOp);
      }
    }

    const serviceFigures = figures(serviceRounds);
    const baselineFigures = figures(baselineRounds);
    return {
      n: options.n,
      rounds: options.rounds,
      warmup: options.warmup,
      service: serviceFigures,
      baseline: baselineFigures,
      ratio: serviceFigures.usPerOp / baselineFigures.usPerOp,
    };
  } finally {
    await station?.close();
    await connection?.close();
    rmSync(serviceDir, { recursive: true, force: true });
    rmSync(baselineDir, { recursive: true, force: true });
  }
}
