/**
 * Child program for crash.test.ts: opens the station in the data folder given as the first argument
 * (or RELAY_DATA_DIR) and signs visitors in until it is killed. After every call that has returned ok it
 * writes the visit's id as one line to stdout, synchronously, so a line that was printed is never lost
 * in a buffer when the process is killed: every printed id belongs to a committed transaction.
 *
 * Run: node --import tsx tests/integration/crash-writer.ts <dataDir>
 */
import { writeSync } from 'node:fs';
import { openStation } from '../../electron/app/open-station';

/** Stops by itself if nobody kills it, so a broken test run never leaves it running. */
const SELF_STOP_MS = Number(process.env.CRASH_WRITER_MAX_MS ?? 30_000);

const purposes = ['remembrance', 'tour', 'qingming'] as const;
/** Every fourth visitor leaves the name out. */
const names = ['张三', '李四', '王五', undefined] as const;

function writeLine(fd: number, line: string): void {
  const bytes = Buffer.from(`${line}\n`, 'utf8');
  let offset = 0;
  while (offset < bytes.length) {
    try {
      offset += writeSync(fd, bytes, offset, bytes.length - offset);
    } catch (error) {
      // A non-blocking pipe that is momentarily full: try again; anything else (EPIPE: the reader is
      // gone) ends the program.
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
    }
  }
}

async function main(): Promise<void> {
  const dataDir = process.argv[2] ?? process.env.RELAY_DATA_DIR;
  if (!dataDir) throw new Error('usage: crash-writer <dataDir> (or set RELAY_DATA_DIR)');

  const station = await openStation({ dataDir, logError: (name, error) => console.error(name, error) });
  const startedAt = Date.now();
  for (let i = 0; Date.now() - startedAt < SELF_STOP_MS; i += 1) {
    const visitorName = names[i % names.length];
    const result = await station.dispatch('visitor:signIn', {
      partySize: (i % 5) + 1,
      purpose: purposes[i % purposes.length],
      ...(visitorName === undefined ? {} : { visitorName }),
    }, { sessionKey: 'crash-writer-kiosk' });
    if (!result.ok) throw new Error(`visitor:signIn refused: ${JSON.stringify(result.error)}`);
    const { id } = result.data as { id: string };
    writeLine(1, id);
  }
  await station.close();
  writeLine(2, `crash-writer: stopped by itself after ${SELF_STOP_MS} ms without being killed`);
  process.exitCode = 3;
}

main().catch((error: unknown) => {
  writeLine(2, `crash-writer: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(2);
});
