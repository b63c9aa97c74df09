import { beijing } from '../fixtures/figures';
import { text } from './support/axe';
import { drawOn } from './registration-helpers';
import { expect, sampleAdmin, signOutStaff, testOnPinnedClock } from './fixtures';
import { caseOnNotice, deskOf, openAidDeskAs, openDonorFamily, openOnlyCase, postOfferedNotice, textIn } from './aid-helpers';

/**
 * The family applies on the 4th; the case is on notice from then to the 10th. On the 6th a neighbour
 * objects: the case goes back to the decision, is granted again and put on a new notice from the 6th to
 * the 12th, and is paid on the 13th.
 */
const APPLIED_ON = '2026-05-04';
const FIRST_NOTICE_TO = '2026-05-10';
const AFTER_FIRST_NOTICE = '2026-05-11';
const OBJECTED_ON = '2026-05-06';
const SECOND_NOTICE_TO = '2026-05-12';
const PAID_ON = '2026-05-13';
const DAY_AFTER_PAYMENT = '2026-05-14';

const test = testOnPinnedClock(beijing(APPLIED_ON, '09:00'));

test.beforeEach(async ({ page, setUpStation, openApp }) => {
  // The page's today is the station's: the notice and payment dates the forms offer are the station's days.
  await page.clock.setFixedTime(new Date(beijing(APPLIED_ON, '09:00')));
  await setUpStation();
  await openApp();
});

for (const language of ['zh-CN', 'en'] as const) {
  test(`an objection during the notice sends the case back to the decision, off the notice, until a new notice ends (${language})`, async ({
    page,
    station,
    clock,
    createStaff,
  }) => {
    test.setTimeout(90_000);
    const l = (key: string, values?: Record<string, string>) => textIn(language, key, values);
    const yuan = (amount: number) => new Intl.NumberFormat(language, { style: 'currency', currency: 'CNY', minimumFractionDigits: 2 }).format(amount);
    const takeStep = (step: string) => page.getByRole('button', { name: l('aidDesk:next.open', { step: l(`aid:step.${step}`) }) });
    const family = await openDonorFamily(station, APPLIED_ON);
    const registrar = await createStaff('registrar');
    const supervisor = await createStaff('supervisor');
    const secondAdmin = await createStaff('admin');
    const caseId = await caseOnNotice(
      station,
      family,
      { registrar: await deskOf(station, registrar), supervisor: await deskOf(station, supervisor), decider: await deskOf(station, secondAdmin) },
      { from: APPLIED_ON, to: FIRST_NOTICE_TO, grantedFen: 200_000 },
    );

    // Two days into the notice, the first administrator records the objection a neighbour raised.
    clock.set(beijing(OBJECTED_ON, '10:00'));
    await page.clock.setFixedTime(new Date(beijing(OBJECTED_ON, '10:00')));
    await openAidDeskAs(page, sampleAdmin, language);
    const notice = page.getByTestId('aid-public-notice');
    await expect(notice.getByTestId('aid-notice-entry')).toHaveCount(1);
    await expect(notice.getByTestId('aid-notice-entry')).toContainText(yuan(2000));
    await openOnlyCase(page);
    await expect(page.getByTestId('aid-case-id')).toHaveText(caseId);
    await expect(page.getByTestId('aid-case-state')).toHaveText(l('aid:state.on_notice'));
    await page.getByRole('button', { name: l('aidDesk:next.objectionOpen') }).click();
    const objection = page.getByTestId('aid-objection-form');
    await objection.getByLabel(l('aidDesk:objection.note')).fill('邻居反映家庭收入较高');
    await objection.getByRole('button', { name: l('aidDesk:objection.submit') }).click();
    // It asks once more; going back records nothing.
    await expect(page.getByRole('alertdialog')).toContainText(l('aidDesk:objection.confirm'));
    await page.getByRole('button', { name: l('aidDesk:objection.confirmNo') }).click();
    await expect(page.getByTestId('aid-case-state')).toHaveText(l('aid:state.on_notice'));
    await objection.getByRole('button', { name: l('aidDesk:objection.submit') }).click();
    await page.getByRole('button', { name: l('aidDesk:objection.confirmYes') }).click();
    await expect(page.getByTestId('aid-step-done')).toHaveText(l('aidDesk:done.objection'));
    await expect(page.getByTestId('aid-case-state')).toHaveText(l('aid:state.proposed'));
    await expect(page.getByTestId('aid-case-granted')).toHaveText(l('aidDesk:case.none'));
    const objectionRow = page.getByTestId('aid-steps').locator('tbody tr[data-step="objection"]');
    await expect(objectionRow).toContainText('邻居反映家庭收入较高');
    await expect(objectionRow).toContainText(sampleAdmin.displayName);
    await expect(page.getByTestId('aid-next')).toContainText(l('aidDesk:next.waitsFor', { step: l('aid:step.decision'), roles: text(language, 'staff:role.admin') }));
    // The notice on the same screen no longer shows the case, without asking for it again.
    await expect(notice.getByTestId('aid-notice-entry')).toHaveCount(0);
    await expect(notice).toContainText(l('aidDesk:publicNotice.empty'));
    // The one who recorded the objection does not decide again (four eyes): the station refuses, in words.
    await takeStep('decision').click();
    await page.getByRole('button', { name: l('aidDesk:decide.submit') }).click();
    await page.getByRole('button', { name: l('aidDesk:decide.confirmYes') }).click();
    await expect(page.getByTestId('aid-decide-form').locator('[data-error-code="aid_four_eyes"]')).toHaveText(text(language, 'errors:aid_four_eyes'));

    // The second administrator decides again, for less; the supervisor posts a new notice from today.
    await openAidDeskAs(page, secondAdmin, language);
    await expect(page.getByTestId('aid-public-notice').getByTestId('aid-notice-entry')).toHaveCount(0);
    await openOnlyCase(page);
    await takeStep('decision').click();
    await expect(page.getByLabel(l('aidDesk:decide.amount'))).toHaveValue('2000.00');
    await page.getByLabel(l('aidDesk:decide.amount')).fill('1500');
    await page.getByRole('button', { name: l('aidDesk:decide.submit') }).click();
    await page.getByRole('button', { name: l('aidDesk:decide.confirmYes') }).click();
    await expect(page.getByTestId('aid-step-done')).toHaveText(l('aidDesk:done.decision'));
    await expect(page.getByTestId('aid-case-granted')).toHaveText(yuan(1500));

    await postOfferedNotice(page, supervisor, language, { from: OBJECTED_ON, to: SECOND_NOTICE_TO });
    const renewed = page.getByTestId('aid-public-notice').getByTestId('aid-notice-entry');
    await expect(renewed).toHaveCount(1);
    await expect(renewed).toContainText(yuan(1500));
    await signOutStaff(page, language === 'en' ? 'en' : 'zh');

    // The end of the first notice no longer counts: the day after it, the new notice still runs and payment is refused.
    clock.set(beijing(AFTER_FIRST_NOTICE, '10:00'));
    await page.clock.setFixedTime(new Date(beijing(AFTER_FIRST_NOTICE, '10:00')));
    await openAidDeskAs(page, registrar, language);
    await openOnlyCase(page);
    await expect(page.getByTestId('aid-notice-running')).toBeVisible();
    await takeStep('payment').click();
    await drawOn(page, page.locator('canvas#aid-pay-signature'));
    await page.getByRole('button', { name: l('aidDesk:pay.submit') }).click();
    await page.getByRole('button', { name: l('aidDesk:pay.confirmYes') }).click();
    await expect(page.getByTestId('aid-pay-form').locator('[data-error-code="aid_notice_not_ended"]')).toHaveText(text(language, 'errors:aid_notice_not_ended'));
    await signOutStaff(page, language === 'en' ? 'en' : 'zh');

    // The day after the new notice ended, the registrar pays the amount granted again.
    clock.set(beijing(PAID_ON, '10:00'));
    await page.clock.setFixedTime(new Date(beijing(PAID_ON, '10:00')));
    await openAidDeskAs(page, registrar, language);
    await openOnlyCase(page);
    await takeStep('payment').click();
    await expect(page.getByLabel(l('aidDesk:pay.paidOn'))).toHaveValue(PAID_ON);
    await page.getByLabel(l('aidDesk:pay.method')).selectOption('cash');
    await drawOn(page, page.locator('canvas#aid-pay-signature'));
    // A payment dated tomorrow is refused at its date, in words.
    await page.getByLabel(l('aidDesk:pay.paidOn')).fill(DAY_AFTER_PAYMENT);
    await page.getByRole('button', { name: l('aidDesk:pay.submit') }).click();
    await page.getByRole('button', { name: l('aidDesk:pay.confirmYes') }).click();
    await expect(page.locator('#aid-pay-on-error')).toHaveText(l('validation:payment_date_future'));
    await page.getByLabel(l('aidDesk:pay.paidOn')).fill(PAID_ON);
    await page.getByRole('button', { name: l('aidDesk:pay.submit') }).click();
    await expect(page.getByRole('alertdialog')).toContainText(yuan(1500));
    await page.getByRole('button', { name: l('aidDesk:pay.confirmYes') }).click();
    await expect(page.getByTestId('aid-step-done')).toHaveText(l('aidDesk:done.payment'));
    await expect(page.getByTestId('aid-case-state')).toHaveText(l('aid:state.paid'));
    const steps = page.getByTestId('aid-steps').locator('tbody tr');
    await expect(steps).toHaveCount(9);
    expect(await steps.locator('th').allTextContents()).toEqual(
      ['application', 'review', 'proposal', 'decision', 'notice', 'objection', 'decision', 'notice', 'payment'].map((step) => l(`aid:step.${step}`)),
    );
    expect(station.connection.sqlite.prepare('select state, amount_granted_fen, notice_from, notice_to, paid_on from aid_case').get()).toEqual({
      state: 'paid',
      amount_granted_fen: 150_000,
      notice_from: OBJECTED_ON,
      notice_to: SECOND_NOTICE_TO,
      paid_on: PAID_ON,
    });
  });
}
