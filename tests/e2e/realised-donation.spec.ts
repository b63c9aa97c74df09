import type { Page } from '@playwright/test';
import type { OpenStation } from '../../electron/app/open-station';
import { stationDate } from '../../shared/domain/age';
import { maskName } from '../../shared/domain/masking';
import { samplePerson } from '../fixtures/registrations';
import { expect, sampleAdmin, sampleStation, signIn, test } from './fixtures';
import { card, numberOf, openFirstResult, openRecords, register, search } from './records-helpers';

test.beforeEach(async ({ setUpStation, openApp, page }) => {
  await setUpStation();
  await openApp();
  await expect(page.getByRole('heading', { name: sampleStation.name })).toBeVisible();
});

/** The registrations were made today: the only day a donation can be recorded for in these tests. */
function today(): string {
  return stationDate(new Date());
}

/** The state of a registration as stored, read directly from the station's database. */
function storedState(station: OpenStation, number: string): unknown {
  return station.connection.sqlite.prepare('select state, realised_on from registration where number = ?').get(number);
}

async function openRecordOf(page: Page, number: string, labels?: { tile: string; query: string; submit: string; open: string }): Promise<void> {
  await openRecords(page, labels?.tile);
  await search(page, number, labels ? { query: labels.query, submit: labels.submit } : undefined);
  await openFirstResult(page, labels?.open);
}

test('a supervisor records a donation as completed, then issues a memorial certificate that waits on the documents screen', async ({ page, station, createStaff }) => {
  const created = await register(station);
  const body = numberOf(created, 'body');
  const supervisor = await createStaff('supervisor');
  await signIn(page, supervisor);
  await openRecordOf(page, body);

  const registration = card(page, body);
  // The certificates after a donation are not offered while the registration is only an intent.
  await registration.getByRole('button', { name: '开具文书' }).click();
  await expect(page.getByLabel('文书类型').locator('option')).toHaveText(['登记回执', '登记证书', '捐献卡']);
  await page.getByRole('button', { name: '取消' }).click();

  await registration.getByRole('button', { name: '记录捐献完成' }).click();
  const form = page.getByTestId('realise-form');
  // Without a date the station says which field and why.
  await form.getByRole('button', { name: '记录捐献完成' }).click();
  await expect(form).toContainText('请填写有效的捐献日期。');
  await form.getByLabel('捐献日期').fill(today());
  await form.getByLabel('备注（选填）').fill('接收单位交接书 2026-017');
  await form.getByRole('button', { name: '记录捐献完成' }).click();
  await expect(form.getByRole('alertdialog')).toContainText(`确认登记 ${body}（遗体捐献）的捐献已于`);
  await form.getByRole('button', { name: '确认记录' }).click();

  await expect(page.getByRole('status')).toHaveText(`已记录登记 ${body} 的捐献完成。`);
  await expect(registration.getByTestId('registration-state')).toHaveText('已实现捐献');
  await expect(registration.getByTestId('registration-realised-on')).toBeVisible();
  const rows = registration.getByTestId('registration-history').locator('tbody tr');
  await expect(rows.last()).toContainText('捐献完成');
  await expect(rows.last()).toContainText('接收单位交接书 2026-017');
  // Final: neither amended nor withdrawn any more.
  await expect(registration.getByRole('button', { name: '撤回登记' })).toHaveCount(0);
  await expect(registration.getByRole('button', { name: '修改登记' })).toHaveCount(0);
  await expect(registration.getByRole('button', { name: '记录捐献完成' })).toHaveCount(0);
  expect(storedState(station, body)).toEqual({ state: 'realised', realised_on: today() });

  await registration.getByRole('button', { name: '开具文书' }).click();
  await expect(page.getByLabel('文书类型').locator('option')).toHaveText(['登记回执', '纪念证书', '荣誉证书']);
  await page.getByLabel('文书类型').selectOption('memorial_certificate');
  await page.getByRole('button', { name: '开具', exact: true }).click();
  const serial = `${sampleStation.code}-${today().slice(0, 4)}-MEM-000001`;
  const done = page.getByTestId('issue-document-done');
  await expect(done).toHaveText(`已开具纪念证书 ${serial}，待交付。前往回执与证书关闭`);

  await done.getByRole('button', { name: '前往回执与证书' }).click();
  await expect(page.getByRole('heading', { name: '回执与证书', level: 1 })).toBeVisible();
  const certificate = page.locator(`article[data-serial="${serial}"]`);
  await expect(certificate).toContainText('纪念证书');
  await expect(certificate.getByTestId('document-state')).toHaveText('待交付');
  await expect(certificate.getByTestId('document-subject')).toHaveText(maskName(samplePerson.name));
});

test('a registrar is not offered the action, and the station refuses it to a registrar', async ({ page, station, createStaff }) => {
  const created = await register(station);
  const cornea = numberOf(created, 'cornea');
  const registrar = await createStaff('registrar');
  await signIn(page, registrar);
  await openRecordOf(page, cornea);

  const registration = card(page, cornea);
  await expect(registration.getByRole('button', { name: '撤回登记' })).toBeVisible();
  await expect(registration.getByRole('button', { name: '记录捐献完成' })).toHaveCount(0);

  const registrarCaller = { sessionKey: 'test-registrar' };
  expect((await station.dispatch('session:login', { username: registrar.username, password: registrar.password }, registrarCaller)).ok).toBe(true);
  const id = created.registrations.find((entry) => entry.number === cornea)!.id;
  const attempt = await station.dispatch('registration:realise', { registrationId: id, expectedVersion: 1, donatedOn: today() }, registrarCaller);
  expect(attempt).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  expect(storedState(station, cornea)).toEqual({ state: 'active', realised_on: null });
});

test('in English: an administrator records the cornea donation as completed and issues a certificate of honour', async ({ page, station }) => {
  const created = await register(station);
  const cornea = numberOf(created, 'cornea');
  await signIn(page, sampleAdmin);
  await page.getByRole('button', { name: 'English' }).click();
  await openRecordOf(page, cornea, {
    tile: 'Registration records',
    query: 'Registration number, document number or name',
    submit: 'Search',
    open: 'Open record',
  });

  const registration = card(page, cornea);
  await registration.getByRole('button', { name: 'Record donation completed' }).click();
  const form = page.getByTestId('realise-form');
  await form.getByLabel('Date of donation').fill(today());
  await form.getByRole('button', { name: 'Record donation completed' }).click();
  await expect(form.getByRole('alertdialog')).toContainText(`Record that the donation of registration ${cornea} (Cornea donation) took place on`);
  await form.getByRole('button', { name: 'Yes, record it' }).click();
  await expect(page.getByRole('status')).toHaveText(`The donation of registration ${cornea} was recorded as completed.`);
  await expect(registration.getByTestId('registration-state')).toHaveText('Realised');
  await expect(registration.getByTestId('registration-history').locator('tbody tr').last()).toContainText('Donation completed');
  await expect(card(page, numberOf(created, 'body')).getByTestId('registration-state')).toHaveText('Active');

  await registration.getByRole('button', { name: 'Issue document' }).click();
  await page.getByLabel('Document type').selectOption('honour_certificate');
  await page.getByRole('button', { name: 'Issue', exact: true }).click();
  const serial = `${sampleStation.code}-${today().slice(0, 4)}-HON-000001`;
  await expect(page.getByTestId('issue-document-done')).toContainText(`Issued Certificate of honour ${serial}, waiting to be handed over.`);
  const stored = station.connection.sqlite.prepare('select kind, language, state from document where serial = ?').get(serial);
  expect(stored).toEqual({ kind: 'honour_certificate', language: 'en', state: 'issued' });
});
