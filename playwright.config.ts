import { defineConfig } from '@playwright/test';

// Debian's Chromium, never a downloaded browser. Background networking is off because this machine
// (and CI) has no network beyond the package registries.
export default defineConfig({
  testDir: 'tests/e2e',
  // Playwright empties its output folder on every run; its own subfolder leaves the other artefacts
  // in test-results (the rendered documents in test-results/documents) for a person to look at.
  outputDir: 'test-results/e2e',
  fullyParallel: true,
  workers: 2,
  forbidOnly: true,
  retries: 0,
  timeout: 30_000,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    headless: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
