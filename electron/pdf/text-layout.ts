import { isVariationSelector, type FontRole, type FontSet, type Weight } from './fonts';

/**
 * Line breaking and measuring of mixed-font text, without pdfkit: pdfkit wraps a string in one font
 * only, while a name such as 李𠮷祥 needs two fonts on one line, and the thermal receipt must know its
 * height before its page can be made.
 */

export interface TextStyle {
  size: number;
  weight: Weight;
  /** Extra space after each character, in points (spaced-out titles). */
  tracking?: number;
  /** Line height as a multiple of the size. */
  leading?: number;
}

/** A piece of a line in one font; a 'missing' piece is drawn as placeholders, one per code point. */
export interface Segment {
  role: FontRole;
  text: string;
  width: number;
}

export interface Line {
  segments: Segment[];
  width: number;
}

/** What stands in for a character no font has: visible on paper, and the builder reports the character. */
export const PLACEHOLDER = '\u25a1';

export const DEFAULT_LEADING = 1.5;

export function lineHeight(style: TextStyle): number {
  return style.size * (style.leading ?? DEFAULT_LEADING);
}

const CLOSING = new Set([...'，。、；：！？）】」』》〉’”…·%,.;:!?)]}']);
const OPENING = new Set([...'（【「『《〈‘“([{']);
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u;
/** White space where a line may break; a no-break space is not one. */
const SPACE = /^[^\S\u00a0]$/u;

interface Unit {
  content: string;
  space: string;
}

/**
 * Splits a paragraph where a line may break: after spaces, and on either side of a Chinese character,
 * but never before closing punctuation (，。） …) nor after opening punctuation (（“ …).
 */
function breakUnits(paragraph: string): Unit[] {
  const units: Unit[] = [];
  let current: Unit = { content: '', space: '' };
  let breakAfterPrevious = false;
  let previousOpening = false;
  for (const character of paragraph) {
    if (SPACE.test(character)) {
      current.space += character;
      breakAfterPrevious = true;
      previousOpening = false;
      continue;
    }
    const cjk = CJK.test(character) && !CLOSING.has(character) && !OPENING.has(character);
    const mayBreak = !CLOSING.has(character) && !previousOpening && (breakAfterPrevious || cjk);
    if (mayBreak && (current.content || current.space)) {
      units.push(current);
      current = { content: '', space: '' };
    } else if (current.space) {
      // Closing punctuation after a space stays with the word before it: move the space behind it.
      current.content += current.space;
      current.space = '';
    }
    current.content += character;
    breakAfterPrevious = cjk || CLOSING.has(character);
    previousOpening = OPENING.has(character);
  }
  if (current.content || current.space) units.push(current);
  return units;
}

/**
 * Measures and lays out text for one font set; `onMissing` hears every code point no font could draw.
 * `features` are the OpenType features the text is drawn with, so that measuring agrees with drawing.
 */
export class TextLayout {
  constructor(
    private readonly fonts: FontSet,
    private readonly features: string[] | undefined,
    private readonly onMissing: (codePoint: number) => void,
  ) {}

  /** The segments of a text that is not wrapped, with their widths. */
  segments(text: string, style: TextStyle): Segment[] {
    return this.fonts.splitRuns(text, style.weight).map((run) => {
      if (run.role === 'missing') for (const character of run.text) this.onMissing(character.codePointAt(0)!);
      return { ...run, width: this.width(run.role, run.text, style) };
    });
  }

  /** The width of a run drawn in the font of its role (placeholders for a missing one). */
  private width(role: FontRole, text: string, style: TextStyle): number {
    const font = role === 'missing' ? this.fonts.primary(style.weight) : this.fonts.font(role, style.weight);
    if (!font) throw new Error(`no ${role} font for a run that was assigned to it`);
    const drawn = role === 'missing' ? PLACEHOLDER.repeat([...text].length) : text;
    const tracking = (style.tracking ?? 0) * [...drawn].length;
    return (font.layout(drawn, this.features).advanceWidth / font.unitsPerEm) * style.size + tracking;
  }

  /** The text broken into lines no wider than `maxWidth` (a longer word is broken between characters). */
  lines(text: string, style: TextStyle, maxWidth: number): Line[] {
    const lines: Line[] = [];
    for (const paragraph of text.split(/\r?\n/)) {
      const units = breakUnits(paragraph);
      let line: Line = { segments: [], width: 0 };
      let pendingSpace = '';
      const flush = () => {
        lines.push(trimTracking(line, style));
        line = { segments: [], width: 0 };
        pendingSpace = '';
      };
      const queue = [...units];
      while (queue.length > 0) {
        const unit = queue.shift()!;
        const content = this.segments(unit.content, style);
        const contentWidth = sum(content);
        const space = pendingSpace ? this.segments(pendingSpace, style) : [];
        if (line.segments.length > 0 && line.width + sum(space) + contentWidth > maxWidth) {
          flush();
          queue.unshift(unit);
          continue;
        }
        if (line.segments.length === 0 && contentWidth > maxWidth && [...unit.content].length > 1) {
          // A word wider than the line (a long number, a long Latin name): break it between characters.
          queue.unshift(...splitCharacters(unit));
          continue;
        }
        for (const segment of [...space, ...content]) appendSegment(line, segment);
        pendingSpace = unit.space;
      }
      flush();
    }
    return lines;
  }
}

function sum(segments: Segment[]): number {
  return segments.reduce((total, segment) => total + segment.width, 0);
}

function appendSegment(line: Line, segment: Segment): void {
  const last = line.segments.at(-1);
  if (last && last.role === segment.role) {
    last.text += segment.text;
    last.width += segment.width;
  } else {
    line.segments.push({ ...segment });
  }
  line.width += segment.width;
}

/** The tracking after the last character is no part of the line's visible width (it would shift centring). */
function trimTracking(line: Line, style: TextStyle): Line {
  return line.segments.length > 0 && style.tracking ? { ...line, width: line.width - style.tracking } : line;
}

/** One unit per character, variation selectors kept with the character before them; the space stays last. */
function splitCharacters(unit: Unit): Unit[] {
  const pieces: Unit[] = [];
  for (const character of unit.content) {
    const last = pieces.at(-1);
    if (last && isVariationSelector(character.codePointAt(0)!)) last.content += character;
    else pieces.push({ content: character, space: '' });
  }
  pieces.at(-1)!.space = unit.space;
  return pieces;
}
