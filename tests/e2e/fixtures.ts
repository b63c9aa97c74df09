import { fileURLToPath } from 'node:url';
import { test as base, expect, type Page } from '@playwright/test';
import type { OpenStation } from '../../electron/app/open-station';
import { startStationHost, type StationHost } from '../../electron/host/server';
import type { StaffRole } from '../../shared/domain/roles';
import type { StationKind } from '../../shared/domain/station';
import { PinnedClock } from '../fixtures/figures';
import { openTempStation, sampleAdmin, sampleSetup, sampleStation } from '../fixtures/temp-station';
import { text } from './support/axe';

const builtRenderer = fileURLToPath(new URL('../../dist/renderer', import.meta.url));

/** The session the tests act in when they prepare data directly through the dispatcher. */
export const adminCaller = { sessionKey: 'test-admin' } as const;

export interface StaffAccount {
  username: string;
  displayName: string;
  role: StaffRole;
  password: string;
  pin: string;
}

/** One ready-made account per role, for tests that need someone other than the first administrator. */
export const sampleStaff: Record<StaffRole, StaffAccount> = {
  registrar: { username: 'wangfang', displayName: '王芳', role: 'registrar', password: 'registrar passphrase', pin: '1357' },
  supervisor: { username: 'chenjing', displayName: '陈静', role: 'supervisor', password: 'supervisor passphrase', pin: '2468' },
  auditor: { username: 'liuyang', displayName: '刘洋', role: 'auditor', password: 'auditor passphrase', pin: '9753' },
  admin: { username: 'zhaolei', displayName: '赵磊', role: 'admin', password: 'second admin passphrase', pin: '8642' },
};

interface StationFixtures {
  /** The kind `setUpStation` sets the station up as (the public home offers that kind's areas); `test.use` changes it. */
  stationKind: StationKind;
  /** A fresh station (real SQLite file in a temp folder) served by the real station host. */
  station: OpenStation;
  host: StationHost;
  /** Opens the renderer with a launch address of the host, as `npm run host` would. */
  openApp: () => Promise<void>;
  /** The station already set up with its first administrator, for tests that start after first run. */
  setUpStation: () => Promise<void>;
  /** `setUpStation`, then `openApp`, waiting until the public home shows the station's name. */
  openHome: () => Promise<void>;
  /** Creates a staff account of that role through the dispatcher, as the first administrator. */
  createStaff: (role: StaffRole) => Promise<StaffAccount>;
}

export const test = base.extend<StationFixtures>({
  station: async ({}, use) => {
    const station = await openTempStation();
    await use(station);
    await station.remove();
  },
  host: async ({ station }, use) => {
    const host = await startStationHost({ dispatch: station.dispatch, staticRoot: builtRenderer });
    await use(host);
    await host.close();
  },
  openApp: async ({ page, host }, use) => {
    await use(async () => {
      await page.goto(host.issueLaunchUrl());
    });
  },
  stationKind: [sampleSetup.kind, { option: true }],
  setUpStation: async ({ station, stationKind }, use) => {
    await use(async () => {
      const result = await station.dispatch('station:setup', { ...sampleSetup, kind: stationKind }, adminCaller);
      expect(result.ok).toBe(true);
    });
  },
  openHome: async ({ page, setUpStation, openApp }, use) => {
    await use(async () => {
      await setUpStation();
      await openApp();
      await expect(page.getByRole('heading', { name: sampleStation.name })).toBeVisible();
    });
  },
  createStaff: async ({ station }, use) => {
    await use(async (role) => {
      const account = sampleStaff[role];
      const login = await station.dispatch('session:login', { username: sampleAdmin.username, password: sampleAdmin.password }, adminCaller);
      expect(login.ok).toBe(true);
      const created = await station.dispatch('staff:create', account, adminCaller);
      expect(created).toMatchObject({ ok: true });
      return account;
    });
  },
});

/**
 * The same fixtures on a station whose clock stands at `start` (an ISO moment) until the test sets it:
 * for data recorded through the real calls at their own times.
 */
export function testOnPinnedClock(start: string) {
  return test.extend<{ clock: PinnedClock }>({
    clock: async ({}, use) => {
      await use(new PinnedClock(new Date(start)));
    },
    station: async ({ clock }, use) => {
      const station = await openTempStation({ clock });
      await use(station);
      await station.remove();
    },
  });
}

export { expect, sampleAdmin, sampleStation };

/** Signs a staff member in through the screen (Chinese interface), from any screen showing the header. */
export async function signIn(page: Page, account: { username: string; password: string; displayName: string }): Promise<void> {
  await page.getByRole('button', { name: '工作人员登录' }).click();
  await page.getByLabel('用户名').fill(account.username);
  await page.getByLabel('密码').fill(account.password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page.getByTestId('staff-name')).toHaveText(account.displayName);
}

/** The header's language and sign-in labels in each interface language. */
const staffLabels = {
  zh: { language: '简体中文', signIn: '工作人员登录', username: '用户名', password: '密码', login: '登录' },
  en: { language: 'English', signIn: 'Staff sign-in', username: 'Username', password: 'Password', login: 'Sign in' },
} as const;

/** Switches the interface to `language`, signs `account` in and opens the home tile titled exactly `tile`. */
export async function openTileAs(
  page: Page,
  language: keyof typeof staffLabels,
  account: { username: string; password: string; displayName: string },
  tile: string,
): Promise<void> {
  const l = staffLabels[language];
  await page.getByRole('button', { name: l.language, exact: true }).click();
  await page.getByRole('button', { name: l.signIn }).click();
  await page.getByLabel(l.username).fill(account.username);
  await page.getByLabel(l.password).fill(account.password);
  await page.getByRole('button', { name: l.login, exact: true }).click();
  await expect(page.getByTestId('staff-name')).toHaveText(account.displayName);
  await openTile(page, tile);
}

/**
 * Signs the staff member out with the bar's button and waits until the sign-in button is back, so the next
 * sign-in never races the sign-out still under way (the bar's button leaves the page as the session ends).
 */
export async function signOutStaff(page: Page, language: keyof typeof staffLabels): Promise<void> {
  const signOut = page.getByRole('button', { name: text(language === 'en' ? 'en' : 'zh-CN', 'staff:session.signOut'), exact: true });
  await signOut.click();
  await expect(page.getByRole('button', { name: staffLabels[language].signIn })).toBeVisible();
  await expect(signOut).toHaveCount(0);
}

/** Opens the home tile titled exactly `title` and waits for its screen. */
export async function openTile(page: Page, title: string): Promise<void> {
  await page.locator('.tile', { has: page.locator('strong', { hasText: new RegExp(`^${title}$`) }) }).click();
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
}

/** Switches the interface to `locale` with the language buttons. */
export async function showIn(page: Page, locale: 'zh-CN' | 'en'): Promise<void> {
  await page.getByRole('button', { name: locale === 'en' ? 'English' : '简体中文', exact: true }).click();
}

/** Rows of a table in the station's database, read directly: what was really stored. */
export function countRows(station: OpenStation, table: 'station' | 'visitor_sign_in' | 'outbox' | 'audit_log' | 'staff'): number {
  return (station.connection.sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
}
