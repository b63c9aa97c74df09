import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from '@playwright/test';
import type { OpenStation } from '../../electron/app/open-station';
import type { CallInput, CallOutput } from '../../shared/contract/calls';
import type { TestProvince } from '../fixtures/province';
import { residentId, sampleRegistration } from '../fixtures/registrations';
import { makeTempDir } from '../fixtures/temp-station';
import { adminCaller, expect, sampleAdmin, sampleStation, test as stationTest } from './fixtures';

const localesRoot = fileURLToPath(new URL('../../resources/locales/', import.meta.url));

export type Locale = 'zh-CN' | 'en';

/** A sentence as the locale file has it (`key` dotted), so the test expects exactly what a person reads. */
export function localeText(locale: Locale, namespace: string, key: string): string {
  const tree = JSON.parse(readFileSync(join(localesRoot, locale, `${namespace}.json`), 'utf8')) as unknown;
  const value = key.split('.').reduce<unknown>((node, part) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), tree);
  if (typeof value !== 'string') throw new Error(`no text for ${namespace}:${key} in ${locale}`);
  return value;
}

/** The translated sentence of an error code, as the error banner shows it. */
export function errorText(locale: Locale, code: string): string {
  return localeText(locale, 'errors', code);
}

function escapeForPattern(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A sentence with placeholders as a whole-text pattern: given values exactly, the others (times) as anything. */
export function sentencePattern(template: string, values: Record<string, string>): RegExp {
  const parts = template.split(/(\{\{\w+\}\})/);
  const pattern = parts.map((part) => {
    const name = /^\{\{(\w+)\}\}$/.exec(part)?.[1];
    if (name === undefined) return escapeForPattern(part);
    const value = values[name];
    return value === undefined ? '.+' : escapeForPattern(value);
  });
  return new RegExp(`^${pattern.join('')}$`);
}

interface SyncFixtures {
  /** A folder standing for the USB stick; removed after the test. */
  usbFolder: string;
}

export const test = stationTest.extend<SyncFixtures>({
  usbFolder: async ({}, use) => {
    const temp = makeTempDir('relay-usb-');
    await use(temp.dir);
    temp.remove();
  },
});

/**
 * Before each sync test: the station set up, its administrator signed in on `adminCaller` (the seeding acts
 * as them), and the app open at home, no one signed in there yet.
 */
export async function openAtHome({ setUpStation, station, openApp, page }: { setUpStation: () => Promise<void>; station: OpenStation; openApp: () => Promise<void>; page: Page }): Promise<void> {
  await setUpStation();
  const login = await station.dispatch('session:login', { username: sampleAdmin.username, password: sampleAdmin.password }, adminCaller);
  expect(login.ok).toBe(true);
  await openApp();
  await expect(page.getByRole('heading', { name: sampleStation.name })).toBeVisible();
}

/** Registers `count` different people for the cornea program (signed in on `adminCaller`): two outbox rows each. */
export async function seedRegistrations(station: OpenStation, count: number): Promise<string[]> {
  const numbers: string[] = [];
  for (let i = 0; i < count; i++) {
    const input: CallInput<'registration:create'> = sampleRegistration({
      person: { document: { kind: 'resident_id', number: residentId('530102', '19900307', String(100 + i).padStart(3, '0')) }, name: `张${'一二三四五六七八九十'[i % 10]}明`, phone: '13812345678', ethnicGroup: '01' },
      programs: [{ program: 'cornea' }],
    });
    const created = await station.dispatch('registration:create', input, adminCaller);
    if (!created.ok) throw new Error(`registration refused: ${JSON.stringify(created.error)}`);
    numbers.push((created.data as CallOutput<'registration:create'>).registrations[0]?.number ?? '');
  }
  return numbers;
}

/** The province's two public keys, imported as an administrator does at commissioning. */
export async function importProvinceKeys(station: OpenStation, province: TestProvince): Promise<void> {
  for (const [use, pem] of [['signing', province.signing.pem], ['encryption', province.encryption.pem]] as const) {
    const imported = await station.dispatch('sync:importProvinceKey', { use, pem }, adminCaller);
    expect(imported.ok).toBe(true);
  }
}

/** Changes the sync settings through the dispatcher, keeping what is not given. */
export async function changeSyncSettings(station: OpenStation, change: Partial<CallInput<'sync:settings'>>): Promise<void> {
  const status = await station.dispatch('sync:status', undefined, adminCaller);
  if (!status.ok) throw new Error(`status refused: ${JSON.stringify(status.error)}`);
  const current = (status.data as CallOutput<'sync:status'>).settings;
  const changed = await station.dispatch('sync:settings', { ...current, ...change }, adminCaller);
  expect(changed.ok).toBe(true);
}

/** From the home screen, opens the sync screen by its tile (Chinese interface). */
export async function openSync(page: Page): Promise<void> {
  await page.getByRole('button', { name: /省级同步/ }).click();
  await expect(page.getByRole('heading', { name: '省级同步', level: 1 })).toBeVisible();
}

export function batchRow(page: Page, batchId: string): Locator {
  return page.locator(`tr[data-batch="${batchId}"]`);
}

export async function exportTo(page: Page, folder: string, locale: Locale = 'zh-CN'): Promise<void> {
  await page.getByLabel(localeText(locale, 'sync', 'export.folder')).fill(folder);
  await page.getByRole('button', { name: localeText(locale, 'sync', 'export.submit') }).click();
}

/** Switches the interface language with the header's button. */
export async function switchTo(page: Page, locale: Locale): Promise<void> {
  await page.getByRole('button', { name: locale === 'en' ? 'English' : '简体中文' }).click();
  await expect(page.getByRole('heading', { name: localeText(locale, 'sync', 'title'), level: 1 })).toBeVisible();
}

/** The batches as stored: id and state, oldest first. */
export function storedBatches(station: OpenStation): { batch_id: string; state: string; sent_at: string | null }[] {
  return station.connection.sqlite.prepare('select batch_id, state, sent_at from sync_batch order by batch_seq').all() as { batch_id: string; state: string; sent_at: string | null }[];
}

/** Outbox rows by state, as stored. */
export function storedOutbox(station: OpenStation): Record<string, number> {
  const rows = station.connection.sqlite.prepare('select state, count(*) as n from outbox group by state').all() as { state: string; n: number }[];
  return Object.fromEntries(rows.map((row) => [row.state, row.n]));
}

/** Audit entries of one action, as stored. */
export function auditCount(station: OpenStation, action: string): number {
  return (station.connection.sqlite.prepare('select count(*) as n from audit_log where action = ?').get(action) as { n: number }).n;
}
