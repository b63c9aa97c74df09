import type { Locator, Page } from '@playwright/test';
import type { OpenStation } from '../../electron/app/open-station';
import { residentId, samplePerson } from '../fixtures/registrations';
import { adminCaller, expect, sampleAdmin, sampleStation, signIn, test } from './fixtures';
import { card, numberOf, openFirstResult, openRecords, register, search } from './records-helpers';
import { answerConsents, choosePrograms, drawOn, drawSignature, en, fillEmergencyContacts, fillIdentity, next, openRegistration, skipHeardFrom, zh, type FlowLabels } from './registration-helpers';

test.beforeEach(async ({ setUpStation, openApp, page }) => {
  await setUpStation();
  await openApp();
  await expect(page.getByRole('heading', { name: sampleStation.name })).toBeVisible();
});

const visitor = { number: residentId('530102', '19900307', '002'), name: '李𠮷祥', phone: '13812345678' };

/** The words each test reads, in both languages. */
const languages = [
  {
    language: '简体中文',
    labels: zh,
    cornea: '角膜捐献',
    ethnicGroup: '汉族',
    tooLittle: '签名过于简单，请用手指写下您的完整姓名',
    signatureRequired: '请在签名框内签名。',
    signed: '已签名',
    home: '返回首页',
    leaveQuestion: '放弃本次登记？已填写的内容将被清除。',
    stay: '继续填写',
    leave: '放弃',
    records: { tile: '登记记录', query: '登记编号、证件号码或姓名', submit: '查询', open: '打开记录' },
    withdraw: '撤回登记',
    withdrawConfirm: '确认撤回',
    realise: '记录捐献完成',
    required: '此项为必填项。',
    donationDateFuture: '捐献日期不能晚于今天。',
    donationDate: '请填写有效的捐献日期。',
    documents: '回执与证书',
    handOver: '交付',
    handOverSubmit: '确认交付',
    notTheRegistrant: '领取人的证件号码与登记人的不一致，不能按“本人”交付。',
  },
  {
    language: 'English',
    labels: en,
    cornea: 'Cornea donation',
    ethnicGroup: 'Han',
    tooLittle: 'Too little to be a signature: please write your full name with your finger',
    signatureRequired: 'Please sign in the signature box.',
    signed: 'Signed',
    home: 'Back to home',
    leaveQuestion: 'Leave this registration? What you have entered will be cleared.',
    stay: 'Keep going',
    leave: 'Leave',
    records: { tile: 'Registration records', query: 'Registration number, document number or name', submit: 'Search', open: 'Open record' },
    withdraw: 'Withdraw',
    withdrawConfirm: 'Yes, withdraw',
    realise: 'Record donation completed',
    required: 'This field is required.',
    donationDateFuture: 'The date of the donation cannot be later than today.',
    donationDate: 'Enter the date of the donation as a valid date.',
    documents: 'Documents and certificates',
    handOver: 'Hand over',
    handOverSubmit: 'Confirm hand-over',
    notTheRegistrant: "The collector's document number is not the registrant's",
  },
] as const;

type Words = (typeof languages)[number];

async function chooseLanguage(page: Page, words: Words): Promise<void> {
  if (words.language !== '简体中文') await page.getByRole('button', { name: words.language }).click();
}

/** Goes through the kiosk's first steps to the signature step. */
async function toSignatureStep(page: Page, words: Words, labels: FlowLabels): Promise<void> {
  await openRegistration(page, labels);
  await choosePrograms(page, [words.cornea]);
  await next(page, labels);
  await fillIdentity(page, { ...visitor, ethnicGroup: words.ethnicGroup }, labels);
  await next(page, labels);
  await answerConsents(page, { provincial_sync: true, follow_up_contact: true, memorial_publication: false }, labels);
  await next(page, labels);
  await expect(page.locator('[data-step="signature"]')).toBeVisible();
}

/** Opens a person's record on the records screen. */
async function openRecordOf(page: Page, number: string, words: Words): Promise<void> {
  await openRecords(page, words.records.tile);
  await search(page, number, { query: words.records.query, submit: words.records.submit });
  await openFirstResult(page, words.records.open);
}

function registrationState(station: OpenStation, number: string): string {
  return (station.connection.sqlite.prepare('select state from registration where number = ?').get(number) as { state: string }).state;
}

for (const words of languages) {
  test(`${words.language}: a single tap on the signature pad is not a signature, at the kiosk (M8)`, async ({ page }) => {
    await chooseLanguage(page, words);
    await toSignatureStep(page, words, words.labels);
    const pad = page.locator('canvas#signature');
    const box = await pad.boundingBox();
    if (!box) throw new Error('signature pad not visible');
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);

    await expect(page.getByTestId('signature-status')).toHaveText(words.tooLittle);
    await expect(pad).toHaveAttribute('data-drawn', 'false');
    await next(page, words.labels);
    await expect(page.locator('[data-step="signature"]')).toBeVisible();
    await expect(page.locator('#signature-error')).toHaveText(words.signatureRequired);

    // Written out, the same pad gives a signature and the visitor goes on.
    await drawSignature(page);
    await expect(page.getByTestId('signature-status')).toHaveText(words.signed);
    await next(page, words.labels);
    await skipHeardFrom(page, words.labels);
  });

  test(`${words.language}: "home" in the middle of a registration asks before clearing it (L7)`, async ({ page }) => {
    await chooseLanguage(page, words);
    await openRegistration(page, words.labels);
    await choosePrograms(page, [words.cornea]);
    await next(page, words.labels);
    await page.getByLabel(words.labels.name, { exact: true }).fill(visitor.name);

    await page.getByRole('button', { name: words.home, exact: true }).click();
    const prompt = page.getByRole('alertdialog');
    await expect(prompt.locator('p')).toHaveText(words.leaveQuestion);
    // Staying is the focused, safe choice and keeps what was typed.
    await expect(prompt.getByRole('button', { name: words.stay })).toBeFocused();
    await prompt.getByRole('button', { name: words.stay }).click();
    await expect(prompt).toHaveCount(0);
    await expect(page.getByLabel(words.labels.name, { exact: true })).toHaveValue(visitor.name);

    await page.getByRole('button', { name: words.home, exact: true }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: words.leave, exact: true }).click();
    await expect(page.getByRole('heading', { name: sampleStation.name })).toBeVisible();
    await openRegistration(page, words.labels);
    await expect(page.getByRole('checkbox', { name: new RegExp(`^${words.cornea}`) })).not.toBeChecked();

    // Before anything is chosen there is nothing to lose: home goes home at once.
    await page.getByRole('button', { name: words.home, exact: true }).click();
    await expect(page.getByRole('heading', { name: sampleStation.name })).toBeVisible();
  });

  test(`${words.language}: a withdrawal and a completed donation check their fields before the final question (L6)`, async ({ page, station, createStaff }) => {
    const created = await register(station);
    const cornea = numberOf(created, 'cornea');
    const body = numberOf(created, 'body');
    await signIn(page, await createStaff('supervisor'));
    await chooseLanguage(page, words);
    await openRecordOf(page, cornea, words);

    const withdrawal = card(page, cornea);
    await withdrawal.getByRole('button', { name: words.withdraw, exact: true }).click();
    const withdrawForm = page.getByTestId('withdraw-form');
    await withdrawForm.getByRole('button', { name: words.withdraw, exact: true }).click();
    await expect(withdrawForm.getByRole('alertdialog')).toHaveCount(0);
    await expect(withdrawForm.locator('.field__error')).toHaveText([words.required, words.required]);
    await expect(withdrawForm.getByRole('button', { name: words.withdrawConfirm })).toHaveCount(0);
    expect(registrationState(station, cornea)).toBe('active');

    // Filled in, the question comes.
    await withdrawForm.locator('#withdraw-identity-number').fill(samplePerson.document.number);
    await withdrawForm.locator('#withdraw-reason').fill('本人改变主意');
    await withdrawForm.getByRole('button', { name: words.withdraw, exact: true }).click();
    await expect(withdrawForm.getByRole('alertdialog')).toBeVisible();
    await withdrawForm.getByRole('alertdialog').getByRole('button').last().click();

    const donation = card(page, body);
    await donation.getByRole('button', { name: words.realise, exact: true }).click();
    const realiseForm = page.getByTestId('realise-form');
    await realiseForm.getByRole('button', { name: words.realise, exact: true }).click();
    await expect(realiseForm.getByRole('alertdialog')).toHaveCount(0);
    await expect(realiseForm).toContainText(words.donationDate);
    await realiseForm.locator('#realise-donated-on').fill('2099-01-01');
    await realiseForm.getByRole('button', { name: words.realise, exact: true }).click();
    await expect(realiseForm.getByRole('alertdialog')).toHaveCount(0);
    await expect(realiseForm).toContainText(words.donationDateFuture);
    expect(registrationState(station, body)).toBe('active');
  });

  test(`${words.language}: a hand-over to "the person themself" with another document is refused (M2)`, async ({ page, station }) => {
    const created = await register(station);
    const registration = created.registrations.find((entry) => entry.program === 'cornea')!;
    const issued = await station.dispatch('documents:issue', { kind: 'receipt', subject: { type: 'registration', id: registration.id }, language: 'zh-CN' }, adminCaller);
    if (!issued.ok) throw new Error(`issue refused: ${JSON.stringify(issued.error)}`);
    const serial = (issued.data as { serial: string }).serial;
    await signIn(page, sampleAdmin);
    await chooseLanguage(page, words);
    await page.getByRole('button', { name: new RegExp(words.documents) }).click();

    const doc = page.locator(`article[data-serial="${serial}"]`);
    await doc.getByRole('button', { name: words.handOver, exact: true }).click();
    const form = page.getByTestId('hand-over-form');
    await form.locator('#hand-over-name').fill('Anna');
    await expect(form.locator('#hand-over-relation')).toHaveValue('self');
    await form.locator('#hand-over-document-number').fill(residentId('530102', '19800101', '002'));
    await drawOn(page, form.locator('canvas#hand-over-signature'));
    await form.getByRole('button', { name: words.handOverSubmit }).click();
    await expect(form.getByRole('alert')).toContainText(words.notTheRegistrant);
    const state = station.connection.sqlite.prepare('select state from document where serial = ?').get(serial) as { state: string };
    expect(state.state).toBe('issued');
  });
}

test('four receipts at the staff desk: print buttons apart, each a full touch target, numbers full size (L24)', async ({ page }) => {
  await signIn(page, sampleAdmin);
  await page.getByRole('button', { name: 'English' }).click();
  await openRegistration(page, en);
  await choosePrograms(page, ['Body donation', 'Organ donation', 'Cornea donation', 'Stem-cell volunteer']);
  await next(page, en);
  await fillIdentity(page, { number: residentId('530102', '19950615', '013'), name: 'Anna Maria', phone: '13987654321', ethnicGroup: 'Naxi' }, en);
  await next(page, en);
  await page.getByLabel('All organs').check();
  await page.getByRole('group', { name: 'Do you meet the health criteria for blood donors?' }).getByLabel('Yes, I do').check();
  await page.getByLabel('O Rh-positive').check();
  await fillEmergencyContacts(page);
  await next(page, en);
  await answerConsents(page, { provincial_sync: true, follow_up_contact: true, memorial_publication: false }, en);
  await next(page, en);
  await drawSignature(page);
  await next(page, en);
  await skipHeardFrom(page, en);
  await page.getByRole('button', { name: 'Confirm and submit' }).click();
  await expect(page.getByRole('heading', { name: 'Registration complete' })).toBeVisible();

  const prints = page.getByTestId('receipts').getByRole('button', { name: 'Print', exact: true });
  await expect(prints).toHaveCount(4);
  const boxes = await Promise.all([0, 1, 2, 3].map(async (index) => boxOf(prints.nth(index))));
  for (const box of boxes) expect(box.height).toBeGreaterThanOrEqual(44);
  for (let index = 1; index < boxes.length; index += 1) {
    const above = boxes[index - 1]!;
    const below = boxes[index]!;
    // Stacked one receipt per row: the gap between one button's bottom and the next one's top.
    expect(below.y - (above.y + above.height)).toBeGreaterThan(0);
  }
  const fontSize = await page.getByTestId('receipt').first().locator('strong').evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
  expect(fontSize).toBeGreaterThanOrEqual(18);
});

async function boxOf(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not visible');
  return box;
}
