import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** How the hub tests and the hub benchmark reach a throw-away cluster: its Unix socket folder, port and superuser. */
export interface ClusterAddress {
  socketFolder: string;
  port: number;
  user: string;
}

export interface ThrowAwayCluster extends ClusterAddress {
  /** Stops the server and removes its folder; safe to call twice. */
  stop(): void;
}

const SUPERUSER = 'hub';
// Only the socket in the cluster's own folder is used, so the usual port clashes with nothing.
const PORT = 5432;
const INSTALL_HINT = 'PostgreSQL is needed by the hub tests and the hub benchmark and was not found: run `bash scripts/install.sh`.';

function isRoot(): boolean {
  return process.getuid?.() === 0;
}

function versionOf(folder: string): number {
  return Number.parseInt(folder, 10) || 0;
}

/** The folder of initdb, pg_ctl and postgres: `pg_config --bindir`, else the newest /usr/lib/postgresql/N/bin. */
export function findPostgresBinaries(): string {
  try {
    const bindir = execFileSync('pg_config', ['--bindir'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    if (existsSync(join(bindir, 'initdb'))) return bindir;
  } catch {
    // No pg_config on the PATH: Debian keeps the server binaries under /usr/lib/postgresql.
  }
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => versionOf(b) - versionOf(a)) : [];
  const found = versions.map((version) => join(root, version, 'bin')).find((bindir) => existsSync(join(bindir, 'initdb')));
  if (!found) throw new Error(INSTALL_HINT);
  return found;
}

/** The id of the `postgres` account that runs the server when the tests run as root (initdb refuses root). */
function postgresAccount(): { uid: number; gid: number } {
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    throw new Error(`running as root, PostgreSQL is started as the user postgres, which does not exist. ${INSTALL_HINT}`);
  }
}

/** Runs a PostgreSQL program in the cluster folder, as the postgres user when this process is root. */
function runPostgresProgram(folder: string, program: string, args: string[]): void {
  const [command, commandArgs] = isRoot() ? ['runuser', ['-u', 'postgres', '--', program, ...args]] : [program, args];
  try {
    // The folder as working directory: the postgres user may not be allowed into the caller's.
    execFileSync(command, commandArgs, { cwd: folder, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`${program} ${args.join(' ')} failed:\n${stdout ?? ''}${stderr ?? ''}`, { cause: error });
  }
}

/**
 * Starts a throw-away PostgreSQL cluster in a fresh temporary folder: initdb with trust authentication,
 * then pg_ctl start listening only on a Unix socket in that folder (no TCP port to clash with), with fsync
 * off because nothing here needs to survive a power cut. On any failure what was started is stopped and
 * the folder removed.
 */
export function startThrowAwayCluster(): ThrowAwayCluster {
  const bindir = findPostgresBinaries();
  // /tmp rather than $TMPDIR: a Unix socket's path may not exceed 107 bytes.
  const folder = mkdtempSync('/tmp/relay-hub-pg-');
  const data = join(folder, 'data');
  const pgCtl = join(bindir, 'pg_ctl');
  let started = false;
  let stopped = false;

  const stop = (): void => {
    if (stopped) return;
    stopped = true;
    try {
      if (started) runPostgresProgram(folder, pgCtl, ['-D', data, '-m', 'fast', '-w', 'stop']);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  };

  try {
    if (isRoot()) {
      const { uid, gid } = postgresAccount();
      chownSync(folder, uid, gid);
    }
    runPostgresProgram(folder, join(bindir, 'initdb'), ['-D', data, '-A', 'trust', '-U', SUPERUSER, '-E', 'UTF8', '--locale=C', '--no-sync']);
    const serverOptions = `-k ${folder} -p ${PORT} -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
    started = true;
    runPostgresProgram(folder, pgCtl, ['-D', data, '-l', join(folder, 'server.log'), '-o', serverOptions, '-w', '-t', '60', 'start']);
  } catch (error) {
    try {
      stop();
    } catch {
      // The server never came up: the start's own error says why.
    }
    throw error;
  }
  return { socketFolder: folder, port: PORT, user: SUPERUSER, stop };
}
