import type { Page } from '@playwright/test';
import { consoleText, expect, test } from '../console-fixtures';

/** Every script the page fetched so far, as text. */
function scriptsOf(page: Page): () => Promise<string> {
  const scripts: Promise<string>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') scripts.push(response.text());
  });
  return async () => (await Promise.all(scripts)).join('\n');
}

// Texts a script carries as they are written: the build keeps Chinese as UTF-8, and these English ones hold
// nothing a string literal would escape.
const englishConsoleText = consoleText('en', 'consoleStations', 'intro');
const englishStationText = consoleText('en', 'validation', 'donation_kind');
const chineseConsoleText = consoleText('zh-CN', 'consoleStations', 'intro');

test.describe('console texts', () => {
  test('the console opens in Chinese carrying no English and none of the station’s texts, and fetches English when switched to it', async ({ page, consoleHub }) => {
    expect(englishConsoleText).toMatch(/^[\x20-\x7e]+$/);
    expect(englishStationText).toMatch(/^[\x20-\x7e]+$/);
    expect(englishStationText).not.toMatch(/["'\\]/);
    const fetched = scriptsOf(page);
    await page.goto(consoleHub.url);
    await expect(page.getByRole('heading', { name: consoleText('zh-CN', 'console', 'signIn.title') })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page).toHaveTitle(consoleText('zh-CN', 'console', 'appName'));
    const opened = await fetched();
    expect(opened.includes(chineseConsoleText), 'the Chinese texts are in').toBe(true);
    expect(opened.includes(englishConsoleText), 'no English text before English is asked for').toBe(false);
    expect(opened.includes(englishStationText), 'none of the station’s own texts').toBe(false);

    await page.getByRole('button', { name: consoleText('en', 'common', 'language.en') }).click();
    await expect(page.getByRole('heading', { name: consoleText('en', 'console', 'signIn.title') })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page).toHaveTitle(consoleText('en', 'console', 'appName'));
    const switched = await fetched();
    expect(switched.includes(englishConsoleText), 'the English texts came with the switch').toBe(true);
    expect(switched.includes(englishStationText), 'still none of the station’s own texts').toBe(false);

    // Back to Chinese: its texts are in already.
    await page.getByRole('button', { name: consoleText('zh-CN', 'common', 'language.zh-CN') }).click();
    await expect(page.getByRole('heading', { name: consoleText('zh-CN', 'console', 'signIn.title') })).toBeVisible();
  });
});
