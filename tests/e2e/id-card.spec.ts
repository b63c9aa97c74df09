import type { Page } from '@playwright/test';
import type { OpenStation } from '../../electron/app/open-station';
import { ReaderSimulator } from '../../electron/idcard/reader-simulator';
import { sampleCardImages } from '../../electron/idcard/sample-cards';
import { maskName } from '../../shared/domain/masking';
import { adminCaller, expect, sampleAdmin, sampleStation, signIn, test as stationTest } from './fixtures';
import {
  answerConsents,
  choosePrograms,
  countRegistrations,
  drawSignature,
  en,
  fillIdentity,
  next,
  openRegistration,
  skipHeardFrom,
  zh,
  type FlowLabels,
} from './registration-helpers';
import { describeViolations, screenViolations } from './support/axe';

/**
 * The ID-card reader on the identity step, at the kiosk and the staff desk: the station reads the
 * simulated reader (electron/idcard/reader-simulator.ts), which each test drives in-process — placing a
 * sample card, lifting it, making it fail, unplugging it.
 */
const test = stationTest.extend<{ reader: { simulator: ReaderSimulator; address: string } }>({
  reader: async ({}, use) => {
    const simulator = new ReaderSimulator();
    const listening = await simulator.listen('127.0.0.1:0');
    await use({ simulator, address: listening.address });
    await listening.close();
  },
});

/** Points the station at the simulated reader, as an administrator would in the settings. */
async function connectReader(station: OpenStation, address: string): Promise<void> {
  const login = await station.dispatch('session:login', { username: sampleAdmin.username, password: sampleAdmin.password }, adminCaller);
  expect(login.ok).toBe(true);
  const configured = await station.dispatch('idCard:configure', { kind: 'simulated', libraryPath: null, port: null, simulatorAddress: address }, adminCaller);
  expect(configured).toMatchObject({ ok: true });
}

/** The reads the station audited, newest last: the read's identifier is the entry's object. */
function auditedReads(station: OpenStation): Array<{ object_id: string | null; detail: string }> {
  return station.connection.sqlite.prepare("select object_id, detail from audit_log where action = 'id_card_read' order by seq").all() as Array<{
    object_id: string | null;
    detail: string;
  }>;
}

/** Whether the station still holds a read: staff can unlock only a read it has not forgotten. */
async function stationHolds(station: OpenStation, readId: string): Promise<boolean> {
  const unlocked = await station.dispatch('idCard:unlock', { readId, reason: '核对是否已释放' }, adminCaller);
  return unlocked.ok;
}

/** Consents, signature, no answer to "how did you hear" and the submit, from the step after the identity. */
async function finishRegistration(page: Page, labels: FlowLabels, submit: string): Promise<void> {
  await answerConsents(page, { provincial_sync: true, follow_up_contact: false, memorial_publication: false }, labels);
  await next(page, labels);
  await drawSignature(page);
  await next(page, labels);
  await skipHeardFrom(page, labels);
  await page.getByRole('button', { name: submit }).click();
}

const panel = (page: Page) => page.getByTestId('id-card-panel');

test.beforeEach(async ({ setUpStation, openApp, page, station, reader }) => {
  await setUpStation();
  await connectReader(station, reader.address);
  await openApp();
  await expect(page.getByRole('heading', { name: sampleStation.name })).toBeVisible();
});

test('a visitor registers with a resident ID card at the kiosk: the card fills and locks the fields, in Chinese', async ({ page, station, reader }) => {
  const card = sampleCardImages.resident;
  await openRegistration(page);
  await choosePrograms(page, ['角膜捐献']);
  await next(page);

  await expect(panel(page)).toContainText('请将身份证放在读卡器上');
  await expect(panel(page).getByRole('img', { name: /读卡器示意图/ })).toBeVisible();
  const waiting = await screenViolations(page, 'identity step, waiting for a card');
  expect(waiting, describeViolations(waiting)).toEqual([]);
  reader.simulator.place('resident');

  await expect(page.getByTestId('card-badge')).toHaveText('来自身份证');
  await expect(panel(page)).toContainText('已读取身份证，信息已自动填写。');
  await expect(panel(page)).toContainText('请取回您的身份证。');
  const number = page.getByLabel('证件号码', { exact: true });
  await expect(number).toHaveValue(card.number);
  await expect(number).toHaveAttribute('readonly', '');
  await expect(page.getByLabel('证件类型')).toHaveValue('居民身份证');
  await expect(page.getByLabel('姓名', { exact: true })).toHaveValue(card.name);
  await expect(page.getByLabel('姓名', { exact: true })).toHaveAttribute('readonly', '');
  await expect(page.getByLabel('性别')).toHaveValue('男');
  await expect(page.getByLabel('出生日期')).toHaveValue('1990年1月1日');
  await expect(page.getByLabel('民族')).toHaveValue('汉族');
  const filled = await screenViolations(page, 'identity step, filled from a card');
  expect(filled, describeViolations(filled)).toEqual([]);
  // A visitor has no way to open the fields: only another card, or typing.
  await expect(panel(page).getByRole('button', { name: '修改读卡信息' })).toHaveCount(0);

  // The card taken back: the reminder goes.
  reader.simulator.lift();
  await expect(panel(page)).not.toContainText('请取回您的身份证。');

  await page.getByLabel('联系电话').fill('13812345678');
  await next(page);
  await expect(page.getByRole('heading', { name: '知情同意' })).toBeVisible();
  await finishRegistration(page, zh, '确认提交');
  await expect(page.getByRole('heading', { name: '登记完成' })).toBeVisible();
  await expect(page.getByText(`${maskName(card.name)}，感谢您的爱心！`)).toBeVisible();
  expect(countRegistrations(station)).toBe(1);
  expect(station.connection.sqlite.prepare('select document_kind from person').all()).toEqual([{ document_kind: 'resident_id' }]);

  // One read, audited by kind and outcome without the number or the name; forgotten once the visitor is done.
  const reads = auditedReads(station);
  expect(reads).toHaveLength(1);
  expect(reads[0]?.detail).toContain('resident_id');
  expect(reads[0]?.detail).not.toContain(card.number);
  expect(reads[0]?.detail).not.toContain(card.name);
  await page.getByRole('button', { name: '完成，返回第一步' }).click();
  await expect(page.locator('[data-step="programs"]')).toBeVisible();
  await expect.poll(() => stationHolds(station, reads[0]?.object_id ?? '')).toBe(false);
});

test('a residence permit for Hong Kong, Macao and Taiwan residents fills the step, in English, to the end', async ({ page, station, reader }) => {
  const card = sampleCardImages.permit;
  await page.getByRole('button', { name: 'English', exact: true }).click();
  await openRegistration(page, en);
  await choosePrograms(page, ['Cornea donation']);
  await next(page, en);

  await expect(panel(page)).toContainText('Please place your ID card on the reader');
  reader.simulator.place('permit');
  await expect(page.getByTestId('card-badge')).toHaveText('From the ID card');
  await expect(page.getByLabel('Document type')).toHaveValue('Residence permit for Hong Kong, Macao and Taiwan residents');
  await expect(page.getByLabel('Document number', { exact: true })).toHaveValue(card.number);
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue(card.name);
  await expect(page.getByLabel('Sex')).toHaveValue('Female');
  await expect(page.getByLabel('Date of birth')).toHaveValue('March 4, 1992');
  // A permit carries no ethnic group.
  await expect(page.getByLabel('Ethnic group')).toHaveCount(0);
  reader.simulator.lift();

  await page.getByLabel('Phone', { exact: true }).fill('13812345678');
  await next(page, en);
  await expect(page.locator('[data-step="consents"]')).toBeVisible();
  await finishRegistration(page, en, 'Confirm and submit');
  await expect(page.locator('[data-step="done"]')).toBeVisible();
  expect(countRegistrations(station)).toBe(1);
  expect(station.connection.sqlite.prepare('select document_kind from person').all()).toEqual([{ document_kind: 'residence_permit' }]);
});

test("foreigners' permanent residence cards of 2017 and 2023; a visitor reads another card after lifting the first", async ({ page, reader }) => {
  await openRegistration(page);
  await choosePrograms(page, ['角膜捐献']);
  await next(page);

  reader.simulator.place('foreigner-2017');
  await expect(page.getByLabel('证件类型')).toHaveValue('外国人永久居留身份证（2017 版）');
  await expect(page.getByLabel('证件号码', { exact: true })).toHaveValue(sampleCardImages['foreigner-2017'].number);
  await expect(page.getByLabel('姓名', { exact: true })).toHaveValue('马克莱');
  // The 2017 number does not carry the birth date: the card gives it, locked like the rest.
  await expect(page.getByLabel('出生日期')).toHaveValue('1985年7月1日');
  await expect(page.getByLabel('出生日期')).toHaveAttribute('readonly', '');
  await expect(page.getByLabel('性别')).toHaveValue('女');

  // Another card: the fields empty, and the reader wants the first card lifted before reading again.
  await panel(page).getByRole('button', { name: '读取另一张证件' }).click();
  await expect(page.getByTestId('card-fields')).toHaveCount(0);
  await expect(page.getByLabel('证件号码', { exact: true })).toHaveValue('');
  await expect(panel(page)).toContainText('请先从读卡器上取走身份证');
  reader.simulator.place('foreigner-2023');
  await expect(panel(page)).toContainText('请先从读卡器上取走身份证');
  reader.simulator.lift();
  await expect(panel(page)).toContainText('请将身份证放在读卡器上');
  reader.simulator.place('foreigner-2023');

  await expect(page.getByLabel('证件类型')).toHaveValue('外国人永久居留身份证（2023 版）');
  await expect(page.getByLabel('证件号码', { exact: true })).toHaveValue(sampleCardImages['foreigner-2023'].number);
  // No Chinese name on the card: its Latin name, without the comma no registered name holds.
  await expect(page.getByLabel('姓名', { exact: true })).toHaveValue('VAN DER BERG-SCHOUTEN JOHANNES ALEXANDER');
  await expect(page.getByLabel('出生日期')).toHaveValue('1981年8月3日');
  await expect(page.getByLabel('性别')).toHaveValue('男');
  await page.getByLabel('联系电话').fill('13812345678');
  await next(page);
  await expect(page.locator('[data-step="consents"]')).toBeVisible();
});

test('an expired card and an unknown card are refused with what to do, and typing stays possible', async ({ page, reader }) => {
  await openRegistration(page);
  await choosePrograms(page, ['角膜捐献']);
  await next(page);

  reader.simulator.place('resident-expired');
  const refusal = page.getByTestId('id-card-refusal');
  await expect(refusal).toHaveText('这张证件已于2025年6月1日过期，不能用于登记。请使用有效的证件，或请工作人员帮助。');
  await expect(panel(page)).toContainText('请从读卡器上取走这张卡。');
  await expect(page.getByTestId('card-fields')).toHaveCount(0);
  await expect(page.getByLabel('证件号码', { exact: true })).toHaveValue('');
  await expect(page.getByLabel('证件号码', { exact: true })).not.toHaveAttribute('readonly', '');

  // Lifted, the reader waits for the next card; the refusal stays said until then.
  reader.simulator.lift();
  await expect(panel(page)).toContainText('请将身份证放在读卡器上');
  await expect(refusal).toContainText('过期');

  reader.simulator.place('unknown-kind');
  await expect(refusal).toContainText('这种证件不能在这里读取');
  reader.simulator.lift();
  await expect(panel(page)).toContainText('请将身份证放在读卡器上');

  // What the visitor already typed stays when the reader is put aside.
  await page.getByLabel('证件号码', { exact: true }).fill('11010519491231002X');
  await panel(page).getByRole('button', { name: '改为手工填写' }).click();
  await expect(page.getByLabel('证件号码', { exact: true })).toBeFocused();
  await expect(page.getByLabel('证件号码', { exact: true })).toHaveValue('11010519491231002X');
  await expect(panel(page)).toContainText('正在手工填写证件信息。');
  await fillIdentity(page, { number: '11010519491231002X', name: '张三', phone: '13812345678', ethnicGroup: '汉族' });
  await next(page);
  await expect(page.locator('[data-step="consents"]')).toBeVisible();
});

test('a card lifted in the middle of its read asks for it again, and reads the second time', async ({ page, reader }) => {
  await openRegistration(page);
  await choosePrograms(page, ['角膜捐献']);
  await next(page);

  // Moved too soon: the reader found the card but could not read it.
  reader.simulator.fail();
  await expect(page.getByTestId('id-card-refusal')).toHaveText(/^没能读出这张卡。请取走身份证，再把它平放到读卡器上/);
  reader.simulator.lift();
  await expect(panel(page)).toContainText('请将身份证放在读卡器上');
  reader.simulator.place('resident-female');
  await expect(page.getByLabel('姓名', { exact: true })).toHaveValue('杨秀英');
  await expect(page.getByLabel('民族')).toHaveValue('彝族');
  await expect(page.getByTestId('id-card-refusal')).toHaveCount(0);
});

test('without a reader the kiosk says so and the visitor types, in English', async ({ page, reader }) => {
  reader.simulator.unplug();
  await page.getByRole('button', { name: 'English', exact: true }).click();
  await openRegistration(page, en);
  await choosePrograms(page, ['Cornea donation']);
  await next(page, en);

  await expect(panel(page)).toContainText('The card reader is not connected');
  await expect(panel(page)).toContainText('Please type your document details below.');
  // The reason is for staff; a visitor is not told about ports.
  await expect(panel(page)).not.toContainText('cable');
  await fillIdentity(page, { number: '11010519491231002X', name: 'Zhang San', phone: '13812345678', ethnicGroup: 'Han' }, en);
  await next(page, en);
  await expect(page.locator('[data-step="consents"]')).toBeVisible();
});

test('at the staff desk a registrar unlocks the card fields with a reason, which the audit trail keeps', async ({ page, station, reader, createStaff }) => {
  const registrar = await createStaff('registrar');
  await signIn(page, registrar);
  await openRegistration(page);
  await choosePrograms(page, ['角膜捐献']);
  await next(page);

  reader.simulator.place('resident');
  await expect(page.getByTestId('card-badge')).toBeVisible();
  await panel(page).getByRole('button', { name: '修改读卡信息' }).click();
  // A reason is required.
  await panel(page).getByRole('button', { name: '确认修改' }).click();
  await expect(page.getByLabel('修改原因')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#id-card-unlock-reason-error')).toBeVisible();
  await expect(page.getByLabel('姓名', { exact: true })).toHaveAttribute('readonly', '');
  await page.getByLabel('修改原因').fill('证件上的姓名已变更');
  await panel(page).getByRole('button', { name: '确认修改' }).click();

  await expect(panel(page)).toContainText('已解锁，可修改读卡填入的信息');
  await expect(page.getByTestId('card-fields')).toHaveCount(0);
  const name = page.getByLabel('姓名', { exact: true });
  await expect(name).toHaveValue(sampleCardImages.resident.name);
  await expect(name).not.toHaveAttribute('readonly', '');
  await name.fill('李健华');
  await expect(page.getByLabel('证件号码', { exact: true })).toHaveValue(sampleCardImages.resident.number);

  const entries = station.connection.sqlite.prepare("select actor_id, object_id, detail from audit_log where action = 'id_card_unlock'").all() as Array<{
    actor_id: string;
    object_id: string;
    detail: string;
  }>;
  expect(entries).toHaveLength(1);
  expect(entries[0]?.object_id).toBe(auditedReads(station)[0]?.object_id);
  expect(JSON.parse(entries[0]?.detail ?? '{}')).toMatchObject({ documentKind: 'resident_id', reason: '证件上的姓名已变更' });
  expect(entries[0]?.detail).not.toContain(sampleCardImages.resident.number);
});

test('the idle wipe forgets the card: its fields leave the screen and the station releases the read', async ({ page, station, reader }) => {
  station.connection.sqlite.prepare("insert into station_setting(key, value, updated_at) values ('kioskIdleSeconds', '20', ?)").run(new Date().toISOString());
  await page.clock.install();
  await page.reload();
  await openRegistration(page);
  await choosePrograms(page, ['角膜捐献']);
  await next(page);

  reader.simulator.place('resident');
  await expect(page.getByLabel('姓名', { exact: true })).toHaveValue(sampleCardImages.resident.name);
  reader.simulator.lift();
  const readId = auditedReads(station)[0]?.object_id ?? '';

  // Past the idle time and its countdown, however the station lengthens a short one.
  await page.clock.fastForward('01:00');
  await expect(page.getByRole('heading', { name: '请选择要登记的项目' })).toBeVisible();
  const html = await page.content();
  expect(html).not.toContain(sampleCardImages.resident.name);
  expect(html).not.toContain(sampleCardImages.resident.number);
  await expect.poll(() => stationHolds(station, readId)).toBe(false);
});
