import { beijing } from '../fixtures/figures';
import { text } from './support/axe';
import { drawOn } from './registration-helpers';
import { expect, sampleAdmin, signOutStaff, testOnPinnedClock } from './fixtures';
import { APPLICANT, downloadedMagic, openAidDeskAs, openDonorFamily, openOnlyCase, postOfferedNotice, textIn } from './aid-helpers';

/** The day the family applies, the last day of the usual seven-day notice, and the day after it ends. */
const APPLIED_ON = '2026-05-04';
const NOTICE_TO = '2026-05-10';
const PAID_ON = '2026-05-11';

const test = testOnPinnedClock(beijing(APPLIED_ON, '09:00'));

test.beforeEach(async ({ page, setUpStation, openApp }) => {
  // The page's today is the station's: the notice and payment dates the forms offer are the station's days.
  await page.clock.setFixedTime(new Date(beijing(APPLIED_ON, '09:00')));
  await setUpStation();
  await openApp();
});

for (const language of ['zh-CN', 'en'] as const) {
  test(`an aid case goes from the application to the payment with a drawn signature, each step by its role (${language})`, async ({
    page,
    station,
    clock,
    createStaff,
  }) => {
    test.setTimeout(90_000);
    const l = (key: string, values?: Record<string, string>) => textIn(language, key, values);
    const yuan = (amount: number) => new Intl.NumberFormat(language, { style: 'currency', currency: 'CNY', minimumFractionDigits: 2 }).format(amount);
    const takeStep = (step: string) => page.getByRole('button', { name: l('aidDesk:next.open', { step: l(`aid:step.${step}`) }) });
    const applicant = l('aidDesk:member', { name: '李*', relation: l('family:relation.30') });
    const family = await openDonorFamily(station, APPLIED_ON);
    const registrar = await createStaff('registrar');
    const supervisor = await createStaff('supervisor');
    const secondAdmin = await createStaff('admin');

    // The registrar applies, finding the family by its registration number.
    await openAidDeskAs(page, registrar, language);
    await page.getByRole('button', { name: l('aidDesk:apply.open') }).click();
    await page.getByLabel(l('aidDesk:apply.familySearch')).fill(family.registrationNumber);
    await page.getByRole('button', { name: l('aidDesk:apply.familySearchSubmit'), exact: true }).click();
    await expect(page.getByTestId('aid-family-results')).not.toContainText('李𠮷祥');
    await page.getByTestId('aid-family-results').getByRole('button', { name: l('aidDesk:apply.chooseFamily') }).click();
    await expect(page.getByTestId('aid-apply-family')).toContainText(family.registrationNumber);
    await page.getByLabel(l('aidDesk:apply.programme')).selectOption('condolence');
    await page.getByLabel(l('aidDesk:apply.applicant')).selectOption(family.applicantId);
    await expect(page.getByLabel(l('aidDesk:apply.applicant')).locator('option:checked')).toHaveText(applicant);
    await page.getByLabel(l('aidDesk:apply.amountAsked')).fill('2000.5');
    await page.getByLabel(l('aidDesk:apply.reason')).fill('家中主要劳动力去世，生活困难');
    await page.getByLabel(l('aid:documentKind.id_card')).check();
    await page.getByLabel(l('aid:documentKind.death_certificate')).check();
    await page.getByRole('button', { name: l('aidDesk:apply.submit') }).click();
    await expect(page.getByTestId('aid-applied')).toBeVisible();
    const caseId = (station.connection.sqlite.prepare('select id from aid_case').get() as { id: string }).id;
    await expect(page.getByTestId('aid-applied')).toHaveText(l('aidDesk:apply.done', { id: caseId }));
    expect(station.connection.sqlite.prepare('select amount_asked_fen from aid_case').get()).toEqual({ amount_asked_fen: 200050 });
    await expect(page.getByTestId('aid-case-state')).toHaveText(l('aid:state.applied'));
    await expect(page.getByTestId('aid-case-applicant')).toHaveText(applicant);
    // The review is not the registrar's: the screen says who takes it and offers nothing.
    await expect(page.getByTestId('aid-next-not-yours')).toBeVisible();
    await expect(page.getByTestId('aid-next').getByRole('button')).toHaveCount(0);

    // The supervisor reviews; the form asks once more.
    await openAidDeskAs(page, supervisor, language);
    await openOnlyCase(page);
    await takeStep('review').click();
    await page.getByLabel(l('aidDesk:review.note')).fill('材料齐全');
    await page.getByRole('button', { name: l('aidDesk:review.submit') }).click();
    await expect(page.getByRole('alertdialog')).toHaveText(
      new RegExp(`^${l('aidDesk:review.confirm', { outcome: l('aidDesk:review.approve') }).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
    );
    await page.getByRole('button', { name: l('aidDesk:review.confirmYes') }).click();
    await expect(page.getByTestId('aid-step-done')).toHaveText(l('aidDesk:done.review'));
    await expect(page.getByTestId('aid-case-state')).toHaveText(l('aid:state.reviewed'));
    // The same person may not take the next step too (four eyes): the station refuses, in words.
    await takeStep('proposal').click();
    await page.getByRole('button', { name: l('aidDesk:propose.submit') }).click();
    await expect(page.getByTestId('aid-propose-form').locator('[data-error-code="aid_four_eyes"]')).toHaveText(text(language, 'errors:aid_four_eyes'));

    // The first administrator proposes; the second decides.
    await openAidDeskAs(page, sampleAdmin, language);
    await openOnlyCase(page);
    await takeStep('proposal').click();
    await expect(page.getByLabel(l('aidDesk:propose.amount'))).toHaveValue('2000.50');
    await page.getByLabel(l('aidDesk:propose.amount')).fill('2000');
    await page.getByRole('button', { name: l('aidDesk:propose.submit') }).click();
    await expect(page.getByTestId('aid-step-done')).toHaveText(l('aidDesk:done.proposal'));

    await openAidDeskAs(page, secondAdmin, language);
    await openOnlyCase(page);
    await takeStep('decision').click();
    await expect(page.getByLabel(l('aidDesk:decide.amount'))).toHaveValue('2000.00');
    await page.getByRole('button', { name: l('aidDesk:decide.submit') }).click();
    await page.getByRole('button', { name: l('aidDesk:decide.confirmYes') }).click();
    await expect(page.getByTestId('aid-step-done')).toHaveText(l('aidDesk:done.decision'));
    await expect(page.getByTestId('aid-case-granted')).toHaveText(yuan(2000));

    // The supervisor posts the notice for the usual seven days from today.
    await postOfferedNotice(page, supervisor, language, { from: APPLIED_ON, to: NOTICE_TO });

    // The notice of today shows the surname only; it is saved as a PDF and as a spreadsheet.
    const notice = page.getByTestId('aid-public-notice');
    await notice.getByRole('button', { name: l('aidDesk:publicNotice.show') }).click();
    await expect(notice.getByTestId('aid-notice-name')).toHaveText('李*');
    await expect(notice).not.toContainText(APPLICANT);
    await expect(notice.getByTestId('aid-notice-entry')).toContainText(yuan(2000));
    const [pdf] = await Promise.all([page.waitForEvent('download'), notice.getByRole('button', { name: l('aidDesk:publicNotice.pdf') }).click()]);
    expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
    expect(await downloadedMagic(pdf)).toBe('%PDF');
    await expect(page.getByTestId('aid-notice-exported')).toContainText(pdf.suggestedFilename());
    const [sheet] = await Promise.all([page.waitForEvent('download'), notice.getByRole('button', { name: l('aidDesk:publicNotice.xlsx') }).click()]);
    expect(sheet.suggestedFilename()).toMatch(/\.xlsx$/);
    expect((await downloadedMagic(sheet)).slice(0, 2)).toBe('PK');

    // While the notice runs the payment is refused, in words; the registrar records no objection either.
    await openAidDeskAs(page, registrar, language);
    await openOnlyCase(page);
    await expect(page.getByTestId('aid-notice-running')).toBeVisible();
    await expect(page.getByRole('button', { name: l('aidDesk:next.objectionOpen') })).toHaveCount(0);
    await takeStep('payment').click();
    await drawOn(page, page.locator('canvas#aid-pay-signature'));
    await page.getByRole('button', { name: l('aidDesk:pay.submit') }).click();
    await page.getByRole('button', { name: l('aidDesk:pay.confirmYes') }).click();
    await expect(page.getByTestId('aid-pay-form').locator('[data-error-code="aid_notice_not_ended"]')).toHaveText(text(language, 'errors:aid_notice_not_ended'));
    await signOutStaff(page, language === 'en' ? 'en' : 'zh');

    // The day after the notice ended, the registrar pays against the recipient's signature drawn on the pad.
    clock.set(beijing(PAID_ON, '10:00'));
    await page.clock.setFixedTime(new Date(beijing(PAID_ON, '10:00')));
    await openAidDeskAs(page, registrar, language);
    await openOnlyCase(page);
    await takeStep('payment').click();
    await expect(page.getByLabel(l('aidDesk:pay.paidOn'))).toHaveValue(PAID_ON);
    await expect(page.getByLabel(l('aidDesk:pay.recipient')).locator('option:checked')).toHaveText(applicant);
    await page.getByLabel(l('aidDesk:pay.method')).selectOption('bank_transfer');
    // Without the signature the screen names the pad.
    await page.getByRole('button', { name: l('aidDesk:pay.submit') }).click();
    await expect(page.getByTestId('aid-pay-form').locator('[data-reason="signature_required"]')).toBeVisible();
    await drawOn(page, page.locator('canvas#aid-pay-signature'));
    await page.getByRole('button', { name: l('aidDesk:pay.submit') }).click();
    await expect(page.getByRole('alertdialog')).toHaveText(new RegExp(yuan(2000).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    await page.getByRole('button', { name: l('aidDesk:pay.confirmYes') }).click();
    await expect(page.getByTestId('aid-step-done')).toHaveText(l('aidDesk:done.payment'));
    await expect(page.getByTestId('aid-case-state')).toHaveText(l('aid:state.paid'));
    await expect(page.getByTestId('aid-case-paid')).toContainText(l('aid:paymentMethod.bank_transfer'));
    await expect(page.getByTestId('aid-case-paid')).toContainText(applicant);
    await expect(page.getByTestId('aid-next')).toContainText(l('aidDesk:next.finishedPaid'));
    const steps = page.getByTestId('aid-steps').locator('tbody tr');
    await expect(steps).toHaveCount(6);
    await expect(steps.first()).toContainText(l('aid:step.application'));
    await expect(steps.last()).toContainText(l('aid:step.payment'));
    await expect(steps.last()).toContainText(registrar.displayName);
    expect(station.connection.sqlite.prepare('select state, paid_on, payment_method from aid_case').get()).toEqual({ state: 'paid', paid_on: PAID_ON, payment_method: 'bank_transfer' });
  });
}
