import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import type { Language } from '../../../shared/i18n/languages';
import { translations } from '../../../shared/i18n/resources';

/**
 * The WCAG levels every screen is held to: A and AA of 2.0, 2.1 and 2.2. `target-size` (2.5.8, pointer
 * targets of at least 24 × 24 CSS pixels) is a 2.2 AA rule and only runs with `wcag22aa`.
 */
export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] as const;

/** Rules a screen check must have run, so that a change of tags cannot silently drop them. */
const requiredRules = ['target-size', 'color-contrast', 'label', 'button-name'] as const;

/**
 * A violation a screen keeps on purpose: one rule on the elements `selector` matches, never more, with the
 * reason written where the exclusion is made.
 */
export interface AxeExclusion {
  rule: string;
  selector: string;
  why: string;
}

/** One rule broken on one screen, as the spec reports it. */
export interface ScreenViolation {
  screen: string;
  rule: string;
  impact: string | null | undefined;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core with `wcagTags` on what the page shows now (or only the part the selector `within` picks) and
 * returns the violations that no exclusion covers, each named with `screen`. An exclusion drops a node only if
 * the node matches its selector.
 */
export async function screenViolations(page: Page, screen: string, exclusions: readonly AxeExclusion[] = [], within?: string): Promise<ScreenViolation[]> {
  const builder = new AxeBuilder({ page }).withTags([...wcagTags]);
  if (within !== undefined) builder.include(within);
  const results = await builder.analyze();
  const ran = new Set([...results.passes, ...results.violations, ...results.incomplete, ...results.inapplicable].map((rule) => rule.id));
  const missing = requiredRules.filter((rule) => !ran.has(rule));
  if (missing.length > 0) throw new Error(`axe did not run ${missing.join(', ')} on ${screen}`);
  const found: ScreenViolation[] = [];
  for (const violation of results.violations) {
    const targets: string[] = [];
    for (const node of violation.nodes) {
      const target = node.target.map(String).join(' ');
      if (!(await isExcluded(page, violation.id, node.target, exclusions))) targets.push(`${target} — ${node.failureSummary ?? ''}`.trim());
    }
    if (targets.length > 0) found.push({ screen, rule: violation.id, impact: violation.impact, help: violation.help, targets });
  }
  return found;
}

async function isExcluded(page: Page, rule: string, target: readonly unknown[], exclusions: readonly AxeExclusion[]): Promise<boolean> {
  const selectors = exclusions.filter((exclusion) => exclusion.rule === rule).map((exclusion) => exclusion.selector);
  // Targets inside frames or shadow roots have more than one part; none of the screens has either.
  if (selectors.length === 0 || target.length !== 1 || typeof target[0] !== 'string') return false;
  const selector = target[0];
  return page.evaluate(
    ({ selector, selectors }) => {
      const element = document.querySelector(selector);
      return element !== null && selectors.some((candidate) => element.matches(candidate));
    },
    { selector, selectors },
  );
}

/** The violations, one block per screen and rule, for a failure message a person can act on. */
export function describeViolations(violations: readonly ScreenViolation[]): string {
  return violations
    .map((violation) => `${violation.screen}: ${violation.rule} (${violation.impact ?? 'n/a'}) ${violation.help}\n  ${violation.targets.join('\n  ')}`)
    .join('\n');
}

/**
 * Checks screen after screen of one walk and fails once at its end, listing everything found on every screen
 * (a walk that stopped at its first finding would hide the rest). `prefix` names the walk in the listing.
 */
export class ScreenChecks {
  private readonly found: ScreenViolation[] = [];

  constructor(
    private readonly page: Page,
    private readonly prefix: string,
    private readonly exclusions: readonly AxeExclusion[] = [],
  ) {}

  /** Checks the page as it is now, or only the part `within` selects. */
  async check(screen: string, within?: string): Promise<void> {
    this.found.push(...(await screenViolations(this.page, `${this.prefix} ${screen}`, this.exclusions, within)));
  }

  expectNone(): void {
    expect(this.found, describeViolations(this.found)).toEqual([]);
  }
}

/**
 * The text of `key` ("namespace:path.to.key") in `language`, from the product's own locale files, so that
 * a walk through the screens reads the same labels whichever language it runs in.
 */
export function text(language: Language, key: string): string {
  const [namespace, path] = key.includes(':') ? (key.split(':', 2) as [string, string]) : ['common', key];
  let node: unknown = (translations[language] as Record<string, unknown>)[namespace];
  for (const part of path.split('.')) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
  if (typeof node !== 'string') throw new Error(`no text ${key} in ${language}`);
  return node;
}

/**
 * How the focused element shows it has the focus: a drawn outline at least 2 CSS pixels wide (the
 * browser's own thin `auto` ring does not count) or a box shadow. Null when nothing shows it.
 */
export async function focusIndicator(page: Page): Promise<{ element: string; indicator: string | null }> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!(element instanceof HTMLElement) || element === document.body) return { element: 'body', indicator: null };
    const style = getComputedStyle(element);
    const name = `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''} "${(element.getAttribute('aria-label') ?? element.textContent ?? '').trim().slice(0, 40)}"`;
    const drawn = (outline: CSSStyleDeclaration) => !['none', 'auto'].includes(outline.outlineStyle) && parseFloat(outline.outlineWidth) >= 2;
    const outlined = drawn(style);
    if (outlined) return { element: name, indicator: `outline ${style.outlineStyle} ${style.outlineWidth}` };
    if (style.boxShadow !== 'none') return { element: name, indicator: `box-shadow ${style.boxShadow}` };
    // A radio or checkbox inside a label-choice shows its focus on the choice around it (:has(:focus-visible)).
    const holder = element.closest('label');
    if (holder) {
      const around = getComputedStyle(holder);
      if (drawn(around)) return { element: name, indicator: `label outline ${around.outlineStyle}` };
    }
    return { element: name, indicator: null };
  });
}

/**
 * Tabs through the page from its top until the focus comes back round (at most `limit` presses) and returns
 * each stop with how it shows its focus, then the controls on screen that no Tab reached. A radio group is
 * one stop (arrow keys move inside it), so one reached radio stands for its whole group.
 */
export async function tabThrough(page: Page, limit = 120): Promise<{ stops: Array<{ element: string; indicator: string | null }>; unreached: string[] }> {
  await page.evaluate(() => {
    for (const marked of Array.from(document.querySelectorAll('[data-tab-reached]'))) marked.removeAttribute('data-tab-reached');
    (document.activeElement as HTMLElement | null)?.blur();
  });
  const stops: Array<{ element: string; indicator: string | null }> = [];
  for (let press = 0; press < limit; press += 1) {
    await page.keyboard.press('Tab');
    const seenBefore = await page.evaluate(() => {
      const element = document.activeElement;
      if (!(element instanceof HTMLElement) || element === document.body) return false;
      const seen = element.hasAttribute('data-tab-reached');
      element.setAttribute('data-tab-reached', '');
      return seen;
    });
    if (seenBefore) break;
    const stop = await focusIndicator(page);
    if (stop.element !== 'body') stops.push(stop);
  }
  const unreached = await page.evaluate(() => {
    const controls = document.querySelectorAll<HTMLElement>(
      'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])',
    );
    const missed: string[] = [];
    for (const control of Array.from(controls)) {
      if (control.getClientRects().length === 0 || control.closest('[inert]') || control.hasAttribute('data-tab-reached')) continue;
      // The on-screen keypad's keys are out of the Tab order on purpose: each repeats what typing into the field
      // it belongs to does, and that field is a Tab stop, so a keyboard user loses nothing (WCAG 2.1.1 is met).
      if (control.closest('[data-testid="numeric-keypad"]')) continue;
      if (control instanceof HTMLInputElement && control.type === 'radio' && control.name) {
        const group = document.querySelectorAll(`input[type="radio"][name="${CSS.escape(control.name)}"][data-tab-reached]`);
        if (group.length > 0) continue;
      }
      missed.push(`${control.tagName.toLowerCase()}${control.id ? `#${control.id}` : ''} "${(control.getAttribute('aria-label') ?? control.textContent ?? '').trim().slice(0, 40)}"`);
    }
    return missed;
  });
  return { stops, unreached };
}
