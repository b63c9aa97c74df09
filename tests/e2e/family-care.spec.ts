import { maskName } from '../../shared/domain/masking';
import { samplePerson } from '../fixtures/registrations';
import { expect, sampleAdmin, sampleStation, showIn, signIn, test } from './fixtures';
import { daysFromToday, familyLabels, openFamilyFromRecords, openFamilyWithMember, realisedDonation, today } from './family-helpers';

// The memorial park's station: its public home offers the visitor sign-in where the invitation code is typed.
test.use({ stationKind: 'memorial_kiosk' });

test.beforeEach(async ({ setUpStation, openApp, page }) => {
  await setUpStation();
  await openApp();
  await expect(page.getByRole('heading', { name: sampleStation.name })).toBeVisible();
});

test('from a completed donation to an attended Qingming ceremony, through the family-care screens', async ({ page, station, createStaff }) => {
  const { number } = await realisedDonation(station);
  const registrar = await createStaff('registrar');
  await signIn(page, registrar);
  await openFamilyFromRecords(page, number, 'zh');
  await expect(page.getByRole('heading', { name: '家属关怀', level: 1 })).toBeVisible();

  // Each refused field says why, in words, under the field.
  const form = page.getByTestId('open-family-form');
  await form.getByRole('button', { name: '建立家属档案', exact: true }).click();
  await expect(form.locator('#open-member-0-name-error')).toBeVisible();
  await expect(form.locator('#open-member-0-relation-error')).toBeVisible();
  await form.getByLabel('姓名', { exact: true }).fill('张建国');
  await form.getByLabel('与捐献者关系').selectOption('10');
  await form.getByLabel('联系电话').fill('123');
  await form.getByRole('button', { name: '建立家属档案', exact: true }).click();
  await expect(form.locator('#open-member-0-phone-error')).toHaveText(/[\u4e00-\u9fff]/u);
  await expect(form.locator('#open-member-0-name-error')).toHaveCount(0);
  await form.getByLabel('联系电话').fill('13800138000');
  await form.getByLabel('同意了捐献').check();
  await form.getByRole('button', { name: '建立家属档案', exact: true }).click();
  await expect(page.getByTestId('family-done')).toHaveText(familyLabels.zh.opened);

  const familyPage = page.getByTestId('family-page');
  // Masked until staff choose to see the names.
  await expect(familyPage.getByTestId('family-member-name')).toHaveText(maskName('张建国'));
  await expect(familyPage.getByRole('heading', { level: 2, name: `${maskName(samplePerson.name)} 的家属档案` })).toBeVisible();
  await expect(familyPage.getByTestId('family-follow-up')).toHaveCount(3);

  // A second member.
  await familyPage.getByRole('button', { name: '添加家属成员' }).click();
  const memberForm = page.getByTestId('family-member-form');
  await memberForm.getByLabel('姓名', { exact: true }).fill('张小明');
  await memberForm.getByLabel('与捐献者关系').selectOption('20');
  await memberForm.getByLabel('联系电话').fill('13900139000');
  await memberForm.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByTestId('family-done')).toHaveText('已添加家属成员。');
  await expect(familyPage.getByTestId('family-member')).toHaveCount(2);

  // No engraving without the family's consent; with it, the way to the name list.
  await expect(familyPage.getByTestId('family-engraving-refusal')).toHaveText('尚未登记家属对刻名的同意，不能列入纪念名录。');
  await expect(familyPage.getByRole('button', { name: '列入纪念名录' })).toHaveCount(0);
  await familyPage.getByRole('button', { name: '登记家属意愿' }).click();
  const consentForm = page.getByTestId('family-consent-form');
  await consentForm.getByLabel('事项').selectOption('name_engraving');
  await consentForm.getByLabel('表示意愿的家属').selectOption({ index: 1 });
  await consentForm.getByRole('button', { name: '保存', exact: true }).click();
  await expect(consentForm.locator('.field__error')).toHaveCount(1);
  await consentForm.getByLabel('同意', { exact: true }).check();
  await consentForm.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByTestId('family-done')).toHaveText('已登记家属意愿。');
  await expect(familyPage.locator('[data-purpose="name_engraving"]').getByTestId('family-consent-state')).toHaveText('同意');
  await expect(familyPage.getByRole('button', { name: '列入纪念名录' })).toBeVisible();
  await expect(familyPage.getByTestId('family-engraving-refusal')).toHaveCount(0);

  // A first call, with the next contact agreed for in three days: it is then due this week.
  await familyPage.getByRole('button', { name: '记录一次联系' }).click();
  const contactForm = page.getByTestId('log-contact-form');
  await contactForm.getByLabel('对应的回访').selectOption('');
  await contactForm.getByLabel('家属需求').fill('希望了解清明缅怀活动的安排');
  // A contact dated tomorrow and a next visit yesterday: each field says why, in words of its own.
  await contactForm.getByLabel('日期', { exact: true }).fill(daysFromToday(1));
  await contactForm.getByLabel('下次回访日期（选填）').fill(daysFromToday(-1));
  await contactForm.getByRole('button', { name: '保存联系记录' }).click();
  await expect(contactForm.locator('#log-contact-on-error')).toHaveText('联系日期不能晚于今天。');
  await expect(contactForm.locator('#log-contact-next-due-error')).toHaveText('下次回访日期不能早于今天。');
  await contactForm.getByLabel('日期', { exact: true }).fill(today());
  await contactForm.getByLabel('下次回访日期（选填）').fill(daysFromToday(3));
  await contactForm.getByRole('button', { name: '保存联系记录' }).click();
  await expect(page.getByTestId('family-done')).toHaveText('已保存联系记录。');
  await expect(familyPage.getByTestId('family-contact')).toHaveCount(1);
  await expect(familyPage.getByTestId('family-contact')).toContainText('（已隐藏）');

  await page.getByRole('button', { name: '返回家属列表' }).click();
  const due = page.getByTestId('family-due-item');
  await expect(due).toHaveCount(1);
  await expect(due).toContainText(maskName(samplePerson.name));
  await expect(due).toContainText(maskName('张建国'));
  await expect(due).not.toContainText('张建国');
  await due.getByRole('button', { name: /^记录联系/ }).click();
  const dueContact = page.getByTestId('log-contact-form');
  await dueContact.getByLabel('联系方式').selectOption('home_visit');
  await dueContact.getByRole('button', { name: '保存联系记录' }).click();
  await expect(page.getByTestId('family-done')).toHaveText('已保存联系记录。');
  await expect(page.getByTestId('family-contact')).toHaveCount(2);

  // The invitation to this year's Qingming, its code shown large for the letter.
  await page.getByRole('button', { name: '邀请参加缅怀活动' }).click();
  const inviteForm = page.getByTestId('family-invite-form');
  await inviteForm.getByLabel('活动').selectOption('qingming');
  await inviteForm.getByLabel('年份').fill(today().slice(0, 4));
  await inviteForm.getByRole('button', { name: '发出邀请' }).click();
  await expect(page.getByTestId('family-done')).toHaveText('已发出邀请，请将邀请码印在邀请函上。');
  const invitation = page.getByTestId('family-invitation');
  await expect(invitation.getByTestId('invitation-attended')).toHaveText('尚未出席');
  const code = (await invitation.getByTestId('invitation-code').textContent())!.trim();
  expect(code).toMatch(/^[A-Z2-9]{8}$/u);
  await invitation.getByRole('button', { name: '家属接受邀请' }).click();
  await expect(page.getByTestId('family-done')).toHaveText('已登记家属的答复。');
  await expect(invitation.getByTestId('invitation-state')).toContainText(/接受/u);

  // At the memorial kiosk the family signs in with the code; the thanks say nothing about it.
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.getByRole('button', { name: /来访登记/ }).click();
  await page.getByLabel('3', { exact: true }).check();
  await page.getByLabel('清明祭扫').check();
  await page.getByLabel('邀请码（如有）').fill(code.toLowerCase());
  await page.getByRole('button', { name: '登记', exact: true }).click();
  await expect(page.getByRole('heading', { name: '感谢您的到访' })).toBeVisible();
  await expect(page.locator('main')).not.toContainText(code);
  await page.getByRole('button', { name: '返回首页' }).click();

  // Back at the desk, the invitation shows the family came, signed in at the kiosk.
  await signIn(page, registrar);
  await page.getByRole('button', { name: /家属关怀/ }).click();
  const row = page.getByTestId('family-row');
  await expect(row).toContainText(maskName(samplePerson.name));
  await expect(row.getByTestId('do-not-contact-mark')).toHaveText('可联系');
  await row.getByRole('button', { name: '打开' }).click();
  await expect(page.getByTestId('invitation-attended')).toContainText('纪念园自助签到');
});

test('in English: a family that asks not to be contacted leaves the due list and cannot be invited', async ({ page, station }) => {
  const { number } = await realisedDonation(station);
  await signIn(page, sampleAdmin);
  await showIn(page, 'en');
  await openFamilyFromRecords(page, number, 'en');
  await openFamilyWithMember(page, 'en', { name: '李秀英', relation: '52', phone: '13700137000' });
  const familyPage = page.getByTestId('family-page');
  await expect(familyPage.getByTestId('family-engraving-refusal')).toHaveText("The family's consent to the engraving is not recorded: the name cannot be added to the list.");

  await familyPage.getByRole('button', { name: 'Log a contact' }).click();
  const contactForm = page.getByTestId('log-contact-form');
  await contactForm.getByLabel('Follow-up it answers').selectOption('');
  await contactForm.getByLabel('Date', { exact: true }).fill(daysFromToday(1));
  await contactForm.getByLabel('Next follow-up on (optional)').fill(daysFromToday(-1));
  await contactForm.getByRole('button', { name: 'Save the contact' }).click();
  await expect(contactForm.locator('#log-contact-on-error')).toHaveText('The date of the contact cannot be later than today.');
  await expect(contactForm.locator('#log-contact-next-due-error')).toHaveText('The next follow-up cannot be earlier than today.');
  await contactForm.getByLabel('Date', { exact: true }).fill(today());
  await contactForm.getByLabel('Next follow-up on (optional)').fill(daysFromToday(2));
  await contactForm.getByRole('button', { name: 'Save the contact' }).click();
  await expect(page.getByTestId('family-done')).toHaveText('The contact was logged.');
  await page.getByRole('button', { name: 'Back to the families' }).click();
  await expect(page.getByTestId('family-due-item')).toHaveCount(1);

  await page.getByTestId('family-row').getByRole('button', { name: 'Open' }).click();
  await page.getByRole('button', { name: 'Family asks not to be contacted' }).click();
  const form = page.getByTestId('do-not-contact-form');
  await form.getByLabel('Reason').fill('The family wishes to grieve in private');
  await form.getByRole('button', { name: 'Record do not contact' }).click();
  await expect(form.getByRole('alertdialog')).toHaveText(/Record that this family is not to be contacted\?/u);
  await form.getByRole('button', { name: 'Yes, record it' }).click();
  await expect(page.getByTestId('family-done')).toHaveText('Recorded: do not contact. Every follow-up is stopped.');
  await expect(page.getByTestId('family-do-not-contact')).toContainText('Do not contact');
  await expect(page.getByRole('button', { name: 'Log a contact' })).toHaveCount(0);

  // The station refuses the invitation, in words.
  await page.getByRole('button', { name: 'Invite to a ceremony' }).click();
  await page.getByTestId('family-invite-form').getByRole('button', { name: 'Send the invitation' }).click();
  await expect(page.getByTestId('family-invite-form').getByRole('alert')).toHaveText(
    'This family asked not to be contacted: no contact, visit or invitation can be recorded while the wish stands.',
  );
  await page.getByTestId('family-invite-form').getByRole('button', { name: 'Cancel' }).click();

  await page.getByRole('button', { name: 'Back to the families' }).click();
  await expect(page.getByText('No family is due for a follow-up this week.')).toBeVisible();
  await expect(page.getByTestId('family-due-item')).toHaveCount(0);
  await expect(page.getByTestId('family-row').getByTestId('do-not-contact-mark')).toHaveText(/Do not contact/u);
});
