import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { posix } from 'node:path';
import ts from 'typescript';

/**
 * The import rules as data. Arrows point down only: the renderer and the main process both depend on
 * shared/, shared/ depends on nothing platform-specific, and only the Electron shell (electron/main.ts,
 * electron/preload.ts) touches Electron. A screen folder stands alone: what several screens share lives in
 * renderer/components/ or renderer/hooks/. The tools beside the app (hub/, bench/, scripts/) import
 * only what their table entry names, and no import cycle is allowed anywhere.
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
  locking: ['locking'],
  tables: ['tables'],
  web: ['web'],
  sync: ['sync', 'db', 'security'],
  // The ID-card readers (vendor libraries, simulator, the card's text block): plain Node, nothing of the station.
  idcard: ['idcard'],
  services: ['services', 'db', 'pdf', 'sync', 'security', 'tables', 'idcard'],
  ipc: ['ipc', 'services'],
  app: ['app', 'config', 'db', 'ipc', 'locking', 'pdf', 'security', 'services'],
  host: ['host', 'app', 'config', 'ipc', 'web'],
  cli: ['cli', 'app', 'config', 'db', 'pdf', 'security', 'services', 'sync'],
  shell: ['shell', 'app', 'config', 'db', 'host', 'web'],
};

/**
 * Which other service areas (folders of electron/services/) each area may import. Every area may import
 * the kernel and itself; the kernel imports no area; electron/services/index.ts wires them all. Any link not
 * named here fails, and so does a new area folder until it is declared.
 */
const SERVICE_AREA_IMPORTS: Record<string, string[]> = {
  kernel: [],
  // Setting up a station hands out the recovery key that the backup area keeps.
  station: ['backup'],
  // Withdrawing consent takes back the batches not yet sent.
  registration: ['sync'],
  // A document opens the person and the registration it is about.
  documents: ['registration'],
  memorial: [],
  'name-list': [],
  education: [],
  sync: [],
  backup: [],
  figures: [],
  dashboard: ['figures'],
  settings: [],
  'id-card': [],
  aid: [],
  family: [],
};
const SERVICES = 'electron/services/';
const SERVICES_INDEX = 'electron/services/index.ts';

/**
 * What each tool beside the app may import from the repository: a folder, or a module named without its
 * extension as imports name it. The hub is the province's side and shares with the station only the wire
 * format (electron/sync), the signing primitives (electron/security), the lock of a database file
 * (electron/locking) and shared/; a benchmark drives the real station; a script builds or starts it.
 */
const TOOL_IMPORTS: Record<string, string[]> = {
  // The console's yearly report draws with the station's PDF canvas, its tables leave as the station's do, and
  // its page is served as the station's is (electron/web: the files and their security headers).
  hub: ['hub', 'shared', 'electron/sync', 'electron/security', 'electron/locking', 'electron/pdf', 'electron/tables', 'electron/web', 'resources'],
  // The receipt benchmark finds the PDF fonts the way `npm run fonts` does; the hub benchmark drives the hub
  // and starts a throw-away PostgreSQL cluster the way the hub's tests do; the sync benchmark bundles the main
  // process as the build does.
  bench: ['bench', 'shared', 'electron', 'hub', 'scripts/copy-fonts', 'scripts/postgres-cluster', 'scripts/main-externals'],
  // The hub's demonstration seed (`npm run hub:seed-demo`) drives real stations and hands their batches to the
  // hub's own registration and ingest, so that a demonstration hub holds nothing a real one could not.
  scripts: ['scripts', 'shared', 'electron', 'hub', 'resources'],
};
/**
 * Packages the hub may use besides Node's own: one kysely code base on SQLite and on PostgreSQL; zod for the
 * console's calls; exceljs and pdfkit for its exports and its yearly report.
 */
const HUB_PACKAGES = ['better-sqlite3', 'kysely', 'pg', 'zod', 'exceljs', 'pdfkit'];
/** Folders whose code runs in Node, so Node's built-in modules are theirs to import. */
const NODE_LAYERS = ['electron', 'hub', 'bench', 'scripts'];

const SCREENS = 'renderer/screens/';

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

/** `Records` for `renderer/screens/Records/RecordsScreen.tsx`; null outside the screen folders. */
function screenFolder(path: string): string | null {
  return path.startsWith(SCREENS) ? (path.slice(SCREENS.length).split('/')[0] ?? null) : null;
}

function isWithin(path: string, folderOrFile: string): boolean {
  return path === folderOrFile || path.startsWith(`${folderOrFile}/`);
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
      if (!['renderer', 'shared', 'resources'].includes(topFolder(target))) return 'renderer/ imports only renderer/, shared/ and resources/';
      return checkScreenImport(file, target);
    }
    return RENDERER_PACKAGES.includes(packageName(specifier)) ? null : 'renderer/ may not import Node, Electron or storage packages';
  }
  if (Object.hasOwn(TOOL_IMPORTS, layer)) return checkToolImport(layer, specifier, target);
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
    if (!allowed.includes(to)) return `electron/${from}/ may not import electron/${to}/`;
    return from === 'services' ? checkServiceAreaImport(file, target) : null;
  }
  return null;
}

/** `sync` for `electron/services/sync/acks.ts`; null for a file directly in electron/services/. */
function serviceArea(path: string): string | null {
  if (!path.startsWith(SERVICES)) return null;
  const parts = path.slice(SERVICES.length).split('/');
  return parts.length > 1 ? (parts[0] ?? null) : null;
}

/** A service area imports the kernel, itself and the areas its table entry names. */
function checkServiceAreaImport(file: string, target: string): string | null {
  if (file === SERVICES_INDEX) return null;
  const from = serviceArea(file);
  if (from === null) return 'a service lives in an area folder of electron/services/ (only index.ts sits beside them)';
  if (!Object.hasOwn(SERVICE_AREA_IMPORTS, from)) return `electron/services/${from}/ is not declared in SERVICE_AREA_IMPORTS`;
  if (!isWithin(target, 'electron/services')) return null;
  const to = serviceArea(target);
  const namesIndex = ['electron/services', 'electron/services/index', SERVICES_INDEX].includes(target);
  if (to === null) return namesIndex ? 'only the composition root imports electron/services/index.ts' : null;
  if (to === from || to === 'kernel') return null;
  return (SERVICE_AREA_IMPORTS[from] ?? []).includes(to) ? null : `electron/services/${from}/ may not import electron/services/${to}/`;
}

/** A screen folder imports no other screen folder, and the shared parts import no screen at all. */
function checkScreenImport(file: string, target: string): string | null {
  const to = screenFolder(target);
  if (to === null) return null;
  const from = screenFolder(file);
  if (from === to) return null;
  if (from === null) {
    return file === 'renderer/App.tsx' ? null : 'only renderer/App.tsx imports the screens: shared parts may not reach into one';
  }
  return `renderer/screens/${from}/ may not import renderer/screens/${to}/: move what both use to renderer/components/ or renderer/hooks/`;
}

function checkToolImport(layer: string, specifier: string, target: string | null): string | null {
  const allowed = TOOL_IMPORTS[layer] ?? [];
  if (target) {
    return allowed.some((entry) => isWithin(target, entry)) ? null : `${layer}/ imports only from ${allowed.join(', ')}`;
  }
  const name = packageName(specifier);
  if (name === 'electron') return "only electron/main.ts and electron/preload.ts import 'electron'";
  if (layer === 'hub' && !HUB_PACKAGES.includes(name)) return `hub/ uses only Node and ${HUB_PACKAGES.join(', ')}`;
  return null;
}

/** Every import in the given files that breaks a layer rule. */
export function findLayerViolations(files: SourceFile[]): Violation[] {
  const violations: Violation[] = [];
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(file.source, true, true);
    for (const imported of importedFiles) {
      if (isNodeBuiltin(imported.fileName) && NODE_LAYERS.includes(topFolder(file.path))) continue;
      const rule = checkImport(file.path, imported.fileName);
      if (rule) violations.push({ file: file.path, specifier: imported.fileName, rule });
    }
  }
  return violations;
}

/** The file a relative import names, among the given paths: as written, or with a TypeScript extension or index. */
function resolveImport(from: string, specifier: string, paths: Set<string>): string | null {
  if (!specifier.startsWith('.')) return null;
  const target = posix.normalize(posix.join(posix.dirname(from), specifier));
  const candidates = [target, `${target}.ts`, `${target}.tsx`, `${target}/index.ts`, `${target}/index.tsx`];
  return candidates.find((candidate) => paths.has(candidate)) ?? null;
}

/**
 * Every import cycle among the given files: each strongly connected component of the import graph with
 * more than one file (Tarjan's algorithm), its files sorted. Type-only imports count too: a cycle of
 * types today is one value import away from a module read before it has finished loading.
 */
export function findImportCycles(files: SourceFile[]): string[][] {
  const paths = new Set(files.map((file) => file.path));
  const edges = new Map<string, string[]>();
  for (const file of files) {
    const targets = ts
      .preProcessFile(file.source, true, true)
      .importedFiles.map((imported) => resolveImport(file.path, imported.fileName, paths))
      .filter((target): target is string => target !== null);
    edges.set(file.path, targets);
  }

  const index = new Map<string, number>();
  const lowLink = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];

  const visit = (path: string): void => {
    index.set(path, index.size);
    lowLink.set(path, index.get(path)!);
    stack.push(path);
    onStack.add(path);
    for (const next of edges.get(path) ?? []) {
      if (!index.has(next)) {
        visit(next);
        lowLink.set(path, Math.min(lowLink.get(path)!, lowLink.get(next)!));
      } else if (onStack.has(next)) {
        lowLink.set(path, Math.min(lowLink.get(path)!, index.get(next)!));
      }
    }
    if (lowLink.get(path) !== index.get(path)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== path);
    if (component.length > 1) cycles.push(component.sort());
  };

  for (const path of [...edges.keys()].sort()) {
    if (!index.has(path)) visit(path);
  }
  return cycles;
}

/** The folders `npm run lint` checks. */
export const CHECKED_FOLDERS = ['shared', 'renderer', 'electron', 'hub', 'bench', 'scripts'];

/** The TypeScript sources of the given folders, tracked or new (not ignored), read from the work tree. */
export function readProjectSources(folders: string[] = CHECKED_FOLDERS): SourceFile[] {
  const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', ...folders], { encoding: 'utf8' });
  return listed
    .split('\n')
    // A file deleted in the working tree but still in the index is listed too: it is no source any more.
    .filter((path) => /\.(ts|tsx)$/.test(path) && existsSync(path))
    .map((path) => ({ path, source: readFileSync(path, 'utf8') }));
}
