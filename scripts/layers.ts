import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { posix } from 'node:path';
import ts from 'typescript';

/**
 * The import rules of ARCHITECTURE.md as data. Arrows point down only: the renderer and the main
 * process both depend on shared/, shared/ depends on nothing platform-specific, and only the Electron
 * shell (electron/main.ts, electron/preload.ts) touches Electron.
 */

export interface SourceFile {
  /** Repository-relative path with forward slashes, e.g. `renderer/App.tsx`. */
  path: string;
  source: string;
}

export interface Violation {
  file: string;
  specifier: string;
  rule: string;
}

const SHARED_PACKAGES = ['zod', 'i18next'];
// recharts draws the staff screens' charts (SVG, React components); only renderer/components/charts imports it.
const RENDERER_PACKAGES = ['react', 'react-dom', 'react-i18next', 'i18next', 'zod', 'recharts'];
const ELECTRON_SHELL_FILES = ['electron/main.ts', 'electron/preload.ts'];

/** Which folders of electron/ each folder may import from (besides shared/ and resources/). */
const ELECTRON_FOLDER_IMPORTS: Record<string, string[]> = {
  config: ['config'],
  db: ['db'],
  pdf: ['pdf'],
  security: ['security'],
  sync: ['sync', 'db', 'security'],
  services: ['services', 'db', 'pdf', 'sync', 'security'],
  ipc: ['ipc', 'services'],
  app: ['app', 'config', 'db', 'ipc', 'pdf', 'security', 'services'],
  host: ['host', 'app', 'config', 'ipc'],
  cli: ['cli', 'app', 'config', 'db', 'pdf', 'security', 'services', 'sync'],
  shell: ['shell', 'app', 'config', 'db', 'host'],
};

const nodeBuiltins = new Set(builtinModules);

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

function isNodeBuiltin(specifier: string): boolean {
  return specifier.startsWith('node:') || nodeBuiltins.has(packageName(specifier));
}

function topFolder(path: string): string {
  return path.split('/')[0] ?? '';
}

function electronFolder(path: string): string | null {
  const parts = path.split('/');
  return parts.length > 2 ? (parts[1] ?? null) : null;
}

/** The rule an import breaks, or null when it is allowed. */
function checkImport(file: string, specifier: string): string | null {
  const layer = topFolder(file);
  const relative = specifier.startsWith('.');
  const target = relative ? posix.normalize(posix.join(posix.dirname(file), specifier)) : null;

  if (layer === 'shared') {
    if (target) return ['shared', 'resources'].includes(topFolder(target)) ? null : 'shared/ imports only shared/ and resources/';
    return SHARED_PACKAGES.includes(packageName(specifier)) ? null : 'shared/ may not import Node, Electron, React or storage packages';
  }
  if (layer === 'renderer') {
    if (target) {
      return ['renderer', 'shared', 'resources'].includes(topFolder(target)) ? null : 'renderer/ imports only renderer/, shared/ and resources/';
    }
    return RENDERER_PACKAGES.includes(packageName(specifier)) ? null : 'renderer/ may not import Node, Electron or storage packages';
  }
  if (layer === 'electron') {
    const isShell = ELECTRON_SHELL_FILES.includes(file);
    if (!target) {
      if (packageName(specifier) === 'electron' && !isShell) return "only electron/main.ts and electron/preload.ts import 'electron'";
      return null;
    }
    const targetLayer = topFolder(target);
    if (targetLayer === 'shared' || targetLayer === 'resources' || target === 'package.json') return null;
    if (targetLayer !== 'electron') return 'electron/ imports only electron/, shared/ and resources/';
    if (isShell) return null;
    const from = electronFolder(file);
    const to = electronFolder(target);
    if (to === null) return 'only the Electron shell is at the top of electron/';
    const allowed = from === null ? [] : (ELECTRON_FOLDER_IMPORTS[from] ?? []);
    return allowed.includes(to) ? null : `electron/${from}/ may not import electron/${to}/`;
  }
  return null;
}

/** Every import in the given files that breaks a layer rule. */
export function findLayerViolations(files: SourceFile[]): Violation[] {
  const violations: Violation[] = [];
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(file.source, true, true);
    for (const imported of importedFiles) {
      if (isNodeBuiltin(imported.fileName) && topFolder(file.path) === 'electron') continue;
      const rule = checkImport(file.path, imported.fileName);
      if (rule) violations.push({ file: file.path, specifier: imported.fileName, rule });
    }
  }
  return violations;
}

/** The TypeScript sources of the given folders, tracked or new (not ignored), read from the work tree. */
export function readProjectSources(folders: string[] = ['shared', 'renderer', 'electron']): SourceFile[] {
  const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', ...folders], { encoding: 'utf8' });
  return listed
    .split('\n')
    // A file deleted in the working tree but still in the index is listed too: it is no source any more.
    .filter((path) => /\.(ts|tsx)$/.test(path) && existsSync(path))
    .map((path) => ({ path, source: readFileSync(path, 'utf8') }));
}
