/**
 * Child program for data-folder-lock.test.ts: opens the station in the data folder given as the first
 * argument, says `ready` on stdout, and keeps it open until its stdin closes (then closes the station) or
 * it is killed. Stops by itself after 30 s, so a broken test run never leaves it running.
 *
 * Run: node --import tsx tests/integration/hold-station.ts <dataDir>
 */
import { openStation } from '../../electron/app/open-station';

const SELF_STOP_MS = 30_000;

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: hold-station <dataDir>');
const station = await openStation({ dataDir, program: 'hold-station test program' });
process.stdout.write('ready\n');
await new Promise<void>((resolve) => {
  setTimeout(resolve, SELF_STOP_MS).unref();
  process.stdin.on('end', resolve);
  process.stdin.on('close', resolve);
  process.stdin.resume();
});
await station.close();
process.exit(0);
