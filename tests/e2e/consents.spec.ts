import type { OpenStation } from '../../electron/app/open-station';
import { expect, sampleStation, signIn, test } from './fixtures';
import { numberOf, openFirstResult, openRecords, register, search } from './records-helpers';
import { drawOn } from './registration-helpers';

test.beforeEach(async ({ setUpStation, openApp, page }) => {
  await setUpStation();
  await openApp();
  await expect(page.getByRole('heading', { name: sampleStation.name })).toBeVisible();
});

/** The states of the person's registration and person rows in the outbox, read directly. */
function reportingStates(station: OpenStation, personId: string): string[] {
  const rows = station.connection.sqlite.prepare('select state from outbox where person_id = ? order by seq').all(personId) as { state: string }[];
  return rows.map((row) => row.state);
}

function consentRows(station: OpenStation, personId: string, purpose: string): number {
  return (station.connection.sqlite.prepare('select count(*) as n from consent where person_id = ? and purpose = ?').get(personId, purpose) as { n: number }).n;
}

test('a registrar withdraws a person’s consent to report, signed on paper, and records it given again, drawn', async ({ page, station, createStaff }) => {
  const created = await register(station);
  const registrar = await createStaff('registrar');
  await signIn(page, registrar);
  await openRecords(page);
  await search(page, numberOf(created, 'body'));
  await openFirstResult(page);

  const row = page.getByTestId('consent-provincial_sync');
  await expect(row.getByTestId('consent-answer')).toHaveText('同意');
  // Only reporting and follow-up contact can be changed on the record.
  await expect(page.getByTestId('consent-donation_intent').getByRole('button')).toHaveCount(0);
  await expect(page.getByTestId('consent-memorial_publication').getByRole('button')).toHaveCount(0);

  await row.getByRole('button', { name: '撤回同意：报送省级系统' }).click();
  const form = page.getByTestId('consent-change-form');
  await expect(form.getByRole('heading', { name: '撤回同意：报送省级系统' })).toBeVisible();
  await expect(form).toContainText('省级系统须删除其中的个人信息');
  await expect(form.getByLabel('在纸质表格上签名（原件存档）')).toBeChecked();
  await form.getByRole('button', { name: '撤回同意', exact: true }).click();
  // Nothing happens before the question is answered.
  expect(consentRows(station, created.personId, 'provincial_sync')).toBe(1);
  await expect(page.getByRole('alertdialog')).toContainText('确认撤回本人对“报送省级系统”的同意？');
  await page.getByRole('alertdialog').getByRole('button', { name: '确认' }).click();

  await expect(page.getByRole('status')).toHaveText('已撤回“报送省级系统”的同意。');
  await expect(row.getByTestId('consent-answer')).toHaveText('不同意');
  await expect(form).toHaveCount(0);
  expect(reportingStates(station, created.personId)).toEqual(['omitted', 'omitted']);
  expect(consentRows(station, created.personId, 'provincial_sync')).toBe(2);

  await row.getByRole('button', { name: '重新同意：报送省级系统' }).click();
  await expect(form).toContainText('不会补报');
  await form.getByLabel('在屏幕上签名').check();
  await drawOn(page, page.locator('canvas#consent-change-signature-pad'));
  await form.getByRole('button', { name: '记录同意' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: '确认' }).click();

  await expect(page.getByRole('status')).toHaveText('已记录本人重新同意“报送省级系统”。');
  await expect(row.getByTestId('consent-answer')).toHaveText('同意');
  // Nothing left out is queued again.
  expect(reportingStates(station, created.personId)).toEqual(['omitted', 'omitted']);
  expect(consentRows(station, created.personId, 'provincial_sync')).toBe(3);
  const signatures = station.connection.sqlite.prepare('select kind from signature where person_id = ? order by at').all(created.personId);
  expect(signatures).toEqual([{ kind: 'drawn' }, { kind: 'paper' }, { kind: 'drawn' }]);
});

test('in English: a registrar withdraws consent to report and gives it again; a follow-up change is cancelled at the question', async ({ page, station, createStaff }) => {
  const created = await register(station);
  const registrar = await createStaff('registrar');
  await signIn(page, registrar);
  await page.getByRole('button', { name: 'English' }).click();
  await openRecords(page, 'Registration records');
  await search(page, numberOf(created, 'cornea'), { query: 'Registration number, document number or name', submit: 'Search' });
  await openFirstResult(page, 'Open record');

  const followUp = page.getByTestId('consent-follow_up_contact');
  await followUp.getByRole('button', { name: 'Withdraw consent: Follow-up contact' }).click();
  const form = page.getByTestId('consent-change-form');
  await form.getByRole('button', { name: 'Withdraw consent', exact: true }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Go back' }).click();
  await form.getByRole('button', { name: 'Cancel' }).click();
  await expect(form).toHaveCount(0);
  await expect(followUp.getByTestId('consent-answer')).toHaveText('Agreed');
  expect(consentRows(station, created.personId, 'follow_up_contact')).toBe(1);

  const row = page.getByTestId('consent-provincial_sync');
  await row.getByRole('button', { name: 'Withdraw consent: Reporting to the provincial system' }).click();
  await expect(form).toContainText('the province must delete their personal information');
  await form.getByRole('button', { name: 'Withdraw consent', exact: true }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByRole('status')).toHaveText('Consent to “Reporting to the provincial system” was withdrawn.');
  await expect(row.getByTestId('consent-answer')).toHaveText('Declined');
  expect(reportingStates(station, created.personId)).toEqual(['omitted', 'omitted']);

  await row.getByRole('button', { name: 'Consent again: Reporting to the provincial system' }).click();
  await expect(form).toContainText('are not sent afterwards');
  await form.getByRole('button', { name: 'Record consent' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByRole('status')).toHaveText('The person’s renewed consent to “Reporting to the provincial system” was recorded.');
  await expect(row.getByTestId('consent-answer')).toHaveText('Agreed');
});
