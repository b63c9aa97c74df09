import { randomUUID } from 'node:crypto';
import { realpath, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../kernel/errors';

/**
 * Folders of the operating system a backup must never be written into, nor anywhere below them.
 * POSIX paths compare exactly; Windows paths case-insensitively with either separator.
 */
const POSIX_SYSTEM_FOLDERS = ['/bin', '/boot', '/dev', '/etc', '/lib', '/lib32', '/lib64', '/proc', '/run', '/sbin', '/sys', '/usr', '/var/lib', '/var/log'];
const WINDOWS_SYSTEM_FOLDERS = ['c:\\windows', 'c:\\program files', 'c:\\program files (x86)', 'c:\\programdata'];

export type BackupFolderReason = 'backup_folder_not_found' | 'backup_folder_not_directory' | 'backup_folder_system' | 'backup_folder_not_writable';

function isWithin(folder: string, parent: string, separator: string): boolean {
  return folder === parent || folder.startsWith(parent.endsWith(separator) ? parent : parent + separator);
}

/** Whether a folder (as typed, and as it resolves through links) is a system folder or the root of the disk. */
export function isSystemFolder(folder: string): boolean {
  if (/^[A-Za-z]:[\\/]|^\\\\/.test(folder)) {
    const windows = folder.replace(/\//g, '\\').replace(/\\+$/, '').toLowerCase();
    return WINDOWS_SYSTEM_FOLDERS.some((system) => isWithin(windows, system, '\\'));
  }
  const posix = path.posix.normalize(folder).replace(/\/+$/, '') || '/';
  return posix === '/' || POSIX_SYSTEM_FOLDERS.some((system) => isWithin(posix, system, '/'));
}

/**
 * Why a folder cannot take backups, or null when it can: it must exist, be a folder outside the system
 * folders and take a new file (checked by writing and removing one, as permissions alone can mislead).
 */
export async function backupFolderProblem(folder: string): Promise<BackupFolderReason | null> {
  if (isSystemFolder(folder)) return 'backup_folder_system';
  let resolved: string;
  try {
    resolved = await realpath(folder);
    if (!(await stat(resolved)).isDirectory()) return 'backup_folder_not_directory';
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOTDIR' ? 'backup_folder_not_directory' : 'backup_folder_not_found';
  }
  // A link such as /proc/self or a folder linked into /etc is judged by where it leads.
  if (isSystemFolder(resolved)) return 'backup_folder_system';
  const probe = path.join(resolved, `.write-check-${randomUUID()}`);
  try {
    await writeFile(probe, '', { flag: 'wx' });
    await unlink(probe);
  } catch {
    return 'backup_folder_not_writable';
  }
  return null;
}

/** Refuses a backup folder that cannot take backups, as an issue on the `folder` field. */
export async function requireUsableBackupFolder(folder: string): Promise<void> {
  const reason = await backupFolderProblem(folder);
  if (reason !== null) throw new AppError('validation_failed', 'invalid input', [{ path: 'folder', reason }]);
}
