import { chmodSync, mkdirSync, statSync } from 'node:fs';

/**
 * The data folder holds the database and, by default, the data key: owner-only (0700). A new folder is
 * created so; an existing looser one (a `RELAY_DATA_DIR` made with the usual umask) is tightened, since
 * nothing else belongs in it. One the station's account cannot tighten (another user's) is refused.
 */

const IS_POSIX = process.platform !== 'win32';

export class DataFolderPermissionError extends Error {
  constructor(
    readonly path: string,
    readonly mode: number,
  ) {
    const octal = (mode & 0o777).toString(8).padStart(3, '0');
    super(`The data folder ${path} has mode ${octal} and cannot be made owner-only; it must be accessible to its owner only (chmod 700 "${path}")`);
    this.name = 'DataFolderPermissionError';
  }
}

export function prepareDataFolder(dataDir: string): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  // Windows has no POSIX modes; there the user profile's ACLs protect the folder.
  if (!IS_POSIX) return;
  const { mode } = statSync(dataDir);
  if ((mode & 0o077) === 0) return;
  try {
    chmodSync(dataDir, 0o700);
  } catch {
    throw new DataFolderPermissionError(dataDir, mode);
  }
}
