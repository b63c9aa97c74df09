import type { Locator } from '@playwright/test';
import { DASHBOARD_NOW, seedDashboard } from '../fixtures/dashboard';
import { beijing, figuresDesk } from '../fixtures/figures';
import { sampleSetup } from '../fixtures/temp-station';
import { expect, openTileAs, sampleAdmin, sampleStation, testOnPinnedClock } from './fixtures';

/** The dashboard as tests/e2e/dashboard.spec.ts sees it, on the 1280-pixel screen of a station desk. */
const test = testOnPinnedClock(beijing('2025-01-02', '08:00'));
test.use({ viewport: { width: 1280, height: 900 } });

test.beforeEach(async ({ station, clock, page, openApp }) => {
  expect((await station.dispatch('station:setup', sampleSetup, figuresDesk)).ok).toBe(true);
  await seedDashboard(station, clock);
  await page.clock.setFixedTime(new Date(DASHBOARD_NOW));
  await openApp();
  await expect(page.getByRole('heading', { name: sampleStation.name })).toBeVisible();
});

/** Every category of both charts, in the order of the contract, in each language. */
const charts = {
  zh: {
    tile: '统计看板',
    programs: ['器官捐献', '角膜捐献', '遗体捐献', '造血干细胞志愿者'],
    heardFrom: ['生命教育活动', '宣传活动', '媒体', '亲友介绍', '其他', '未填写'],
  },
  en: {
    tile: 'Statistics dashboard',
    programs: ['Organ donation', 'Cornea donation', 'Body donation', 'Stem-cell volunteers'],
    heardFrom: ['Life-education session', 'Campaign', 'Media', 'Family or friends', 'Other', 'Not given'],
  },
} as const;

/**
 * The category labels a chart draws, each with whether it lies wholly inside the chart's drawing: a label
 * skipped for lack of room is missing, one cut short differs, and one pushed past the edge is not inside.
 */
async function drawnLabels(chart: Locator): Promise<Array<{ text: string; inside: boolean }>> {
  return chart.locator('svg[role="img"]').evaluate((svg) => {
    const box = svg.getBoundingClientRect();
    const ticks = Array.from(svg.querySelectorAll('.recharts-cartesian-axis-tick-value'));
    // The value axis reads in figures; the category axis in words.
    const categories = ticks.filter((tick) => !/^[\d,.]+$/u.test(tick.textContent ?? ''));
    return categories.map((label) => {
      const drawn = label.getBoundingClientRect();
      return {
        text: label.textContent ?? '',
        inside: drawn.width > 0 && drawn.left >= box.left && drawn.right <= box.right && drawn.top >= box.top && drawn.bottom <= box.bottom,
      };
    });
  });
}

for (const [language, l] of Object.entries(charts)) {
  test(`${language}: at 1280 px every program and every source is labelled in full`, async ({ page }) => {
    await openTileAs(page, language as keyof typeof charts, sampleAdmin, l.tile);
    for (const [testId, labels] of [
      ['dashboard-chart-programs', l.programs],
      ['dashboard-chart-heard-from', l.heardFrom],
    ] as const) {
      const chart = page.getByTestId(testId);
      await expect(chart.locator('svg[role="img"]')).toBeVisible();
      expect(await drawnLabels(chart), testId).toEqual(labels.map((text) => ({ text, inside: true })));
    }
  });
}
