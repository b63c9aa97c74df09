import { copyFileSync, mkdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PRIMARY_FONT_FILES, sourceFontsDir, type Weight } from '../electron/pdf/fonts';

/**
 * Puts the documents' primary font (Noto Sans SC, regular and bold) into resources/fonts, next to its
 * licence and README, from the npm package the lockfile pins. The font files are not committed (20 MB
 * of binary that the package already versions); this copy is what the tests, the CLI, the station host
 * and the packaged app all read, so what is tested is what ships. Run by `npm run fonts`, by the
 * Electron build and by the tests' global setup; copies only what is missing or out of date.
 */

export const FONTS_DIR = sourceFontsDir();

const SOURCE_PACKAGE = '@expo-google-fonts/noto-sans-sc';
const SOURCE_FILES: Record<Weight, string> = {
  regular: '400Regular/NotoSansSC_400Regular.ttf',
  bold: '700Bold/NotoSansSC_700Bold.ttf',
};

function isUpToDate(source: string, target: string): boolean {
  try {
    const [from, to] = [statSync(source), statSync(target)];
    return from.size === to.size && to.mtimeMs >= from.mtimeMs;
  } catch {
    return false;
  }
}

/** Copies the font files that are missing or older than the package's; returns the paths it wrote. */
export function copyFonts(): string[] {
  const packageDir = dirname(createRequire(import.meta.url).resolve(`${SOURCE_PACKAGE}/package.json`));
  mkdirSync(FONTS_DIR, { recursive: true });
  const written: string[] = [];
  for (const weight of ['regular', 'bold'] as const) {
    const source = join(packageDir, SOURCE_FILES[weight]);
    const target = join(FONTS_DIR, PRIMARY_FONT_FILES[weight]);
    if (isUpToDate(source, target)) continue;
    copyFileSync(source, target);
    written.push(target);
  }
  return written;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const written = copyFonts();
  console.log(written.length > 0 ? `copied ${written.join(', ')}` : `fonts in ${FONTS_DIR} are up to date`);
}
