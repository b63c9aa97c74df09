/**
 * The little of fontkit (pdfkit's font engine, installed with pdfkit) that the document fonts use:
 * fontkit publishes no type definitions of its own.
 */
declare module 'fontkit' {
  export interface GlyphRun {
    /** In font units; multiply by size / unitsPerEm for points. */
    advanceWidth: number;
  }

  export interface Font {
    type: string;
    postscriptName: string;
    unitsPerEm: number;
    ascent: number;
    descent: number;
    hasGlyphForCodePoint(codePoint: number): boolean;
    /** Shapes a text; `features` are OpenType feature tags to apply besides the defaults. */
    layout(text: string, features?: string[]): GlyphRun;
    /** What pdfkit embeds; for a CFF font, fontkit's CFFSubset (see compactCffSubsets in fonts.ts). */
    createSubset(): unknown;
  }

  export interface FontCollection {
    type: 'TTC' | 'DFont';
    fonts: Font[];
    getFont(postscriptName: string): Font | null;
  }

  /** A font, or a collection when the file is one and no postscript name picks a face from it. */
  export function create(buffer: Uint8Array, postscriptName?: string): Font | FontCollection | null;
}
