import type { Page } from '@playwright/test';
import { expect } from '../fixtures';

/** The elder-friendly mode's rules, in CSS pixels (工信部 适老化: 18 pt body text, 30 pt headings, 60 × 60 targets). */
export const elderRules = { bodyPx: 24, headingPx: 40, targetPx: 60, gapPx: 8, lineHeight: 1.3, contrast: 7 } as const;

/** The toggle in the header of every public screen, in either language. */
export function elderToggle(page: Page) {
  return page.getByRole('button', { name: /大字模式|Large text/ });
}

/** Turns the elder-friendly mode on with the visitor's one tap, and waits until the page shows it. */
export async function turnOnElderMode(page: Page): Promise<void> {
  const toggle = elderToggle(page);
  if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('html')).toHaveAttribute('data-elder-mode', 'on');
}

/** An sRGB colour as `getComputedStyle` writes it (`rgb(…)` or `rgba(…)`), with its alpha. */
export interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

export function parseColour(text: string): Rgba {
  const parts = /rgba?\(([^)]+)\)/.exec(text)?.[1]?.split(/[\s,/]+/).filter(Boolean).map(Number);
  if (!parts || parts.length < 3) throw new Error(`not an rgb colour: ${text}`);
  return { r: parts[0]!, g: parts[1]!, b: parts[2]!, a: parts[3] ?? 1 };
}

/** WCAG 2 relative luminance of an opaque sRGB colour. */
export function relativeLuminance({ r, g, b }: Rgba): number {
  const linear = (channel: number) => {
    const c = channel / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** WCAG 2 contrast ratio of two opaque colours, from 1 to 21. */
export function contrastRatio(a: Rgba, b: Rgba): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** `top` laid over the opaque `bottom`, by its alpha. */
export function over(top: Rgba, bottom: Rgba): Rgba {
  const mix = (t: number, u: number) => t * top.a + u * (1 - top.a);
  return { r: mix(top.r, bottom.r), g: mix(top.g, bottom.g), b: mix(top.b, bottom.b), a: 1 };
}

/** One visible text element as the page computed it, with the backgrounds beneath it, innermost first. */
interface MeasuredText {
  what: string;
  heading: boolean;
  fontPx: number;
  lineHeightPx: number | null;
  colour: string;
  backgrounds: string[];
}

/** One enabled target (button, field, link, summary) and its box. */
interface MeasuredTarget {
  what: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What the page shows now: every element with text of its own, and every enabled target. */
async function measure(page: Page): Promise<{ texts: MeasuredText[]; targets: MeasuredTarget[] }> {
  return page.evaluate(() => {
    const describe = (element: Element) => {
      const text = (element.textContent ?? '').trim().slice(0, 30);
      const id = element.id ? `#${element.id}` : '';
      return `${element.tagName.toLowerCase()}${id}${element.className && typeof element.className === 'string' ? `.${element.className.split(' ').join('.')}` : ''} "${text}"`;
    };
    const shown = (element: Element) => {
      const box = element.getBoundingClientRect();
      const style = getComputedStyle(element);
      // checkVisibility leaves out what a closed <details> holds; a radio drawn transparent over its label still counts.
      return box.width > 1 && box.height > 1 && style.visibility !== 'hidden' && element.checkVisibility() && element.closest('[hidden], [aria-hidden="true"]') === null;
    };
    const disabled = (element: Element) => element.closest(':disabled, [aria-disabled="true"]') !== null;
    const texts = Array.from(document.querySelectorAll('body *'))
      .filter((element) => Array.from(element.childNodes).some((node) => node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim() !== ''))
      .filter((element) => shown(element) && !disabled(element) && !['SCRIPT', 'STYLE', 'OPTION'].includes(element.tagName))
      .map((element) => {
        const style = getComputedStyle(element);
        const backgrounds: string[] = [];
        for (let at: Element | null = element; at; at = at.parentElement) backgrounds.push(getComputedStyle(at).backgroundColor);
        return {
          what: describe(element),
          heading: /^H[1-6]$/.test(element.tagName),
          fontPx: parseFloat(style.fontSize),
          lineHeightPx: style.lineHeight === 'normal' ? null : parseFloat(style.lineHeight),
          colour: style.color,
          backgrounds,
        };
      });
    const targets = Array.from(document.querySelectorAll('button, input:not([type="hidden"]), select, textarea, a[href], summary'))
      .filter((element) => shown(element) && !disabled(element))
      .map((element) => {
        const box = element.getBoundingClientRect();
        return { what: describe(element), x: box.x, y: box.y, width: box.width, height: box.height };
      });
    return { texts, targets };
  });
}

/** The colour a text is drawn on: its backgrounds composed from the page's white up to its own. */
function backgroundOf(backgrounds: string[]): Rgba {
  return backgrounds.map(parseColour).reduceRight<Rgba>((beneath, layer) => over(layer, beneath), { r: 255, g: 255, b: 255, a: 1 });
}

/** The empty space between two boxes (0 when they touch or overlap). */
function gapBetween(a: MeasuredTarget, b: MeasuredTarget): number {
  const dx = Math.max(0, b.x - (a.x + a.width), a.x - (b.x + b.width));
  const dy = Math.max(0, b.y - (a.y + a.height), a.y - (b.y + b.height));
  return Math.hypot(dx, dy);
}

/** Every text on screen whose contrast with what it is drawn on is below `minimum`, with the ratio found. */
export async function lowContrastTexts(page: Page, minimum: number): Promise<string[]> {
  const { texts } = await measure(page);
  return texts
    .map((text) => ({ what: text.what, ratio: contrastRatio(over(parseColour(text.colour), backgroundOf(text.backgrounds)), backgroundOf(text.backgrounds)) }))
    .filter(({ ratio }) => ratio < minimum)
    .map(({ what, ratio }) => `${what}: ${ratio.toFixed(2)}:1`);
}

/**
 * What on the screen shown now breaks the elder-friendly rules: text below 24 px, a heading below
 * 40 px, a line height below 1.3, contrast below 7:1, a target below 60 × 60 px or closer than 8 px to
 * another. Empty when the screen keeps them all.
 */
export async function elderModeBreaches(page: Page): Promise<string[]> {
  const { texts, targets } = await measure(page);
  const breaches: string[] = [];
  for (const text of texts) {
    if (text.fontPx < elderRules.bodyPx - 0.01) breaches.push(`text ${text.fontPx}px: ${text.what}`);
    if (text.heading && text.fontPx < elderRules.headingPx - 0.01) breaches.push(`heading ${text.fontPx}px: ${text.what}`);
    if (text.lineHeightPx === null || text.lineHeightPx / text.fontPx < elderRules.lineHeight - 0.001) breaches.push(`line height ${text.lineHeightPx}px at ${text.fontPx}px: ${text.what}`);
  }
  breaches.push(...(await lowContrastTexts(page, elderRules.contrast)).map((found) => `contrast ${found}`));
  for (const target of targets) {
    if (target.width < elderRules.targetPx - 0.5 || target.height < elderRules.targetPx - 0.5) {
      breaches.push(`target ${Math.round(target.width)}×${Math.round(target.height)}: ${target.what}`);
    }
  }
  targets.forEach((a, index) => {
    for (const b of targets.slice(index + 1)) {
      const gap = gapBetween(a, b);
      if (gap < elderRules.gapPx - 0.5) breaches.push(`gap ${gap.toFixed(1)}px: ${a.what} / ${b.what}`);
    }
  });
  return breaches;
}

/** The computed font size of the page's body text and of its first `h1`, in pixels. */
export async function fontSizes(page: Page): Promise<{ body: number; h1: number }> {
  return page.evaluate(() => ({
    body: parseFloat(getComputedStyle(document.querySelector('main p, main label, main li, main span') ?? document.body).fontSize),
    h1: parseFloat(getComputedStyle(document.querySelector('h1') ?? document.body).fontSize),
  }));
}
