import PDFDocument from 'pdfkit';
import type { Language } from '../../shared/i18n/languages';
import { formatCodePoint, type FontRole, type FontSet, type Weight } from './fonts';
import { drawQrCode } from './qr';
import { lineHeight, PLACEHOLDER, TextLayout, type Line, type TextStyle } from './text-layout';

/** What every builder returns: the file, and the characters no font could draw (`U+XXXX`, first seen first). */
export interface DocumentResult {
  pdf: Buffer;
  missing: string[];
}

export interface CanvasOptions {
  language: Language;
  /**
   * Document properties a viewer shows: the title (with the serial number), and the station as author.
   * Never a name: file managers and search indexes read these.
   */
  title: string;
  author: string;
  subject: string;
}

export type Align = 'left' | 'center' | 'right';

export interface DrawStyle extends TextStyle {
  align?: Align;
  color?: string;
}

export const INK = '#1a1a1a';

/** Where a block of text goes: its top-left corner and the width its lines wrap to. */
export interface TextBox {
  x: number;
  y: number;
  width: number;
}

/**
 * A pdfkit document with the station's fonts: draws mixed-font text at exact positions (every font
 * switch and every missing character handled here, so builders only place blocks), draws QR codes,
 * and collects what could not be drawn. Vector drawing (frames, rules) goes to `doc` directly.
 */
export class Canvas {
  readonly doc: PDFKit.PDFDocument;
  private readonly layout: TextLayout;
  private readonly missing = new Set<number>();
  private readonly registered = new Set<string>();
  private readonly output: Promise<Buffer>;
  private readonly features: PDFKit.Mixins.OpenTypeFeatures[] | undefined;

  constructor(
    private readonly fonts: FontSet,
    options: CanvasOptions,
  ) {
    // The Chinese fonts draw quotation marks and other shared punctuation full-width, as Chinese text
    // wants them; English text wants them proportional ('pwid'), or “quotes” stand apart from words.
    this.features = options.language === 'en' ? ['pwid'] : undefined;
    this.layout = new TextLayout(fonts, this.features, (codePoint) => this.missing.add(codePoint));
    this.doc = new PDFDocument({
      autoFirstPage: false,
      // No default font: pdfkit would otherwise load Helvetica's metrics for nothing.
      font: '',
      lang: options.language,
      displayTitle: true,
      info: { Title: options.title, Author: options.author, Subject: options.subject, Creator: 'Relay Station' },
    });
    const chunks: Buffer[] = [];
    this.doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    this.output = new Promise((resolve, reject) => {
      this.doc.on('end', () => resolve(Buffer.concat(chunks)));
      this.doc.on('error', reject);
    });
  }

  /** A page of the given size in points; everything is placed explicitly, so pdfkit's margins are zero. */
  addPage(width: number, height: number): void {
    this.doc.addPage({ size: [width, height], margin: 0 });
  }

  private lines(text: string, width: number, style: TextStyle): Line[] {
    return this.layout.lines(text, style, width);
  }

  /** The height a text takes in a box of the given width. */
  measure(text: string, width: number, style: TextStyle): number {
    return this.lines(text, width, style).length * lineHeight(style);
  }

  /** The width of a text on one line (labels, table columns). */
  widthOf(text: string, style: TextStyle): number {
    return this.layout.segments(text, style).reduce((total, segment) => total + segment.width, 0);
  }

  /** Draws a text wrapped into the box; returns the height it took. */
  text(text: string, box: TextBox, style: DrawStyle): number {
    const lines = this.lines(text, box.width, style);
    const height = lineHeight(style);
    lines.forEach((line, index) => this.drawLine(line, box, box.y + index * height, style));
    return lines.length * height;
  }

  private drawLine(line: Line, box: TextBox, top: number, style: DrawStyle): void {
    const primary = this.fonts.primary(style.weight);
    const ascent = (primary.ascent / primary.unitsPerEm) * style.size;
    const descent = (-primary.descent / primary.unitsPerEm) * style.size;
    // Centre the primary font's ascent and descent in the line: every font then shares that baseline.
    const baseline = top + (lineHeight(style) - ascent - descent) / 2 + ascent;
    const align = style.align ?? 'left';
    let x = box.x + (align === 'center' ? (box.width - line.width) / 2 : align === 'right' ? box.width - line.width : 0);
    for (const segment of line.segments) {
      const drawn = segment.role === 'missing' ? PLACEHOLDER.repeat([...segment.text].length) : segment.text;
      this.useFont(segment.role === 'missing' ? 'primary' : segment.role, style.weight);
      this.doc
        .fontSize(style.size)
        .fillColor(style.color ?? INK)
        .text(drawn, x, baseline, {
          lineBreak: false,
          baseline: 'alphabetic',
          characterSpacing: style.tracking ?? 0,
          features: this.features,
        });
      x += segment.width;
    }
  }

  /** Registers a font with this document on first use: only fonts that draw something are embedded. */
  private useFont(role: Exclude<FontRole, 'missing'>, weight: Weight): void {
    const name = `${role}-${weight}`;
    if (!this.registered.has(name)) {
      const font = this.fonts.font(role, weight);
      if (!font) throw new Error(`the ${name} font is not available`);
      // pdfkit takes a parsed fontkit font as a source (it checks for `layout`), which spares each
      // document re-parsing the font file; its type definitions do not list that form yet.
      this.doc.registerFont(name, font as unknown as PDFKit.Mixins.PDFFontSource);
      this.registered.add(name);
    }
    this.doc.font(name);
  }

  qr(payload: string, x: number, y: number, size: number): void {
    drawQrCode(this.doc, payload, x, y, size);
  }

  async finish(): Promise<DocumentResult> {
    this.doc.end();
    const pdf = await this.output;
    return { pdf, missing: [...this.missing].map(formatCodePoint) };
  }
}
