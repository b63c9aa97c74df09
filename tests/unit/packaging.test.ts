import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, type Stats } from 'node:fs';
import { createRequire, isBuiltin } from 'node:module';
import { join, relative, sep } from 'node:path';
import { PNG } from 'pngjs';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The packages cannot be built here (no Electron binary), so electron-builder.yml is checked instead,
 * with electron-builder's own schema, file matchers and fuse mapping where they can be called.
 */

const projectRoot = join(import.meta.dirname, '..', '..');
const mainBundle = join(projectRoot, 'dist', 'electron', 'main.cjs');
const CHINESE_NAME = '生命接力登记站';
const ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512];
/** Dependencies of the runtime modules that only their installation runs (it fetches or builds the binary). */
const INSTALL_TIME_ONLY = new Set(['prebuild-install']);

interface BuilderTarget {
  target: string;
  arch: string[];
}
interface BuilderConfig {
  appId: string;
  productName: string;
  directories: { output: string; buildResources: string };
  files: string[];
  extraResources: { from: string; to: string }[];
  asar: boolean;
  asarUnpack: string[];
  npmRebuild?: boolean;
  disableAsarIntegrity?: boolean;
  electronFuses: Record<string, boolean>;
  win: { target: BuilderTarget[]; icon: string; files?: string[] };
  nsis: { shortcutName: string };
  linux: { target: BuilderTarget[]; icon: string; desktop: { entry: Record<string, string> }; files?: string[] };
}
interface PackageJson {
  productName: string;
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}
interface LockEntry {
  dev?: boolean;
  devOptional?: boolean;
  dependencies?: Record<string, string>;
}

/** The stat fields electron-builder's filters read; `moduleFullFilePath` is set for node_modules files. */
interface MatchedStat {
  isDirectory(): boolean;
  moduleFullFilePath?: string;
}
type Filter = (file: string, stat: MatchedStat) => boolean;
interface FileMatcher {
  readonly patterns: string[];
  createFilter(): Filter;
}
interface FileMatcherModule {
  FileMatcher: new (from: string, to: string, expand: (pattern: string) => string, patterns?: string[]) => FileMatcher;
  getMainFileMatchers(
    appDir: string,
    destination: string,
    expand: (pattern: string) => string,
    platformOptions: object,
    platformPackager: object,
    outDir: string,
    isElectronCompile: boolean,
  ): FileMatcher[];
  getNodeModuleFileMatcher(
    appDir: string,
    destination: string,
    expand: (pattern: string) => string,
    platformOptions: object,
    packager: object,
  ): FileMatcher;
}

// The internals electron-builder packages with, resolved from the installed electron-builder.
const requireFromBuilder = createRequire(createRequire(import.meta.url).resolve('electron-builder/package.json'));
const fileMatchers = requireFromBuilder('app-builder-lib/out/fileMatcher.js') as FileMatcherModule;
const { validateConfiguration } = requireFromBuilder('app-builder-lib/out/util/config/config.js') as {
  validateConfiguration(config: unknown, debugLogger: object): Promise<void>;
};
const { PlatformPackager } = requireFromBuilder('app-builder-lib') as {
  PlatformPackager: { prototype: { generateFuseConfig(fuses: object): Promise<Record<string, unknown>> } };
};
const { FuseV1Options } = requireFromBuilder('@electron/fuses') as { FuseV1Options: Record<string, number> };

const config = parse(readFileSync(join(projectRoot, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
const packageJson = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as PackageJson;
const lock = (JSON.parse(readFileSync(join(projectRoot, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> })
  .packages;

const identity = (pattern: string): string => pattern;
const silentLogger = { isEnabled: false, add: () => undefined };
const asFile: MatchedStat = { isDirectory: () => false };
const platforms = { linux: config.linux, win: config.win };

function mainFilter(platformOptions: object): Filter {
  const info = {
    projectDir: projectRoot,
    buildResourcesDir: join(projectRoot, config.directories.buildResources),
    isPrepackedAppAsar: false,
    config: structuredClone(config),
    debugLogger: silentLogger,
  };
  const matchers = fileMatchers.getMainFileMatchers(
    projectRoot,
    '/packaged/resources/app',
    identity,
    platformOptions,
    { info },
    join(projectRoot, config.directories.output),
    false,
  );
  return matchers[0]!.createFilter();
}

function nodeModuleFilter(platformOptions: object): (pathInApp: string) => boolean {
  const matcher = fileMatchers.getNodeModuleFileMatcher(projectRoot, '/packaged/resources/app', identity, platformOptions, {
    config: structuredClone(config),
    debugLogger: silentLogger,
  });
  const filter = new fileMatchers.FileMatcher(projectRoot, '/packaged', identity, matcher.patterns).createFilter();
  return (pathInApp) => filter(join(projectRoot, pathInApp), { ...asFile, moduleFullFilePath: pathInApp });
}

/** The project's files as electron-builder's walker sees them: it descends only into folders the filter admits. */
function packagedProjectFiles(filter: Filter): string[] {
  const kept: string[] = [];
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name === '.git') continue;
      const path = join(folder, entry.name);
      const stat: Stats = statSync(path);
      if (!filter(path, stat)) continue;
      if (stat.isDirectory()) walk(path);
      else kept.push(relative(projectRoot, path).split(sep).join('/'));
    }
  };
  walk(projectRoot);
  return kept;
}

/** The lock's folder for a dependency as Node resolves it from `from`: nested first, then outwards. */
function resolveInLock(name: string, from: string): string {
  let base = from;
  for (;;) {
    const candidate = `${base === '' ? '' : `${base}/`}node_modules/${name}`;
    if (lock[candidate] !== undefined) return candidate;
    if (base === '') throw new Error(`${name} (needed by ${from}) is not in package-lock.json`);
    const cut = base.lastIndexOf('/node_modules/');
    base = cut < 0 ? '' : base.slice(0, cut);
  }
}

/** Lock folders of the given packages and everything they load, less the install-time tools. */
function runtimeClosure(names: string[]): Set<string> {
  const closure = new Set<string>();
  const visit = (name: string, from: string): void => {
    if (INSTALL_TIME_ONLY.has(name)) return;
    const folder = resolveInLock(name, from);
    if (closure.has(folder)) return;
    closure.add(folder);
    for (const dependency of Object.keys(lock[folder]!.dependencies ?? {})) visit(dependency, folder);
  };
  for (const name of names) visit(name, '');
  return closure;
}

/** The modules main.cjs loads from node_modules at run time (esbuild leaves them as require calls). */
function externalModules(): string[] {
  const bundle = readFileSync(mainBundle, 'utf8');
  const required = new Set([...bundle.matchAll(/\brequire\(["']([^"']+)["']\)/g)].map((match) => match[1]!));
  return [...required].filter((name) => !isBuiltin(name) && name !== 'electron').sort();
}

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

beforeAll(() => {
  // npm test runs the unit tests before the build; the bundle is needed to see what it leaves external.
  if (!existsSync(mainBundle)) execFileSync('npm', ['run', '-s', 'build:electron'], { cwd: projectRoot, stdio: 'pipe' });
}, 120_000);

describe('electron-builder.yml', () => {
  it("passes the installed electron-builder's schema (which knows electronFuses)", async () => {
    await expect(validateConfiguration(structuredClone(config), silentLogger)).resolves.toBeUndefined();
    // The schema refuses unknown keys, so a misspelt fuse would not pass silently.
    const misspelt = { ...structuredClone(config), electronFuses: { ...config.electronFuses, runAsnode: false } };
    await expect(validateConfiguration(misspelt, silentLogger)).rejects.toThrow(/electronFuses/);
  });

  it('names the app in both languages', () => {
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z0-9]+){2,}$/);
    // Electron names the user-data folder after productName, which the README and existing stations rely on.
    expect(config.productName).toBe('Relay Station');
    expect(packageJson.productName).toBe(config.productName);
    expect(config.linux.desktop.entry['Name']).toBe('Relay Station');
    expect(config.linux.desktop.entry['Name[zh_CN]']).toBe(CHINESE_NAME);
    expect(config.nsis.shortcutName).toBe(CHINESE_NAME);
  });

  it('builds a Windows NSIS installer for x64 and Linux deb and AppImage for x64 and arm64', () => {
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    const linuxTargets = Object.fromEntries(config.linux.target.map((target) => [target.target, [...target.arch].sort()]));
    expect(linuxTargets).toEqual({ deb: ['arm64', 'x64'], AppImage: ['arm64', 'x64'] });
  });

  it('has icons: PNGs of every listed size with the mark on a transparent ground, 256 px for Windows', () => {
    const folder = join(projectRoot, config.linux.icon);
    expect(readdirSync(folder).sort()).toEqual(ICON_SIZES.map((size) => `${size}x${size}.png`).sort());
    for (const size of ICON_SIZES) {
      const png = PNG.sync.read(readFileSync(join(folder, `${size}x${size}.png`)));
      expect([png.width, png.height]).toEqual([size, size]);
      const pixel = (x: number, y: number): number[] => [...png.data.subarray((y * size + x) * 4, (y * size + x) * 4 + 4)];
      // Rounded corners are transparent; the heart in the middle is opaque white; beside it, opaque red.
      expect(pixel(0, 0)[3]).toBe(0);
      const centre = Math.floor(size / 2);
      expect(pixel(centre, centre)).toEqual([255, 255, 255, 255]);
      const [red, green, blue, alpha] = pixel(Math.floor(size * 0.09), centre);
      expect(alpha).toBe(255);
      expect(red).toBeGreaterThan(150);
      expect(Math.max(green!, blue!)).toBeLessThan(80);
    }
    const windowsIcon = PNG.sync.read(readFileSync(join(projectRoot, config.win.icon)));
    expect([windowsIcon.width, windowsIcon.height]).toEqual([256, 256]);
  });

  it("unpacks better-sqlite3's native module from the asar and rebuilds it for Electron", () => {
    expect(config.asar).toBe(true);
    expect(config.npmRebuild).not.toBe(false);
    const nativeFile = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';
    expect(existsSync(join(projectRoot, nativeFile))).toBe(true);
    const unpack = new fileMatchers.FileMatcher(projectRoot, '/packaged', identity, config.asarUnpack).createFilter();
    const unpacked = (path: string): boolean => unpack(join(projectRoot, path), { ...asFile, moduleFullFilePath: path });
    expect(unpacked(nativeFile)).toBe(true);
    expect(unpacked('node_modules/better-sqlite3/lib/database.js')).toBe(true);
    expect(unpacked('node_modules/pdfkit/js/pdfkit.js')).toBe(false);
    // The native file has to be kept in the package before it can be unpacked.
    for (const platform of Object.values(platforms)) expect(nodeModuleFilter(platform)(nativeFile)).toBe(true);
  });

  it('sets the Electron fuses: no RunAsNode, no NODE_OPTIONS, no --inspect, encrypted cookies, app only from a verified asar, no file:// privileges', async () => {
    const flipped = await PlatformPackager.prototype.generateFuseConfig.call({}, config.electronFuses);
    expect(flipped[FuseV1Options['RunAsNode']!]).toBe(false);
    expect(flipped[FuseV1Options['EnableNodeOptionsEnvironmentVariable']!]).toBe(false);
    expect(flipped[FuseV1Options['EnableNodeCliInspectArguments']!]).toBe(false);
    expect(flipped[FuseV1Options['EnableCookieEncryption']!]).toBe(true);
    expect(flipped[FuseV1Options['OnlyLoadAppFromAsar']!]).toBe(true);
    expect(flipped[FuseV1Options['EnableEmbeddedAsarIntegrityValidation']!]).toBe(true);
    // Nothing is loaded from file:// (the print window's PDF comes through a custom protocol).
    expect(flipped[FuseV1Options['GrantFileProtocolExtraPrivileges']!]).toBe(false);
    // The integrity fuse needs the hash electron-builder embeds in the executable.
    expect(config.disableAsarIntegrity).not.toBe(true);
  });

  it('packages what main.cjs needs at run time', () => {
    for (const [platform, options] of Object.entries(platforms)) {
      const filter = mainFilter(options);
      const needed = [
        'package.json',
        'dist/electron/main.cjs',
        'dist/electron/preload.cjs',
        'dist/renderer/index.html',
        'dist/renderer/assets/index-0000.js',
        ...readdirSync(join(projectRoot, 'resources', 'locales'), { recursive: true, withFileTypes: true })
          .filter((entry) => entry.isFile())
          .map((entry) => relative(projectRoot, join(entry.parentPath, entry.name)).split(sep).join('/')),
      ];
      // The renderer may not be built yet: the filter is asked about the paths themselves.
      expect(needed.filter((path) => !filter(join(projectRoot, path), asFile)), platform).toEqual([]);
    }
    // The document fonts ship once, as extra resources, where the packaged app looks for them.
    expect(config.extraResources).toContainEqual({ from: 'resources/fonts', to: 'fonts' });
    expect(readFileSync(join(projectRoot, 'electron', 'main.ts'), 'utf8')).toContain("join(process.resourcesPath, 'fonts')");
  });

  it('leaves sources, tests, scripts, source maps and build output out of the package', () => {
    for (const [platform, options] of Object.entries(platforms)) {
      const packaged = packagedProjectFiles(mainFilter(options));
      expect(packaged, platform).toContain('package.json');
      const outsiders = packaged.filter(
        (path) =>
          /^(electron|shared|renderer|receiver|scripts|tests|bench|docs|release|resources\/fonts)\//.test(path) ||
          /\.(ts|tsx|map)$/.test(path) ||
          (path.startsWith('dist/') && !/^dist\/(electron|renderer)\//.test(path)),
      );
      expect(outsiders, platform).toEqual([]);
    }
  });

  it('keeps the modules main.cjs loads from node_modules, as dependencies, and drops what the bundles hold', () => {
    const externals = externalModules().map(packageName);
    expect(externals).toEqual(expect.arrayContaining(['better-sqlite3', 'pdfkit', 'fontkit']));
    for (const name of externals) {
      expect(packageJson.dependencies[name], name).toBeDefined();
      expect(packageJson.devDependencies[name], name).toBeUndefined();
    }
    // electron-builder takes Electron's version from devDependencies and refuses it among dependencies.
    expect(packageJson.devDependencies['electron']).toBeDefined();

    const closure = runtimeClosure(externals);
    const production = Object.entries(lock)
      .filter(([folder, entry]) => folder.startsWith('node_modules/') && !entry.dev && !entry.devOptional)
      .map(([folder]) => folder);
    for (const [platform, options] of Object.entries(platforms)) {
      const kept = nodeModuleFilter(options);
      const missing = [...closure].filter((folder) => !kept(`${folder}/package.json`));
      expect(missing, platform).toEqual([]);
      const bundledAnyway = production.filter((folder) => !closure.has(folder) && kept(`${folder}/package.json`));
      expect(bundledAnyway, platform).toEqual([]);
    }
    expect(closure).toContain('node_modules/better-sqlite3');
    expect(production).toContain('node_modules/react');
  });

  it('has dist scripts that build first and hand over to electron-builder', () => {
    expect(packageJson.scripts['build']).toMatch(/build:renderer.*build:electron/);
    for (const [script, platformFlag] of [
      ['dist', null],
      ['dist:linux', '--linux'],
      ['dist:win', '--win'],
    ] as const) {
      const command = packageJson.scripts[script] ?? '';
      expect(command, script).toMatch(/^npm run -s build && electron-builder /);
      if (platformFlag !== null) expect(command.split(' '), script).toContain(platformFlag);
      // Never an upload from a build machine that happens to look like CI.
      expect(command, script).toContain('--publish never');
    }
  });
});
