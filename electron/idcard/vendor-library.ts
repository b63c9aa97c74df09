import { isAbsolute } from 'node:path';
import koffi from 'koffi';
import type { ReaderUnavailable } from './reader';

/**
 * A vendor's reader library loaded through koffi (N-API, so one binary serves Node and Electron). The
 * library is loaded only from the absolute path an administrator set, never searched for; loading it and
 * declaring each function are both guarded, so a missing file, a library of the other bitness or a
 * different vendor's exports mean "no reader", never a crash. Calls run with koffi's `.async`, on a
 * worker thread, so the main process keeps answering while a reader takes its time.
 */

/** A declared function, called on a worker thread. */
export type NativeCall = (...args: unknown[]) => Promise<number>;

export type LibraryLoad = { ok: true; library: koffi.IKoffiLib } | { ok: false; reason: ReaderUnavailable };

/** Loads the library at `path` (absolute only); any failure becomes `library_missing`. */
export function loadVendorLibrary(path: string | null): LibraryLoad {
  if (path === null || !isAbsolute(path)) return { ok: false, reason: 'library_missing' };
  try {
    return { ok: true, library: koffi.load(path) };
  } catch {
    return { ok: false, reason: 'library_missing' };
  }
}

/** Declares one function from its C prototype, or null when the library lacks it. */
export function declare(library: koffi.IKoffiLib, prototype: string): NativeCall | null {
  try {
    const fn = library.func(prototype);
    return (...args: unknown[]) =>
      new Promise<number>((resolve, reject) => {
        fn.async(...args, (error: unknown, result: number) => (error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(result)));
      });
  } catch {
    return null;
  }
}

/** Declares every prototype of `prototypes`; null when any is missing (the library is not of this kind). */
export function declareAll<K extends string>(library: koffi.IKoffiLib, prototypes: Record<K, string>): Record<K, NativeCall> | null {
  const declared = {} as Record<K, NativeCall>;
  for (const name of Object.keys(prototypes) as K[]) {
    const fn = declare(library, prototypes[name]);
    if (fn === null) return null;
    declared[name] = fn;
  }
  return declared;
}

/** Releases the library; a library still in use by a call stays loaded until the call returns. */
export function unloadVendorLibrary(library: koffi.IKoffiLib): void {
  try {
    library.unload();
  } catch {
    // Already unloaded, or the platform keeps it: nothing to release.
  }
}
