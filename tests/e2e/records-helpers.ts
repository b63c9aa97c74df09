import type { Page } from '@playwright/test';
import type { OpenStation } from '../../electron/app/open-station';
import type { CallInput, CallOutput } from '../../shared/contract/calls';
import { sampleRegistration, stemCellChoice } from '../fixtures/registrations';
import { adminCaller, expect, sampleAdmin } from './fixtures';

/**
 * Registers a person through the dispatcher as the first administrator (signed in on `adminCaller`
 * first), as a registration desk would have done before the test starts.
 */
export async function register(station: OpenStation, overrides: Partial<CallInput<'registration:create'>> = {}): Promise<CallOutput<'registration:create'>> {
  const login = await station.dispatch('session:login', { username: sampleAdmin.username, password: sampleAdmin.password }, adminCaller);
  expect(login.ok).toBe(true);
  const created = await station.dispatch('registration:create', sampleRegistration(overrides), adminCaller);
  if (!created.ok) throw new Error(`registration refused: ${JSON.stringify(created.error)}`);
  return created.data as CallOutput<'registration:create'>;
}

/** The sample volunteer's choice as the call takes it (the fixture's lists are read-only). */
export function volunteerChoice(): CallInput<'registration:create'>['programs'][number] {
  return { ...stemCellChoice, emergencyContacts: stemCellChoice.emergencyContacts.map((contact) => ({ ...contact })) };
}

/** The number of the person's registration for a program. */
export function numberOf(created: CallOutput<'registration:create'>, program: string): string {
  const registration = created.registrations.find((entry) => entry.program === program);
  if (!registration) throw new Error(`no ${program} registration`);
  return registration.number;
}

/** From the home screen, opens the records screen by its tile. */
export async function openRecords(page: Page, tile = '登记记录'): Promise<void> {
  await page.getByRole('button', { name: new RegExp(tile) }).click();
  await expect(page.getByRole('heading', { name: tile, level: 1 })).toBeVisible();
}

/** Searches the records (Chinese interface unless other labels are given). */
export async function search(page: Page, query: string, labels = { query: '登记编号、证件号码或姓名', submit: '查询' }): Promise<void> {
  await page.getByLabel(labels.query).fill(query);
  await page.getByRole('button', { name: labels.submit, exact: true }).click();
}

/** Opens the only person in the search results. */
export async function openFirstResult(page: Page, label = '打开记录'): Promise<void> {
  await page.getByTestId('search-results').getByRole('button', { name: label }).click();
  await expect(page.getByTestId('person-record')).toBeVisible();
}

/** A registration's card in the open record, found by its number. */
export function card(page: Page, number: string) {
  return page.getByRole('article').filter({ hasText: number });
}

/** Rows of `view_unmasked` in the audit log: every full value shown to staff. */
export function unmaskedViews(station: OpenStation): number {
  return (station.connection.sqlite.prepare("select count(*) n from audit_log where action='view_unmasked'").get() as { n: number }).n;
}
