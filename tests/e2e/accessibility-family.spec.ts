import { ScreenChecks, text } from './support/axe';
import { expect, sampleAdmin, sampleStation, showIn, signIn, signOutStaff, test } from './fixtures';
import { daysFromToday, openFamilyFromRecords, openFamilyWithMember, realisedDonation, today } from './family-helpers';

/**
 * The family-care screens held to WCAG 2.2 AA in both languages: the overview (due this week, the
 * families), the form opening a family with its errors, a family's page with each of its forms, the
 * dashboard's family-care panel, and the memorial kiosk's sign-in with the invitation code.
 */
test.use({ stationKind: 'memorial_kiosk' });

test.beforeEach(async ({ setUpStation, openApp, page }) => {
  await setUpStation();
  await openApp();
  await expect(page.getByRole('heading', { name: sampleStation.name })).toBeVisible();
});

for (const language of ['zh-CN', 'en'] as const) {
  const short = language === 'en' ? 'en' : 'zh';
  test(`the family-care screens pass axe (${language})`, async ({ page, station }) => {
    const checks = new ScreenChecks(page, `family ${language}`);
    const { number } = await realisedDonation(station);
    await signIn(page, sampleAdmin);
    await showIn(page, language);

    await openFamilyFromRecords(page, number, short);
    const openForm = page.getByTestId('open-family-form');
    await openForm.getByRole('button', { name: text(language, 'familyDesk:open.submit'), exact: true }).click();
    await expect(openForm.locator('.field__error').first()).toBeVisible();
    await checks.check('open form showing its errors');
    await openFamilyWithMember(page, short, { name: '王丽', relation: '30', phone: '13600136000' });
    await checks.check('family page');

    const familyPage = page.getByTestId('family-page');
    await familyPage.getByRole('button', { name: text(language, 'familyDesk:page.unmask') }).click();
    await familyPage.getByRole('button', { name: text(language, 'familyDesk:members.add.open') }).click();
    await checks.check('family page: member form');
    await page.getByTestId('family-member-form').getByRole('button', { name: text(language, 'records:cancel') }).click();
    await familyPage.getByRole('button', { name: text(language, 'familyDesk:consents.form.open') }).click();
    await checks.check('family page: consent form');
    await page.getByTestId('family-consent-form').getByRole('button', { name: text(language, 'records:cancel') }).click();
    await familyPage.getByRole('button', { name: text(language, 'familyDesk:contacts.form.open') }).click();
    const contactForm = page.getByTestId('log-contact-form');
    await contactForm.getByLabel(text(language, 'familyDesk:contacts.form.followUp')).selectOption('');
    await contactForm.getByLabel(text(language, 'familyDesk:contacts.form.nextDueOn')).fill(daysFromToday(2));
    await checks.check('family page: contact form');
    await contactForm.getByRole('button', { name: text(language, 'familyDesk:contacts.form.submit') }).click();
    await expect(page.getByTestId('family-done')).toBeVisible();
    await familyPage.getByRole('button', { name: text(language, 'familyDesk:remembrance.invite.open') }).click();
    await checks.check('family page: invitation form');
    const inviteForm = page.getByTestId('family-invite-form');
    await inviteForm.getByLabel(text(language, 'familyDesk:remembrance.year')).fill(today().slice(0, 4));
    await inviteForm.getByRole('button', { name: text(language, 'familyDesk:remembrance.invite.submit') }).click();
    await expect(page.getByTestId('invitation-code')).toBeVisible();
    await checks.check('family page with an invitation');
    await familyPage.getByRole('button', { name: text(language, 'familyDesk:doNotContactSet.open') }).click();
    const doNotContact = page.getByTestId('do-not-contact-form');
    await doNotContact.getByLabel(text(language, 'familyDesk:doNotContactSet.reason')).fill('—');
    await doNotContact.getByRole('button', { name: text(language, 'familyDesk:doNotContactSet.submit') }).click();
    await expect(doNotContact.getByRole('alertdialog')).toBeVisible();
    await checks.check('family page: do-not-contact question');
    await doNotContact.getByRole('button', { name: text(language, 'familyDesk:doNotContactSet.confirmNo') }).click();

    await page.getByRole('button', { name: text(language, 'familyDesk:page.back') }).click();
    await expect(page.getByTestId('family-due-item')).toHaveCount(1);
    await checks.check('overview: due this week and the families');

    await page.getByRole('button', { name: text(language, 'nav.home') }).click();
    await page.locator('.tile', { hasText: text(language, 'dashboard:title') }).click();
    await expect(page.getByTestId('dashboard-family-figures')).toBeVisible();
    await checks.check('dashboard with the family-care panel', '[data-testid="dashboard-family"]');

    await signOutStaff(page, language === 'en' ? 'en' : 'zh');
    await page.locator('.tile', { hasText: text(language, 'memorial:signIn.title') }).click();
    await expect(page.getByLabel(text(language, 'familyDesk:kiosk.invitationCode'))).toBeVisible();
    await checks.check('memorial kiosk sign-in with the invitation code');

    checks.expectNone();
  });
}
