import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { create, type Font } from 'fontkit';

/**
 * The fonts documents are drawn with. pdfkit picks no fallback font on its own: a character the current
 * font lacks comes out as an empty box, or nothing. So every text is split here, code point by code
 * point, into runs of the primary font (Noto Sans SC: small, quick to load, covers everyday Chinese and
 * Latin), runs of a fallback that covers the CJK extension blocks (Noto Sans CJK from Debian: names such
 * as 李𠮷祥 need extension B), and characters no font has, which the document reports rather than drops.
 */

export type Weight = 'regular' | 'bold';
export const weights: readonly Weight[] = ['regular', 'bold'];

/** A font file; `postscriptName` picks one face from a collection (.ttc) and is ignored for a single font. */
export interface FontFile {
  path: string;
  postscriptName?: string;
}

export interface FontSetOptions {
  primary: Record<Weight, string>;
  /** Null, or files that do not exist, when the machine has no fallback: what only it could draw is then missing. */
  fallback: Record<Weight, FontFile> | null;
}

/** The primary font files as `scripts/copy-fonts.ts` places them in `resources/fonts` (see its README.md). */
export const PRIMARY_FONT_FILES: Readonly<Record<Weight, string>> = {
  regular: 'NotoSansSC_400Regular.ttf',
  bold: 'NotoSansSC_700Bold.ttf',
};

/**
 * `resources/fonts` of the source tree, where `npm run fonts` copies the primary fonts and where the
 * station host, the CLI and the tests read them. A function, not a constant: the desktop app's bundle
 * has no module path and passes its packaged resources folder instead, so this is never asked there.
 */
export function sourceFontsDir(): string {
  return join(import.meta.dirname, '..', '..', 'resources', 'fonts');
}

export function primaryFontPaths(fontsDir: string): Record<Weight, string> {
  return { regular: join(fontsDir, PRIMARY_FONT_FILES.regular), bold: join(fontsDir, PRIMARY_FONT_FILES.bold) };
}

/** Debian's fonts-noto-cjk: the simplified-Chinese faces of the collections, which cover extensions A to G. */
export const DEBIAN_NOTO_CJK: Readonly<Record<Weight, FontFile>> = {
  regular: { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', postscriptName: 'NotoSansCJKsc-Regular' },
  bold: { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc', postscriptName: 'NotoSansCJKsc-Bold' },
};

/** Which font draws a run: one of the two, or none (the run is drawn as placeholders and reported). */
export type FontRole = 'primary' | 'fallback' | 'missing';

export interface TextRun {
  role: FontRole;
  text: string;
}

/** `U+20BB7`: how a missing character is reported (the character itself may be invisible or unprintable). */
export function formatCodePoint(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Variation selectors choose a variant of the character before them (names may carry ideographic
 * variation sequences); they are not drawn on their own, so they go with that character's run and
 * fontkit applies them when the font knows the sequence, or draws the base character when it does not.
 */
export function isVariationSelector(codePoint: number): boolean {
  return (codePoint >= 0xfe00 && codePoint <= 0xfe0f) || (codePoint >= 0xe0100 && codePoint <= 0xe01ef);
}

function parseFont(buffer: Uint8Array, file: FontFile): Font {
  const parsed = create(buffer);
  if (parsed === null) throw new Error(`${file.path} is not a font`);
  if (!('fonts' in parsed)) return compactCffSubsets(parsed);
  const face = file.postscriptName === undefined ? parsed.fonts[0] : parsed.getFont(file.postscriptName);
  if (!face) throw new Error(`${file.path} has no face named ${file.postscriptName ?? '(any)'}`);
  return compactCffSubsets(face);
}

/** The parts of fontkit's CFFSubset that compactCffSubsets replaces or reads. */
interface CffSubsetInternals {
  cff?: { stream: { pos: number; readBuffer(length: number): Uint8Array } };
  subsetSubrs?: (subrs: Array<{ offset: number; length: number }>, used: Record<number, boolean>) => Uint8Array[];
}

const EMPTY_SUBROUTINE = new Uint8Array(0);
const RETURN_SUBROUTINE = new Uint8Array([11]);

/**
 * fontkit keeps every subroutine slot of a CFF font in a subset and fills the unused ones with a
 * one-byte `return`. Noto Sans CJK has some 28 000 local subroutines in one font dict, so a single
 * extension-B character cost ~53 KB of PDF (a receipt over its 80 KB budget). Leaving the unused slots
 * empty instead (a CFF INDEX may hold zero-length objects; nothing calls them) compresses them to
 * well under 1 KB, and as the slots stay, subroutine numbers and their bias are unchanged. The first
 * slot keeps its one-byte `return`: poppler refuses a font whose subroutine INDEX starts empty.
 * This reaches into fontkit's CFFSubset; if a fontkit release renames those internals, subsets are
 * simply larger again, and the document size test says so. TrueType fonts (the primary) are untouched.
 */
function compactCffSubsets(font: Font): Font {
  const createSubset = font.createSubset.bind(font);
  font.createSubset = () => {
    const subset = createSubset() as CffSubsetInternals;
    const cff = subset.cff;
    if (cff && typeof subset.subsetSubrs === 'function') {
      subset.subsetSubrs = (subrs, used) =>
        subrs.map((subr, index) => {
          if (!used[index]) return index === 0 ? RETURN_SUBROUTINE : EMPTY_SUBROUTINE;
          cff.stream.pos = subr.offset;
          return cff.stream.readBuffer(subr.length);
        });
    }
    return subset;
  };
  return font;
}

/**
 * The fonts of a running station, loaded once and shared by every document it prints: parsing is what
 * costs (the primary files are ~10 MB each), while each document embeds only the glyphs it uses.
 * The fallback collections (~20 MB each) are read only when a text first needs a character the
 * primary font lacks, and then kept: most stations may never print such a name.
 */
export class FontSet {
  private readonly fallbacks = new Map<Weight, Font | null>();

  private constructor(
    private readonly primaries: Record<Weight, Font>,
    private readonly fallbackFiles: Record<Weight, FontFile> | null,
  ) {}

  /** Reads and parses the primary fonts; throws when they are not where the options say. */
  static async load(options: FontSetOptions): Promise<FontSet> {
    const [regular, bold] = await Promise.all(
      weights.map(async (weight) => {
        const path = options.primary[weight];
        return parseFont(await readFile(path), { path });
      }),
    );
    return new FontSet({ regular: regular!, bold: bold! }, options.fallback);
  }

  /** The font of a role and weight; null for a fallback this machine does not have. */
  font(role: Exclude<FontRole, 'missing'>, weight: Weight): Font | null {
    return role === 'primary' ? this.primaries[weight] : this.fallback(weight);
  }

  primary(weight: Weight): Font {
    return this.primaries[weight];
  }

  /**
   * Loaded on first use, synchronously because text layout is: the first document with a rare
   * character pays for reading the collection once (see the receipt benchmark), later ones nothing.
   * A file that is absent means no fallback; one that is present but unreadable is an error.
   */
  private fallback(weight: Weight): Font | null {
    if (this.fallbacks.has(weight)) return this.fallbacks.get(weight) ?? null;
    const file = this.fallbackFiles?.[weight];
    const font = file && existsSync(file.path) ? parseFont(readFileSync(file.path), file) : null;
    this.fallbacks.set(weight, font);
    return font;
  }

  /**
   * Splits a text into runs by the font that can draw each code point: the primary font when it has
   * the glyph, else the fallback, else none ('missing'). Adjacent code points of one role form one run.
   */
  splitRuns(text: string, weight: Weight): TextRun[] {
    const runs: TextRun[] = [];
    for (const character of text) {
      const codePoint = character.codePointAt(0)!;
      const last = runs.at(-1);
      const role = last && isVariationSelector(codePoint) ? last.role : this.roleFor(codePoint, weight);
      if (last && last.role === role) last.text += character;
      else runs.push({ role, text: character });
    }
    return runs;
  }

  private roleFor(codePoint: number, weight: Weight): FontRole {
    if (this.primaries[weight].hasGlyphForCodePoint(codePoint)) return 'primary';
    return this.fallback(weight)?.hasGlyphForCodePoint(codePoint) ? 'fallback' : 'missing';
  }
}
