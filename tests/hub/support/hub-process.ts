import { spawn, type ChildProcess } from 'node:child_process';
import type { HubDatabaseOptions } from '../../../hub/db/open';

/** `hub serve` running as a child process (`npm run hub -- serve`), in a process group of its own. */
export interface HubProcess {
  /** The base URL it printed once listening. */
  url: string;
  /** Every JSON line it printed so far. */
  lines: Record<string, unknown>[];
  /** Kills the whole group at once (npm, tsx and the hub itself): no chance to finish anything. */
  kill(): Promise<void>;
  /** SIGTERM to the group; resolves once the hub has stopped and its output is closed. */
  stop(): Promise<number | null>;
}

/** The passphrase the hub's test processes seal their keys under (RELAY_HUB_PASSPHRASE). */
export const TEST_HUB_PASSPHRASE = 'test passphrase of the hub keys';

/** The environment of a hub command run by a test: this process's, with the test passphrase. */
export function hubEnvironment(): NodeJS.ProcessEnv {
  return { ...process.env, RELAY_HUB_PASSPHRASE: TEST_HUB_PASSPHRASE };
}

/** The command line's database options for the options a test opened a hub with. */
export function databaseArgs(options: HubDatabaseOptions): string[] {
  if (options.engine === 'sqlite') return ['--db', options.file];
  const { host, port, user, database, options: serverOptions } = options.connection;
  const query = new URLSearchParams({ host: String(host), port: String(port), ...(serverOptions ? { options: serverOptions } : {}) });
  return ['--postgres', `postgresql://${String(user)}@localhost/${String(database)}?${query.toString()}`];
}

/** Once the child has exited and its output is closed, which the hub's own process holds too. */
function closed(child: ChildProcess): Promise<number | null> {
  if (child.stdout?.closed && (child.exitCode !== null || child.signalCode !== null)) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('close', (code) => resolve(code)));
}

/**
 * Starts `npm run hub -- serve` with these arguments and waits for its `listening` line; the environment holds
 * the test passphrase unless `env` is given.
 */
export async function startHubProcess(args: string[], env: NodeJS.ProcessEnv = hubEnvironment()): Promise<HubProcess> {
  const child = spawn('npm', ['run', '-s', 'hub', '--', 'serve', ...args], { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env });
  const lines: Record<string, unknown>[] = [];
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const url = await new Promise<string>((resolve, reject) => {
    let pending = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      pending += chunk.toString('utf8');
      let end: number;
      while ((end = pending.indexOf('\n')) >= 0) {
        const line = JSON.parse(pending.slice(0, end)) as Record<string, unknown>;
        pending = pending.slice(end + 1);
        lines.push(line);
        if (typeof line.listening === 'string') resolve(line.listening);
      }
    });
    child.once('exit', (code) => reject(new Error(`hub serve exited with ${code} before listening:\n${stderr}`)));
  });
  const group = child.pid;
  if (group === undefined) throw new Error('hub serve has no pid');
  return {
    url,
    lines,
    kill: async () => {
      process.kill(-group, 'SIGKILL');
      await closed(child);
    },
    stop: async () => {
      // The hub closes its server and its database, then exits; its last line says it stopped.
      process.kill(-group, 'SIGTERM');
      return closed(child);
    },
  };
}
