import type { Locator, Page } from '@playwright/test';
import type { OpenStation } from '../../electron/app/open-station';
import { expect } from './fixtures';

/** The labels the helpers click, in the language on screen (Chinese unless told otherwise). */
export interface FlowLabels {
  tile: RegExp;
  next: string;
  documentNumber: string;
  name: string;
  phone: string;
  ethnicGroup: string;
  intent: string;
  agreeIntent: string;
  agree: string;
  decline: string;
  optionalConsents: { provincial_sync: string; follow_up_contact: string; memorial_publication: string };
}

export const zh: FlowLabels = {
  tile: /意愿登记/,
  next: '下一步',
  documentNumber: '证件号码',
  name: '姓名',
  phone: '联系电话',
  ethnicGroup: '民族',
  intent: '捐献意愿',
  agreeIntent: '我已阅读并同意',
  agree: '同意',
  decline: '不同意',
  optionalConsents: { provincial_sync: '报送省级系统', follow_up_contact: '回访联系', memorial_publication: '纪念名录' },
};

export const en: FlowLabels = {
  tile: /Register an intent/,
  next: 'Next',
  documentNumber: 'Document number',
  name: 'Name',
  phone: 'Phone',
  ethnicGroup: 'Ethnic group',
  intent: 'Donation intent',
  agreeIntent: 'I have read this and agree',
  agree: 'I agree',
  decline: 'I decline',
  optionalConsents: {
    provincial_sync: 'Reporting to the provincial system',
    follow_up_contact: 'Follow-up contact',
    memorial_publication: 'Memorial name list',
  },
};

/** From the home screen, opens the registration flow at its first step. */
export async function openRegistration(page: Page, labels: FlowLabels = zh): Promise<void> {
  await page.getByRole('button', { name: labels.tile }).click();
  await expect(page.locator('[data-step="programs"]')).toBeVisible();
}

/** Ticks the program tiles whose labels start with the given names. */
export async function choosePrograms(page: Page, names: string[]): Promise<void> {
  for (const name of names) await page.getByRole('checkbox', { name: new RegExp(`^${name}`) }).check();
}

export async function next(page: Page, labels: FlowLabels = zh): Promise<void> {
  await page.getByRole('button', { name: labels.next, exact: true }).click();
}

export interface IdentityEntry {
  number: string;
  name: string;
  phone: string;
  /** The ethnic group's label, for resident IDs. */
  ethnicGroup?: string;
}

/** Fills the identity step (the document kind follows the number's shape). */
export async function fillIdentity(page: Page, entry: IdentityEntry, labels: FlowLabels = zh): Promise<void> {
  await page.getByLabel(labels.documentNumber, { exact: true }).fill(entry.number);
  await page.getByLabel(labels.name, { exact: true }).fill(entry.name);
  if (entry.ethnicGroup) await page.getByLabel(labels.ethnicGroup, { exact: true }).selectOption({ label: entry.ethnicGroup });
  await page.getByLabel(labels.phone, { exact: true }).fill(entry.phone);
}

/** Gives the donation intent and answers each other consent (true = agree). */
/** Two emergency contacts on the English donation-details step: a relative by mobile, a friend by landline. */
export async function fillEmergencyContacts(page: Page): Promise<void> {
  const first = page.getByRole('group', { name: 'Emergency contact 1' });
  await first.getByLabel("Contact's name").fill('李建国');
  await first.getByLabel('Relative').check();
  await first.getByLabel("Contact's phone").fill('13900001111');
  const second = page.getByRole('group', { name: 'Emergency contact 2' });
  await second.getByLabel("Contact's name").fill('王小明');
  await second.getByLabel('Friend').check();
  await second.getByLabel("Contact's phone").fill('0871-65123456');
}

export async function answerConsents(
  page: Page,
  answers: { provincial_sync: boolean; follow_up_contact: boolean; memorial_publication: boolean },
  labels: FlowLabels = zh,
): Promise<void> {
  await page.getByRole('group', { name: labels.intent }).getByLabel(labels.agreeIntent).check();
  for (const [purpose, agreed] of Object.entries(answers) as Array<[keyof typeof answers, boolean]>) {
    const group = page.getByRole('group', { name: labels.optionalConsents[purpose] });
    await group.getByLabel(agreed ? labels.agree : labels.decline, { exact: true }).check();
  }
}

/** Signs on a signature pad with the mouse: a few zigzag strokes across it, ink enough for a name. */
export async function drawOn(page: Page, pad: Locator): Promise<void> {
  await pad.scrollIntoViewIfNeeded();
  const box = await pad.boundingBox();
  if (!box) throw new Error('signature pad not visible');
  const top = box.y + box.height / 2;
  await page.mouse.move(box.x + 40, top);
  await page.mouse.down();
  for (let step = 1; step <= 12; step += 1) {
    await page.mouse.move(box.x + 40 + step * 30, top + (step % 2 === 0 ? -40 : 40), { steps: 3 });
  }
  await page.mouse.up();
  await expect(pad).toHaveAttribute('data-drawn', 'true');
}

/** Signs the registration flow's signature step. */
export async function drawSignature(page: Page): Promise<void> {
  await drawOn(page, page.locator('canvas#signature'));
}

/** Leaves the optional "how did you hear of us" question unanswered and goes on to the review. */
export async function skipHeardFrom(page: Page, labels: FlowLabels = zh): Promise<void> {
  await expect(page.locator('[data-step="heardFrom"]')).toBeVisible();
  await next(page, labels);
  await expect(page.locator('[data-step="review"]')).toBeVisible();
}

/**
 * Registers a person for one program through the kiosk screens: identity, consents (reporting and
 * follow-up given), a drawn signature, no answer to "how did you hear", then presses `submit`.
 */
export async function registerAtKiosk(
  page: Page,
  labels: FlowLabels,
  program: string,
  person: { number: string; name: string; phone: string },
  submit: string,
): Promise<void> {
  await openRegistration(page, labels);
  await choosePrograms(page, [program]);
  await next(page, labels);
  await fillIdentity(page, { ...person, ethnicGroup: labels === zh ? '汉族' : 'Han' }, labels);
  await next(page, labels);
  await answerConsents(page, { provincial_sync: true, follow_up_contact: true, memorial_publication: false }, labels);
  await next(page, labels);
  await drawSignature(page);
  await next(page, labels);
  await skipHeardFrom(page, labels);
  await page.getByRole('button', { name: submit }).click();
}

/** Rows of the registration tables, read directly from the station's database. */
export function countRegistrations(station: OpenStation): number {
  return (station.connection.sqlite.prepare('select count(*) n from registration').get() as { n: number }).n;
}
