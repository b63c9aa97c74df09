import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { openStation, type OpenStation } from '../electron/app/open-station';
import { openDatabaseFile, type DatabaseConnection } from '../electron/db/connection';
import { migrateToLatest } from '../electron/db/migrate';
import { createRandom } from '../shared/random/seeded-random';
import type { CallInput } from '../shared/contract/calls';
import { rawOutboxWriter } from './raw-outbox';

/**
 * Kiosk sign-ins per second, sustained: a long run of sign-ins through the whole kiosk path (dispatch
 * as the anonymous kiosk: session and role check, input parsing, station lookup, sealing name, group
 * and outbox payload, one transaction with the visit, its outbox row, its chained audit entry and, for
 * one visit in eight, the message left with it and its audit entry; output parsing) against raw
 * better-sqlite3 inserts of the same rows in plain text, one transaction per sign-in, in a database
 * with the same schema and pragmas (WAL, synchronous=FULL). The sides alternate in windows, so they
 * meet the same disk and CPU weather and the same growth of their tables; each window's rate is kept
 * to show whether the rate holds as the log grows. Target: a sign-in costs at most 3× the raw inserts.
 */

const STATION_CODE = 'KMU01';
const KIOSK = { sessionKey: 'bench-sign-in-kiosk' } as const;
const TARGET_RATIO = 3;

const purposes = ['remembrance', 'tour', 'qingming'] as const;
const relations = ['family', 'friend', 'colleague', 'other'] as const;
const names = ['张秀英', '李建国', '王丽华', '赵志强', '普春梅'] as const;
const groups = ['昆明市第一中学', '五华区红十字会'] as const;
const messages = ['感谢您的大爱，您的生命在他人身上延续。', '爸爸，我们来看您了。', '生命接力，大爱永恒。'] as const;

type SignInInput = CallInput<'visitor:signIn'> & { visitorName: string | null; relation: string | null; groupName: string | null; message: string | null };

/** The kiosk's mix: mostly small parties without a name, some named relatives, a few groups, one message in eight. */
function signInInputs(count: number, seed: number): SignInInput[] {
  const random = createRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  return Array.from({ length: count }, () => {
    const named = random() < 0.35;
    const group = random() < 0.08;
    return {
      partySize: group ? 10 + Math.floor(random() * 30) : 1 + Math.floor(random() * 5),
      purpose: pick(purposes),
      visitorName: named ? pick(names) : null,
      relation: named ? pick(relations) : null,
      groupName: group ? pick(groups) : null,
      message: random() < 0.125 ? pick(messages) : null,
    };
  });
}

interface Side {
  signIn(input: SignInInput): Promise<void> | void;
}

async function openServiceSide(dataDir: string): Promise<{ side: Side; station: OpenStation }> {
  const station = await openStation({ dataDir });
  const setup = await station.dispatch(
    'station:setup',
    {
      code: STATION_CODE,
      name: '昆明市纪念园',
      kind: 'memorial_kiosk',
      regionCode: '5301',
      admin: { username: 'admin', displayName: '管理员', password: 'correct horse battery', pin: '246810' },
    },
    { sessionKey: 'bench-setup' },
  );
  if (!setup.ok) throw new Error(`station:setup failed: ${JSON.stringify(setup.error)}`);
  return {
    station,
    side: {
      async signIn(input) {
        const result = await station.dispatch('visitor:signIn', input, KIOSK);
        if (!result.ok) throw new Error(`visitor:signIn failed: ${JSON.stringify(result.error)}`);
      },
    },
  };
}

async function openRawSide(dataDir: string): Promise<{ side: Side; connection: DatabaseConnection }> {
  const connection = openDatabaseFile(join(dataDir, 'raw.sqlite'));
  await migrateToLatest(connection.db);
  const { sqlite } = connection;
  const insertVisit = sqlite.prepare(
    `insert into visitor_sign_in (id, station_code, visited_at, party_size, purpose, visitor_name, version, relation, group_name)
     values (@id, @station_code, @visited_at, @party_size, @purpose, @visitor_name, 1, @relation, @group_name)`,
  );
  const insertMessage = sqlite.prepare(
    `insert into visitor_message (id, sign_in_id, station_code, written_at, body, author_masked, relation, state, version)
     values (?, ?, ?, ?, ?, ?, ?, 'pending', 1)`,
  );
  const queueChange = rawOutboxWriter(sqlite);
  const insertAudit = sqlite.prepare(
    `insert into audit_log (seq, at, actor_id, actor_role, station_code, action, object_type, object_id, detail, prev_hash, hash)
     values (?, ?, null, 'kiosk', ?, 'create', ?, ?, null, ?, ?)`,
  );
  const placeholderHash = '0'.repeat(64);
  let auditSeq = 0;
  const signIn = sqlite.transaction((input: SignInInput) => {
    const at = new Date().toISOString();
    const row = {
      id: randomUUID(),
      station_code: STATION_CODE,
      visited_at: at,
      party_size: input.partySize,
      purpose: input.purpose,
      visitor_name: input.visitorName,
      relation: input.relation,
      group_name: input.groupName,
    };
    insertVisit.run(row);
    queueChange({ kind: 'visitor_sign_in', entityId: row.id, version: 1, payload: JSON.stringify(row), createdAt: at, recordCreatedAt: at });
    insertAudit.run((auditSeq += 1), at, STATION_CODE, 'visitor_sign_in', row.id, placeholderHash, placeholderHash);
    if (input.message !== null) {
      const messageId = randomUUID();
      insertMessage.run(messageId, row.id, STATION_CODE, at, input.message, input.visitorName === null ? null : `${input.visitorName.slice(0, 1)}*`, input.relation);
      insertAudit.run((auditSeq += 1), at, STATION_CODE, 'visitor_message', messageId, placeholderHash, placeholderHash);
    }
  });
  return { connection, side: { signIn: (input) => signIn(input) } };
}

export interface SignInBenchResult {
  signIns: number;
  window: number;
  warmup: number;
  /**
   * Sign-ins per second over the whole run, and per window (in run order); and the processor time of a
   * sign-in, which the disk's fsync does not count in and other work on the machine disturbs less.
   */
  service: { perSecond: number; windows: number[]; cpuMicroseconds: number };
  raw: { perSecond: number; windows: number[]; cpuMicroseconds: number };
  /** Service time over raw time per sign-in, over the whole run. */
  ratio: number;
  /** Sign-ins each side's database holds at the end, warm-up included. */
  written: { service: number; raw: number };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Wall-clock seconds and processor microseconds of a window of sign-ins. */
async function timeWindow(side: Side, inputs: readonly SignInInput[]): Promise<{ seconds: number; cpu: number }> {
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  for (const input of inputs) await side.signIn(input);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const used = process.cpuUsage(cpu);
  return { seconds, cpu: used.user + used.system };
}

function signInsStored(sqlite: BetterSqlite3.Database): number {
  return sqlite.prepare('select count(*) from visitor_sign_in').pluck().get() as number;
}

/** `signIns` kiosk sign-ins per side after `warmup` unmeasured ones, timed in alternating windows of `window`. */
export async function benchSignIn(options: { signIns: number; window: number; warmup: number }): Promise<SignInBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'relay-bench-sign-in-'));
  let station: OpenStation | undefined;
  let connection: DatabaseConnection | undefined;
  try {
    const service = await openServiceSide(join(dir, 'service'));
    station = service.station;
    const raw = await openRawSide(dir);
    connection = raw.connection;
    const inputs = signInInputs(options.warmup + options.signIns, 0x51c1);
    const warmup = inputs.slice(0, options.warmup);
    await timeWindow(service.side, warmup);
    await timeWindow(raw.side, warmup);

    const totals = { service: 0, raw: 0 };
    const cpu = { service: 0, raw: 0 };
    const windows: { service: number[]; raw: number[] } = { service: [], raw: [] };
    for (let start = options.warmup, round = 0; start < inputs.length; start += options.window, round += 1) {
      const slice = inputs.slice(start, Math.min(inputs.length, start + options.window));
      // The side that goes first alternates, so neither always meets a checkpoint the other caused.
      for (const name of round % 2 === 0 ? (['service', 'raw'] as const) : (['raw', 'service'] as const)) {
        const timed = await timeWindow(name === 'service' ? service.side : raw.side, slice);
        totals[name] += timed.seconds;
        cpu[name] += timed.cpu;
        windows[name].push(slice.length / timed.seconds);
      }
    }
    return {
      signIns: options.signIns,
      window: options.window,
      warmup: options.warmup,
      service: { perSecond: options.signIns / totals.service, windows: windows.service, cpuMicroseconds: cpu.service / options.signIns },
      raw: { perSecond: options.signIns / totals.raw, windows: windows.raw, cpuMicroseconds: cpu.raw / options.signIns },
      ratio: totals.service / totals.raw,
      written: { service: signInsStored(service.station.connection.sqlite), raw: signInsStored(raw.connection.sqlite) },
    };
  } finally {
    await station?.close();
    await connection?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function format(value: number, digits = 0): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** The sign-in benchmark's report: the rates of both sides, their ratio, and the figures for the JSON line. */
export function printSignIn(result: SignInBenchResult, print: (line: string) => void): Record<string, unknown> {
  print(
    `\nkiosk sign-ins, sustained: ${format(result.signIns)} per side in alternating windows of ${result.window}, ${result.warmup} warm-up; ` +
      `one in eight with a message (target: at most ${TARGET_RATIO}× the raw inserts)`,
  );
  const rows = [
    ['service (dispatch visitor:signIn at the kiosk)', result.service],
    ['raw (same rows, better-sqlite3, plain text)', result.raw],
  ] as const;
  const labelWidth = Math.max(...rows.map(([label]) => label.length));
  print(`${''.padEnd(labelWidth)}  sign-ins/s  median window  slowest window  fastest window  CPU µs/sign-in`);
  for (const [label, side] of rows) {
    print(
      `${label.padEnd(labelWidth)}  ${format(side.perSecond).padStart(10)}  ${format(median(side.windows)).padStart(13)}  ` +
        `${format(Math.min(...side.windows)).padStart(14)}  ${format(Math.max(...side.windows)).padStart(14)}  ${format(side.cpuMicroseconds).padStart(14)}`,
    );
  }
  print(
    `ratio: ${format(result.ratio, 2)} (${result.ratio <= TARGET_RATIO ? 'within' : 'over'} the ${TARGET_RATIO}× target); ` +
      `processor time ${format(result.service.cpuMicroseconds / result.raw.cpuMicroseconds, 2)}×`,
  );
  return {
    signIns: result.signIns,
    servicePerSecond: Math.round(result.service.perSecond),
    rawPerSecond: Math.round(result.raw.perSecond),
    serviceSlowestWindowPerSecond: Math.round(Math.min(...result.service.windows)),
    ratio: Number(result.ratio.toFixed(3)),
    serviceCpuMicroseconds: Math.round(result.service.cpuMicroseconds),
    rawCpuMicroseconds: Math.round(result.raw.cpuMicroseconds),
  };
}
