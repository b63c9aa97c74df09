import { expect, type Page } from '@playwright/test';
import type { OpenStation } from '../../electron/app/open-station';
import { stationDate } from '../../shared/domain/age';
import { adminCaller } from './fixtures';
import { numberOf, register } from './records-helpers';

/** Today on the station's calendar. */
export function today(): string {
  return stationDate(new Date());
}

/** A day `days` after today on the station's calendar. */
export function daysFromToday(days: number): string {
  return stationDate(new Date(Date.now() + days * 86_400_000));
}

/**
 * A person registered and the donation of their body registration recorded as completed today, through the
 * dispatcher as the first administrator (as the records desk would have done before the test starts).
 */
export async function realisedDonation(station: OpenStation): Promise<{ number: string; registrationId: string }> {
  const created = await register(station);
  const number = numberOf(created, 'body');
  const registrationId = created.registrations.find((entry) => entry.number === number)!.id;
  const realised = await station.dispatch('registration:realise', { registrationId, expectedVersion: 1, donatedOn: today() }, adminCaller);
  if (!realised.ok) throw new Error(`realise refused: ${JSON.stringify(realised.error)}`);
  return { number, registrationId };
}

/** The labels the family screens are walked with, in each language. */
export const familyLabels = {
  zh: {
    records: '登记记录',
    query: '登记编号、证件号码或姓名',
    search: '查询',
    openRecord: '打开记录',
    openFamily: '建立家属档案',
    familyRecord: '家属档案',
    name: '姓名',
    relation: '与捐献者关系',
    phone: '联系电话',
    consented: '同意了捐献',
    submitOpen: '建立家属档案',
    opened: '已建立家属档案，回访计划已生成。',
  },
  en: {
    records: 'Registration records',
    query: 'Registration number, document number or name',
    search: 'Search',
    openRecord: 'Open record',
    openFamily: 'Open the family record',
    familyRecord: 'Family record',
    name: 'Name',
    relation: 'Relation to the donor',
    phone: 'Phone',
    consented: 'Agreed to the donation',
    submitOpen: 'Open the family record',
    opened: 'The family record was opened and its care plan made.',
  },
} as const;

/** From the home screen of signed-in staff, opens the record of a registration and its realised card's family button. */
export async function openFamilyFromRecords(page: Page, number: string, language: keyof typeof familyLabels): Promise<void> {
  const l = familyLabels[language];
  await page.getByRole('button', { name: new RegExp(l.records) }).click();
  await expect(page.getByRole('heading', { name: l.records, level: 1 })).toBeVisible();
  await page.getByLabel(l.query).fill(number);
  await page.getByRole('button', { name: l.search, exact: true }).click();
  await page.getByTestId('search-results').getByRole('button', { name: l.openRecord }).click();
  await page.getByTestId('family-record-button').click();
}

/** Fills the first member of the form opening a family, and opens it. */
export async function openFamilyWithMember(page: Page, language: keyof typeof familyLabels, member: { name: string; relation: string; phone: string }): Promise<void> {
  const l = familyLabels[language];
  const form = page.getByTestId('open-family-form');
  const first = form.getByTestId('open-family-member').first();
  await first.getByLabel(l.name, { exact: true }).fill(member.name);
  await first.getByLabel(l.relation).selectOption(member.relation);
  await first.getByLabel(l.phone).fill(member.phone);
  await first.getByLabel(l.consented).check();
  await form.getByRole('button', { name: l.submitOpen, exact: true }).click();
  await expect(page.getByTestId('family-done')).toHaveText(l.opened);
}
