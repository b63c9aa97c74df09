import type { Page } from '@playwright/test';
import { stationDate, addCalendarDays } from '../../shared/domain/age';
import { ScreenChecks, tabThrough, text } from './support/axe';
import { expect, openTile, sampleAdmin, sampleStation, showIn, signIn, test, type StaffAccount } from './fixtures';
import { deskOf, dispatchOk, openDonorFamily, openOnlyCase, type DonorFamily } from './aid-helpers';
import { drawOn } from './registration-helpers';
import type { OpenStation } from '../../electron/app/open-station';

/**
 * The aid desk held to WCAG 2.2 AA in both languages: the cases and the public notice, the application
 * (family search, the form, its errors), a case's page with a step form, its errors and its question;
 * and every control of the application reached with the keyboard.
 */
test.beforeEach(async ({ setUpStation, openApp, page }) => {
  await setUpStation();
  await openApp();
  await expect(page.getByRole('heading', { name: sampleStation.name })).toBeVisible();
});

/** A condolence case taken through the desks up to its public notice from today, each step by another person. */
async function caseOnNotice(station: OpenStation, family: DonorFamily, staff: Record<'registrar' | 'supervisor' | 'admin', StaffAccount>): Promise<void> {
  const today = stationDate(new Date());
  const registrar = await deskOf(station, staff.registrar);
  const supervisor = await deskOf(station, staff.supervisor);
  const applied = await dispatchOk(
    station,
    'aid:apply',
    { familyId: family.familyId, applicantMemberId: family.applicantId, cause: { programme: 'condolence' }, reason: '生活困难', amountAskedFen: 150_000, documentsSeen: ['id_card'] },
    registrar,
  );
  await dispatchOk(station, 'aid:review', { caseId: applied.id, outcome: 'approve', note: '材料齐全' }, supervisor);
  await dispatchOk(station, 'aid:propose', { caseId: applied.id, amountProposedFen: 150_000, note: null });
  await dispatchOk(station, 'aid:decide', { caseId: applied.id, outcome: 'grant', amountGrantedFen: 150_000, note: null }, await deskOf(station, staff.admin));
  await dispatchOk(station, 'aid:postNotice', { caseId: applied.id, from: today, to: addCalendarDays(today, 6) }, supervisor);
}

async function openAidDesk(page: Page, language: 'zh-CN' | 'en', registrar: StaffAccount): Promise<void> {
  await signIn(page, registrar);
  await showIn(page, language);
  await openTile(page, text(language, 'aidDesk:title'));
}

for (const language of ['zh-CN', 'en'] as const) {
  test(`the aid screens pass axe and are reached with the keyboard (${language})`, async ({ page, station, createStaff }) => {
    test.setTimeout(120_000);
    const checks = new ScreenChecks(page, `aid ${language}`);
    const family = await openDonorFamily(station, stationDate(new Date()));
    const staff = { registrar: await createStaff('registrar'), supervisor: await createStaff('supervisor'), admin: await createStaff('admin') };
    await caseOnNotice(station, family, staff);
    expect(sampleAdmin.username).not.toBe(staff.admin.username);

    await openAidDesk(page, language, staff.registrar);
    await expect(page.getByTestId('aid-notice-entry')).toHaveCount(1);
    await checks.check('cases and public notice');

    await page.getByRole('button', { name: text(language, 'aidDesk:apply.open') }).click();
    await page.getByLabel(text(language, 'aidDesk:apply.familySearch')).fill(family.registrationNumber);
    await page.getByRole('button', { name: text(language, 'aidDesk:apply.familySearchSubmit'), exact: true }).click();
    await expect(page.getByTestId('aid-family-results')).toBeVisible();
    await checks.check('application: family found');
    await page.getByTestId('aid-family-results').getByRole('button').click();
    await page.getByLabel(text(language, 'aidDesk:apply.programme')).selectOption('study_grant');
    await checks.check('application form');
    // Every control of the application is a Tab stop, walking from the header. The walk ends at the notice's
    // date field (its day, month and year parts hold the focus in turn), so only the form is counted.
    await page.locator('.brand').focus();
    await tabThrough(page);
    const applyControls = page.getByTestId('aid-apply-form').locator('button, input, select, textarea');
    expect(await applyControls.count()).toBeGreaterThan(10);
    await expect(page.getByTestId('aid-apply-form').locator(':is(button, input, select, textarea):not([data-tab-reached])')).toHaveCount(0);
    await page.getByRole('button', { name: text(language, 'aidDesk:apply.submit') }).click();
    await expect(page.getByTestId('aid-apply-form').locator('.field__error').first()).toBeVisible();
    await checks.check('application form showing its errors');
    await page.getByTestId('aid-apply-form').getByRole('button', { name: text(language, 'records:cancel') }).click();

    await openOnlyCase(page);
    await checks.check('case page');
    await page.getByRole('button', { name: text(language, 'aidDesk:next.open').replace('{{step}}', text(language, 'aid:step.payment')) }).click();
    const payForm = page.getByTestId('aid-pay-form');
    await payForm.getByRole('button', { name: text(language, 'aidDesk:pay.submit') }).click();
    await expect(payForm.locator('[data-reason="signature_required"]')).toBeVisible();
    await checks.check('case page: payment form showing its errors');
    await drawOn(page, page.locator('canvas#aid-pay-signature'));
    await payForm.getByRole('button', { name: text(language, 'aidDesk:pay.submit') }).click();
    await expect(page.getByRole('alertdialog')).toBeVisible();
    await checks.check('case page: payment question');
    await page.getByRole('alertdialog').getByRole('button', { name: text(language, 'aidDesk:pay.confirmYes') }).click();
    await expect(payForm.locator('[data-error-code="aid_notice_not_ended"]')).toBeVisible();
    await checks.check('case page: payment refused');
    checks.expectNone();
  });
}
