import { residentId, samplePerson, sampleRegistration } from '../fixtures/registrations';
import { kioskCaller } from '../fixtures/temp-station';
import { expect, openTileAs, sampleAdmin, sampleStation, test } from './fixtures';
import { openFirstResult, register, search } from './records-helpers';
import { en, registerAtKiosk, zh } from './registration-helpers';

test.beforeEach(async ({ setUpStation, openApp, page }) => {
  await setUpStation();
  await openApp();
  await expect(page.getByRole('heading', { name: sampleStation.name })).toBeVisible();
});

const known = { number: samplePerson.document.number, name: samplePerson.name, phone: samplePerson.phone };

test('the kiosk sends someone whose document is on file under another name to staff, saying nothing more (中文)', async ({ page, station }) => {
  await register(station, { programs: [{ program: 'cornea' }] });
  await registerAtKiosk(page, zh, '角膜捐献', { ...known, name: '张三' }, '确认提交');

  await expect(page.getByRole('heading', { name: '请联系工作人员办理', level: 1 })).toBeVisible();
  await expect(page.getByTestId('see-staff')).toHaveText('这次登记需要工作人员为您办理。请带上您的证件到服务台，工作人员会协助您。');
  // Neither the name on file nor any reason is shown.
  await expect(page.locator('section.registration')).not.toContainText('另一个姓名');
  await expect(page.locator('section.registration')).not.toContainText('有效登记');
  await expect(page.getByRole('alert')).toHaveCount(0);
  const audited = station.connection.sqlite.prepare("select detail from audit_log where action = 'registration_refused'").all() as Array<{ detail: string }>;
  expect(audited.map((row) => JSON.parse(row.detail).reason)).toEqual(['person_details_mismatch']);

  // Finishing forgets what was typed and starts over.
  await page.getByRole('button', { name: '完成，返回第一步' }).click();
  await expect(page.locator('[data-step="programs"]')).toBeVisible();
  await expect(page.getByRole('checkbox', { name: /^角膜捐献/ })).not.toBeChecked();
});

test('the kiosk answers an existing registration exactly like another name, in English', async ({ page, station }) => {
  await register(station, { programs: [{ program: 'cornea' }] });
  await page.getByRole('button', { name: 'English' }).click();
  await registerAtKiosk(page, en, 'Cornea donation', known, 'Confirm and submit');

  await expect(page.getByRole('heading', { name: 'Please see a member of staff', level: 1 })).toBeVisible();
  await expect(page.getByTestId('see-staff')).toHaveText(
    'A member of staff needs to complete this registration with you. Please bring your identity document to the desk; staff will help you.',
  );
  await expect(page.locator('section.registration')).not.toContainText('already');
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('staff confirm a phone typed at the kiosk for a person on file, from the record (中文)', async ({ page, station }) => {
  await register(station, { programs: [{ program: 'cornea' }] });
  const kiosk = await station.dispatch('registration:create', sampleRegistration({ person: { ...samplePerson, phone: '13999998888' }, programs: [{ program: 'body', paperwork: null }] }), kioskCaller);
  expect(kiosk.ok).toBe(true);

  await openTileAs(page, 'zh', sampleAdmin, '登记记录');
  await search(page, samplePerson.document.number);
  await openFirstResult(page);
  const held = page.getByTestId('held-changes');
  await expect(held.getByRole('heading', { name: '待工作人员核实：自助机上填写的变更' })).toBeVisible();
  await expect(held.getByTestId('held-change')).toContainText('新电话 139****8888');
  await held.getByRole('button', { name: '确认新电话' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已确认自助机上填写的电话' })).toBeVisible();
  await expect(page.getByTestId('held-changes')).toHaveCount(0);
  const amended = station.connection.sqlite.prepare("select count(*) n from audit_log where action = 'amend' and object_type = 'person'").get() as { n: number };
  expect(amended.n).toBe(1);
});

test('staff discard a phone typed at the kiosk, in English; the person stays as they were', async ({ page, station }) => {
  const other = { ...samplePerson, document: { kind: 'resident_id' as const, number: residentId('530102', '19800101', '017') }, name: '周平' };
  await register(station, { person: other, programs: [{ program: 'cornea' }] });
  await station.dispatch('registration:create', sampleRegistration({ person: { ...other, phone: '13999998888' }, programs: [{ program: 'body', paperwork: null }] }), kioskCaller);

  await openTileAs(page, 'en', sampleAdmin, 'Registration records');
  await search(page, other.document.number, { query: 'Registration number, document number or name', submit: 'Search' });
  await openFirstResult(page, 'Open record');
  const held = page.getByTestId('held-changes');
  await expect(held.getByRole('heading', { name: 'Waiting for staff: a change typed at the kiosk' })).toBeVisible();
  await held.getByRole('button', { name: 'Discard' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The phone from the kiosk was discarded; the person is unchanged.' })).toBeVisible();
  await expect(page.getByTestId('held-changes')).toHaveCount(0);
  const discarded = station.connection.sqlite.prepare("select state from kiosk_held_change").all();
  expect(discarded).toEqual([{ state: 'discarded' }]);
});
