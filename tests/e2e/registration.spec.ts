import { maskDocumentNumber, maskName, maskPhone } from '../../shared/domain/masking';
import { residentId, sampleRegistration, samplePerson } from '../fixtures/registrations';
import { kioskCaller } from '../fixtures/temp-station';
import { countRows, expect, sampleAdmin, sampleStation, signIn, test } from './fixtures';
import {
  answerConsents,
  choosePrograms,
  countRegistrations,
  drawSignature,
  en,
  fillEmergencyContacts,
  fillIdentity,
  next,
  openRegistration,
  skipHeardFrom,
} from './registration-helpers';

/** 李𠮷祥, born 1990-03-07 (female): the sample person of the fixtures, typed at the kiosk. */
const person = { number: samplePerson.document.number, name: samplePerson.name, phone: samplePerson.phone, ethnicGroup: '汉族' };

test.beforeEach(async ({ setUpStation, openApp, page }) => {
  await setUpStation();
  await openApp();
  await expect(page.getByRole('heading', { name: sampleStation.name })).toBeVisible();
});

test('a visitor registers body and cornea donation at the kiosk, in Chinese', async ({ page, station }) => {
  await page.clock.install();
  await page.reload();
  await openRegistration(page);
  await expect(page.getByRole('heading', { name: '请选择要登记的项目' })).toBeVisible();
  await choosePrograms(page, ['遗体捐献', '角膜捐献']);
  await next(page);

  await expect(page.getByRole('heading', { name: '请填写身份信息' })).toBeVisible();
  await fillIdentity(page, person);
  await expect(page.getByTestId('derived-birth-date')).toHaveText('1990年3月7日');
  await expect(page.getByTestId('derived-sex')).toHaveText('女');
  await next(page);

  // Body and cornea have no choices to make: straight on to the consents.
  await expect(page.getByRole('heading', { name: '知情同意' })).toBeVisible();
  await expect(page.getByTestId('consent-version')).toHaveText('同意书文本版本：2026-11');
  await expect(page.getByText('我自愿登记上述捐献意愿。')).toBeVisible();
  await answerConsents(page, { provincial_sync: true, follow_up_contact: false, memorial_publication: true });
  await next(page);

  await expect(page.getByRole('heading', { name: '请签名' })).toBeVisible();
  await drawSignature(page);
  await next(page);

  // The last question is optional: going on without an answer skips it.
  await expect(page.getByRole('heading', { name: '最后一个问题（可不回答）' })).toBeVisible();
  await skipHeardFrom(page);
  await expect(page.getByRole('heading', { name: '请核对登记信息' })).toBeVisible();
  const review = page.locator('[data-step="review"]');
  await expect(review).toContainText(maskDocumentNumber(samplePerson.document.number));
  await expect(review).toContainText(maskPhone(samplePerson.phone));
  await expect(review).not.toContainText(samplePerson.document.number);
  await expect(page.getByTestId('review-consent-follow_up_contact')).toHaveText('不同意');
  await page.getByRole('button', { name: '确认提交' }).click();

  await expect(page.getByRole('heading', { name: '登记完成' })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText(`${maskName(samplePerson.name)}，感谢您的爱心！`);
  const numbers = page.getByTestId('registration-number');
  await expect(numbers).toHaveCount(2);
  const stored = station.connection.sqlite.prepare('select number, program from registration order by program').all() as Array<{ number: string }>;
  expect(stored.map((row) => row.number)).toEqual(expect.arrayContaining(await numbers.allTextContents()));
  for (const text of await numbers.allTextContents()) expect(text).toMatch(/^KMU01-\d{4}-R\d{6}$/);
  await expect(page.getByTestId('body-notice')).toContainText('执行人');
  expect(countRegistrations(station)).toBe(2);

  // A receipt for each registration. Without a receipt printer the kiosk prints none (no dialog, no tab
  // for the public): staff print them (tests/e2e/kiosk-receipt.spec.ts).
  const receipts = page.getByTestId('receipt');
  await expect(receipts).toHaveCount(2);
  await expect(receipts.getByTestId('receipt-status')).toHaveText(['本机不打印回执。工作人员会为您打印，请到服务台领取。', '本机不打印回执。工作人员会为您打印，请到服务台领取。']);
  await expect(receipts.getByRole('button')).toHaveCount(0);
  const prints = station.connection.sqlite.prepare("select count(*) as n from audit_log where action = 'print'").get() as { n: number };
  expect(prints.n).toBe(0);
  // The confirmation never shows the full name or document number back.
  expect(await page.content()).not.toContain(samplePerson.name);
  expect(await page.content()).not.toContain(samplePerson.document.number);

  // Left alone, the confirmation returns to the first step by itself, after the station's wait (300 s by default).
  await page.clock.fastForward('05:01');
  await expect(page.getByRole('heading', { name: '请选择要登记的项目' })).toBeVisible();
  expect(await page.content()).not.toContain(maskName(samplePerson.name));
});

test('a volunteer registers chosen organs and stem cells in English, with two emergency contacts', async ({ page, station }) => {
  await page.getByRole('button', { name: 'English' }).click();
  await openRegistration(page, en);
  await expect(page.getByRole('heading', { name: 'Choose what to register' })).toBeVisible();
  await choosePrograms(page, ['Organ donation', 'Stem-cell volunteer']);
  await next(page, en);

  await fillIdentity(page, { number: residentId('530102', '19950615', '013'), name: 'Anna Maria', phone: '13987654321', ethnicGroup: 'Naxi' }, en);
  await expect(page.getByTestId('derived-birth-date')).toHaveText('June 15, 1995');
  await expect(page.getByTestId('derived-sex')).toHaveText('Male');
  await next(page, en);

  await expect(page.getByRole('heading', { name: 'Donation details' })).toBeVisible();
  await page.getByLabel('Chosen organs').check();
  await page.getByLabel('Kidneys').check();
  await page.getByLabel('Liver').check();
  await page.getByRole('group', { name: 'Do you meet the health criteria for blood donors?' }).getByLabel('Yes, I do').check();
  await page.getByLabel('O Rh-positive').check();
  await fillEmergencyContacts(page);
  await next(page, en);

  await expect(page.getByRole('heading', { name: 'Consent', exact: true })).toBeVisible();
  await expect(page.getByTestId('consent-version')).toHaveText('Consent text version: 2026-11');
  await answerConsents(page, { provincial_sync: true, follow_up_contact: true, memorial_publication: false }, en);
  await next(page, en);
  await drawSignature(page);
  await next(page, en);
  await skipHeardFrom(page, en);

  await expect(page.getByRole('heading', { name: 'Please check your registration' })).toBeVisible();
  await expect(page.getByTestId('review-organs')).toHaveText('Kidneys, Liver');
  await expect(page.locator('[data-step="review"]')).toContainText('王小明 (Friend) 087*-****3456');
  await page.getByRole('button', { name: 'Confirm and submit' }).click();

  await expect(page.getByRole('heading', { name: 'Registration complete' })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('A*, thank you for your generosity!');
  await expect(page.getByTestId('registration-numbers')).toContainText('Organ donation');
  await expect(page.getByTestId('registration-numbers')).toContainText('Stem-cell volunteer');
  await expect(page.getByTestId('registration-number')).toHaveCount(2);
  await expect(page.getByTestId('body-notice')).toHaveCount(0);
  expect(countRegistrations(station)).toBe(2);
  const organ = station.connection.sqlite.prepare("select count(*) n from registration where program = 'organ'").get() as { n: number };
  expect(organ.n).toBe(1);
  // The receipts are printed in the language the volunteer used at the kiosk.
  await expect(page.getByTestId('receipt')).toHaveCount(2);
  const languages = station.connection.sqlite.prepare("select distinct language from document where kind = 'receipt'").all() as Array<{ language: string }>;
  expect(languages).toEqual([{ language: 'en' }]);

  await page.getByRole('button', { name: 'Finish and start over' }).click();
  await expect(page.getByRole('heading', { name: 'Choose what to register' })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: /^Organ donation/ })).not.toBeChecked();
});

test('birth date and sex are read from the number where it carries them, and typed for other documents', async ({ page }) => {
  await openRegistration(page);
  await choosePrograms(page, ['器官捐献']);
  await next(page);
  const number = page.getByLabel('证件号码', { exact: true });
  await expect(page.getByTestId('derived-details')).toContainText('填写有效的证件号码后');

  await number.fill(samplePerson.document.number.slice(0, 17));
  await expect(page.getByTestId('derived-birth-date')).toHaveCount(0);
  await number.fill(samplePerson.document.number);
  await expect(page.getByTestId('derived-birth-date')).toHaveText('1990年3月7日');
  await expect(page.getByTestId('derived-sex')).toHaveText('女');
  await expect(page.getByLabel('民族')).toBeVisible();

  // A Hong Kong residence permit is recognised by its prefix; no ethnic group is asked.
  await number.fill('810000199408230021');
  await expect(page.getByLabel('证件类型')).toHaveValue('residence_permit');
  await expect(page.getByTestId('derived-birth-date')).toHaveText('1994年8月23日');
  await expect(page.getByTestId('derived-sex')).toHaveText('女');
  await expect(page.getByLabel('民族')).toHaveCount(0);

  // A 2023 permanent residence card: a foreigner's card, read the same way.
  await number.fill('932682198501010017');
  await expect(page.getByLabel('证件类型')).toHaveValue('foreign_permanent_2023');
  await expect(page.getByTestId('derived-birth-date')).toHaveText('1985年1月1日');
  await expect(page.getByTestId('derived-sex')).toHaveText('男');

  // A passport carries neither: the person types them, and they are required.
  await page.getByLabel('证件类型').selectOption('passport');
  await number.fill('E12345678');
  await expect(page.getByTestId('derived-details')).toHaveCount(0);
  await page.getByLabel('姓名', { exact: true }).fill('John Smith');
  await page.getByLabel('联系电话').fill('+85291234567');
  await next(page);
  await expect(page.locator('#person-birth-date-error')).toHaveText('此项为必填项。');
  await expect(page.locator('#person-sex-error')).toHaveText('此项为必填项。');
  await page.getByLabel('出生日期').fill('1980-05-20');
  await page.getByLabel('男', { exact: true }).check();
  await next(page);
  await expect(page.getByRole('heading', { name: '请选择捐献内容' })).toBeVisible();
});

test('field mistakes show translated reasons on their step and nothing is stored', async ({ page, station }) => {
  await openRegistration(page);
  await next(page);
  await expect(page.getByText('请至少选择一个登记项目。')).toBeVisible();
  await choosePrograms(page, ['造血干细胞捐献志愿者']);
  await next(page);

  const wrongCheck = samplePerson.document.number.slice(0, 17) + (samplePerson.document.number.endsWith('0') ? '1' : '0');
  await fillIdentity(page, { number: wrongCheck, name: '张3', phone: '65123456' });
  await next(page);
  await expect(page.getByText('证件号码校验位不正确，请逐位核对。')).toBeVisible();
  await expect(page.getByText('姓名中不能含有数字。')).toBeVisible();
  await expect(page.getByText('固定电话须带区号，如 0871-65123456，可加分机号。')).toBeVisible();
  await expect(page.locator('#person-ethnic-group-error')).toHaveText('此项为必填项。');
  // The first field at fault has the focus, for keyboard users.
  await expect(page.getByLabel('证件号码', { exact: true })).toBeFocused();

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByText('A name cannot contain digits.')).toBeVisible();
  await page.getByRole('button', { name: '简体中文' }).click();

  await fillIdentity(page, person);
  await next(page);
  await page.getByLabel('不符合').check();
  const first = page.getByRole('group', { name: '第 1 位紧急联系人' });
  await first.getByLabel('联系人姓名').fill('李建国');
  await first.getByLabel('亲属').check();
  await first.getByLabel('联系人电话').fill(samplePerson.phone);
  const second = page.getByRole('group', { name: '第 2 位紧急联系人' });
  await second.getByLabel('联系人姓名').fill('王小明');
  await second.getByLabel('朋友').check();
  await second.getByLabel('联系人电话').fill('13900001111');
  await next(page);
  await expect(page.getByText('造血干细胞志愿者须符合献血者健康标准。')).toBeVisible();
  await expect(page.getByText('请选择血型（不知道可选“不清楚”）。')).toBeVisible();
  await expect(page.getByText('紧急联系人的电话不能是志愿者本人的号码。')).toBeVisible();

  await next(page);
  await expect(page.getByRole('heading', { name: '请选择捐献内容' })).toBeVisible();
  expect(countRegistrations(station)).toBe(0);
  expect(countRows(station, 'outbox')).toBe(0);
});

test('someone under 18 is told so as soon as the birth date is known', async ({ page, station }) => {
  await openRegistration(page);
  await choosePrograms(page, ['角膜捐献']);
  await next(page);
  const thisYear = new Date().getFullYear();
  await fillIdentity(page, { number: residentId('530102', `${thisYear - 10}0101`, '002'), name: '李小雨', phone: '13812345678', ethnicGroup: '汉族' });
  await next(page);
  await expect(page.getByText('登记日年满 18 周岁方可登记。')).toBeVisible();
  await expect(page.getByRole('heading', { name: '请填写身份信息' })).toBeVisible();
  expect(countRegistrations(station)).toBe(0);
});

test('a refusal by the station goes back to the step that owns the field', async ({ page, station }) => {
  // The screen's calendar runs a month ahead of the station's, so only the station finds the person under 18.
  const now = new Date();
  const birth = new Date(now.getFullYear() - 18, now.getMonth(), now.getDate() + 10);
  const yyyymmdd = `${birth.getFullYear()}${String(birth.getMonth() + 1).padStart(2, '0')}${String(birth.getDate()).padStart(2, '0')}`;
  await page.clock.install({ time: new Date(now.getTime() + 30 * 86_400_000) });
  await page.reload();

  await openRegistration(page);
  await choosePrograms(page, ['角膜捐献']);
  await next(page);
  await fillIdentity(page, { number: residentId('530102', yyyymmdd, '004'), name: '李小雨', phone: '13812345678', ethnicGroup: '汉族' });
  await next(page);
  await answerConsents(page, { provincial_sync: true, follow_up_contact: true, memorial_publication: false });
  await next(page);
  await drawSignature(page);
  await next(page);
  await skipHeardFrom(page);
  await page.getByRole('button', { name: '确认提交' }).click();

  await expect(page.getByRole('heading', { name: '请填写身份信息' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveText('输入有误，请检查标出的项目。');
  await expect(page.getByText('登记日年满 18 周岁方可登记。')).toBeVisible();
  await expect(page.getByLabel('姓名', { exact: true })).toHaveValue('李小雨');
  expect(countRegistrations(station)).toBe(0);
});

// At a staff desk: the public kiosk gives no reason (see kiosk-oracle.spec.ts).
test('registering the same program twice at a staff desk is refused with the translated reason', async ({ page, station }) => {
  const earlier = await station.dispatch('registration:create', sampleRegistration(), kioskCaller);
  expect(earlier.ok).toBe(true);

  await signIn(page, sampleAdmin);
  await openRegistration(page);
  await choosePrograms(page, ['角膜捐献']);
  await next(page);
  await fillIdentity(page, person);
  await next(page);
  await answerConsents(page, { provincial_sync: false, follow_up_contact: false, memorial_publication: false });
  await next(page);
  await drawSignature(page);
  await next(page);
  await skipHeardFrom(page);
  await page.getByRole('button', { name: '确认提交' }).click();

  await expect(page.getByRole('alert')).toHaveText(
    // Staff read the staff wording: where to amend, not "ask staff".
    '此人已有该项目的有效登记。如需更改，请在“登记记录”中找到该登记，办理“修改登记”，不必重复登记。',
  );
  // Back at the programs, which name the one already registered so that it can be unticked.
  await expect(page.getByRole('heading', { name: '请选择要登记的项目' })).toBeVisible();
  await expect(page.getByTestId('already-registered')).toContainText('角膜捐献');
  // The notice, too, sends staff to the record rather than to "the staff".
  await expect(page.getByTestId('already-registered')).toContainText('“登记记录”中办理“修改登记”');
  await expect(page.getByTestId('already-registered')).not.toContainText('工作人员');
  await page.getByRole('checkbox', { name: /^角膜捐献/ }).uncheck();
  await expect(page.getByTestId('already-registered')).toHaveCount(0);
  expect(countRegistrations(station)).toBe(2);
});

test('the back button keeps what was entered on every step', async ({ page }) => {
  await openRegistration(page);
  await choosePrograms(page, ['器官捐献']);
  await next(page);
  await fillIdentity(page, person);
  await next(page);
  await page.getByLabel('部分器官').check();
  await page.getByLabel('心脏').check();
  await next(page);
  await answerConsents(page, { provincial_sync: true, follow_up_contact: true, memorial_publication: true });
  await next(page);
  await drawSignature(page);
  await next(page);
  await page.getByLabel('亲友介绍').check();
  await next(page);
  await expect(page.getByTestId('review-organs')).toHaveText('心脏');

  const back = page.getByRole('button', { name: '上一步' });
  await back.click();
  await expect(page.getByLabel('亲友介绍')).toBeChecked();
  await back.click();
  await expect(page.locator('canvas#signature')).toHaveAttribute('data-drawn', 'true');
  await expect(page.getByTestId('signature-status')).toHaveText('已签名');
  await back.click();
  await expect(page.getByRole('group', { name: '捐献意愿' }).getByRole('checkbox')).toBeChecked();
  await expect(page.getByRole('group', { name: '纪念名录' }).getByLabel('同意', { exact: true })).toBeChecked();
  await back.click();
  await expect(page.getByLabel('部分器官')).toBeChecked();
  await expect(page.getByLabel('心脏')).toBeChecked();
  await back.click();
  await expect(page.getByLabel('证件号码', { exact: true })).toHaveValue(person.number);
  await expect(page.getByLabel('姓名', { exact: true })).toHaveValue(person.name);
  await expect(page.getByLabel('联系电话')).toHaveValue(person.phone);
  await expect(page.getByLabel('民族')).toHaveValue('01');
  await back.click();
  await expect(page.getByRole('checkbox', { name: /^器官捐献/ })).toBeChecked();
  await expect(page.getByRole('button', { name: '上一步' })).toHaveCount(0);
});

test('an idle kiosk counts down, then forgets the visitor entirely', async ({ page, station }) => {
  station.connection.sqlite
    .prepare("insert into station_setting(key, value, updated_at) values ('kioskIdleSeconds', '20', ?)")
    .run(new Date().toISOString());
  await page.clock.install();
  await page.reload();
  const historyBefore = await page.evaluate(() => history.length);

  await openRegistration(page);
  await choosePrograms(page, ['遗体捐献']);
  await next(page);
  await fillIdentity(page, person);

  // 20 s idle, too short for a whole warning: it shows after 10 s and leaves 20 s to answer; "continue" keeps everything.
  await page.clock.fastForward('00:11');
  const countdown = page.getByRole('alertdialog', { name: '还在登记吗？' });
  await expect(countdown).toBeVisible();
  await expect(page.getByTestId('idle-countdown')).toHaveText(/^1[5-9] 秒后将清除已填写的内容并回到第一步。$/);
  await countdown.getByRole('button', { name: '继续登记' }).click();
  await expect(countdown).toHaveCount(0);
  await expect(page.getByLabel('姓名', { exact: true })).toHaveValue(person.name);

  await page.clock.fastForward('00:31');
  await expect(page.getByRole('heading', { name: '请选择要登记的项目' })).toBeVisible();
  await expect(page.getByText('由于长时间无人操作，刚才填写的内容已全部清除。')).toBeVisible();
  await expect(page.getByRole('checkbox', { name: /^遗体捐献/ })).not.toBeChecked();
  const html = await page.content();
  expect(html).not.toContain(person.name);
  expect(html).not.toContain(person.number);
  expect(html).not.toContain(person.phone);
  expect(await page.evaluate(() => history.length)).toBe(historyBefore);
  expect(page.url()).not.toContain(person.number);
  expect(countRegistrations(station)).toBe(0);
});
