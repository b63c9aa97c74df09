import { maskDocumentNumber, maskName, maskPhone } from '../../shared/domain/masking';
import { residentId, samplePerson } from '../fixtures/registrations';
import { adminCaller, expect, sampleAdmin, sampleStation, signIn, test } from './fixtures';
import { card, numberOf, openFirstResult, openRecords, register, search, unmaskedViews, volunteerChoice } from './records-helpers';

test.beforeEach(async ({ setUpStation, openApp, page }) => {
  await setUpStation();
  await openApp();
  await expect(page.getByRole('heading', { name: sampleStation.name })).toBeVisible();
});

test('staff find a person by registration number, by document and by exact name; the results are masked', async ({ page, station }) => {
  const created = await register(station);
  const body = numberOf(created, 'body');
  await signIn(page, sampleAdmin);
  await openRecords(page);

  await search(page, body);
  await expect(page.getByTestId('search-summary')).toHaveText('按登记编号找到 1 人。');
  const results = page.getByTestId('search-results');
  await expect(results.getByTestId('result-name')).toHaveText(maskName(samplePerson.name));
  await expect(results.getByTestId('result-document')).toHaveText(maskDocumentNumber(samplePerson.document.number));
  await expect(results).toContainText(body);
  await expect(results).toContainText('遗体捐献');
  await expect(results).toContainText('角膜捐献');
  await expect(results).not.toContainText(samplePerson.document.number);

  await search(page, samplePerson.document.number);
  await expect(page.getByTestId('search-summary')).toHaveText('按证件号码找到 1 人。');
  await expect(results.getByTestId('result-name')).toHaveText(maskName(samplePerson.name));

  await search(page, samplePerson.name);
  await expect(page.getByTestId('search-summary')).toHaveText('按姓名找到 1 人。');
  await expect(results.getByTestId('result-document')).toHaveText(maskDocumentNumber(samplePerson.document.number));

  // A name is matched in full only.
  await search(page, '李');
  await expect(page.getByText('没有找到匹配的记录。')).toBeVisible();
  await expect(results).toHaveCount(0);
});

test('a record opens masked; each full value is shown on request, audited, and hidden again', async ({ page, station }) => {
  await page.clock.install();
  await page.reload();
  const created = await register(station);
  await signIn(page, sampleAdmin);
  await openRecords(page);
  await search(page, numberOf(created, 'cornea'));
  await openFirstResult(page);

  await expect(page.getByTestId('person-name')).toHaveText(maskName(samplePerson.name));
  await expect(page.getByTestId('person-document')).toHaveText(maskDocumentNumber(samplePerson.document.number));
  await expect(page.getByTestId('person-phone')).toHaveText(maskPhone(samplePerson.phone));
  await expect(page.getByTestId('person-record')).not.toContainText(samplePerson.phone);
  expect(unmaskedViews(station)).toBe(0);

  await page.getByRole('button', { name: '显示完整证件号码' }).click();
  await expect(page.getByTestId('person-document')).toHaveText(samplePerson.document.number);
  expect(unmaskedViews(station)).toBe(1);
  await page.getByRole('button', { name: '显示完整姓名' }).click();
  await expect(page.getByTestId('person-name')).toHaveText(samplePerson.name);
  expect(unmaskedViews(station)).toBe(2);

  // The drawn signature is shown only on request, and that is audited too.
  await page.getByRole('button', { name: '显示签名' }).click();
  await expect(page.getByRole('img', { name: '登记人的签名' })).toBeVisible();
  expect(unmaskedViews(station)).toBe(3);

  // Revealed values go back to masked by themselves after 30 seconds…
  await page.clock.fastForward('00:31');
  await expect(page.getByTestId('person-name')).toHaveText(maskName(samplePerson.name));
  await expect(page.getByTestId('person-document')).toHaveText(maskDocumentNumber(samplePerson.document.number));

  // …and closing the record forgets them at once.
  await page.getByRole('button', { name: '显示完整电话' }).click();
  await expect(page.getByTestId('person-phone')).toHaveText(samplePerson.phone);
  await page.getByRole('button', { name: '关闭记录' }).click();
  await openFirstResult(page);
  await expect(page.getByTestId('person-phone')).toHaveText(maskPhone(samplePerson.phone));
  expect(unmaskedViews(station)).toBe(4);
});

test('a registrar amends the organ scope; the history keeps both versions', async ({ page, station, createStaff }) => {
  const created = await register(station, { programs: [{ program: 'organ', organs: { kind: 'all' } }] });
  const number = numberOf(created, 'organ');
  const registrar = await createStaff('registrar');
  await signIn(page, registrar);
  await openRecords(page);
  await search(page, number);
  await openFirstResult(page);

  const organ = card(page, number);
  await expect(organ.getByTestId('registration-state')).toHaveText('有效');
  await expect(organ.getByTestId('registration-choice')).toHaveText('全部器官');
  await organ.getByRole('button', { name: '修改登记' }).click();
  await organ.getByLabel('部分器官').check();
  await organ.getByRole('button', { name: '保存修改' }).click();
  await expect(organ.getByText('请至少选择一种器官，或选择“全部器官”。')).toBeVisible();

  await organ.getByLabel('肾脏').check();
  await organ.getByLabel('肝脏').check();
  await organ.getByLabel('原因（选填）').fill('本人只捐献肾脏和肝脏');
  await organ.getByRole('button', { name: '保存修改' }).click();

  await expect(page.getByRole('status')).toHaveText(`已修改登记 ${number}，生成了新的版本。`);
  await expect(organ.getByTestId('registration-version')).toHaveText('2');
  await expect(organ.getByTestId('registration-choice')).toHaveText('部分器官：肾脏、肝脏');
  const rows = organ.getByTestId('registration-history').locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('全部器官');
  await expect(rows.nth(1)).toContainText('修改');
  await expect(rows.nth(1)).toContainText('部分器官：肾脏、肝脏');
  await expect(rows.nth(1)).toContainText(registrar.displayName);
  await expect(rows.nth(1)).toContainText('本人只捐献肾脏和肝脏');
});

test('a withdrawal checks the person’s document, asks for confirmation and is kept in the history', async ({ page, station }) => {
  const created = await register(station);
  const cornea = numberOf(created, 'cornea');
  await signIn(page, sampleAdmin);
  await openRecords(page);
  await search(page, samplePerson.document.number);
  await openFirstResult(page);

  const registration = card(page, cornea);
  await registration.getByRole('button', { name: '撤回登记' }).click();
  await registration.getByLabel('证件号码').fill(residentId('530102', '19900307', '004'));
  await registration.getByLabel('撤回原因').fill('本人改变主意');
  await registration.getByRole('button', { name: '撤回登记' }).click();
  await expect(registration.getByRole('alertdialog')).toHaveText(/确认撤回登记 .*（角膜捐献）？撤回后不能恢复。/);
  await registration.getByRole('button', { name: '确认撤回' }).click();
  await expect(registration.getByRole('alert')).toHaveText('所填证件与登记人的证件不一致，未作任何更改。');
  await expect(registration.getByTestId('registration-state')).toHaveText('有效');

  await registration.getByLabel('证件号码').fill(samplePerson.document.number);
  await registration.getByRole('button', { name: '撤回登记' }).click();
  await registration.getByRole('button', { name: '确认撤回' }).click();
  await expect(page.getByRole('status')).toHaveText(`已撤回登记 ${cornea}。`);
  await expect(registration.getByTestId('registration-state')).toHaveText('已撤回');
  const rows = registration.getByTestId('registration-history').locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText('撤回');
  await expect(rows.nth(1)).toContainText('本人改变主意');
  await expect(rows.nth(1)).toContainText('已撤回');
  // Final for that record: nothing more is offered on it but a receipt, and the other program stays active.
  await expect(registration.getByRole('button')).toHaveText(['开具文书']);
  await expect(card(page, numberOf(created, 'body')).getByTestId('registration-state')).toHaveText('有效');
  await expect(page.getByTestId('search-results')).toContainText('已撤回');

  // The withdrawal's receipt is issued with it, newest first among the person's documents, ready to print.
  const documents = page.getByTestId('person-issued-document');
  await expect(documents).toHaveCount(created.registrations.length + 1);
  await expect(documents.first()).toContainText(cornea);
  await expect(documents.first()).toContainText('登记回执');
  await expect(documents.first()).toContainText('待交付');
  const opening = page.waitForEvent('popup');
  await documents.first().getByRole('button', { name: '打印', exact: true }).click();
  expect((await opening).url()).toMatch(/^blob:/);
  const serial = await documents.first().getAttribute('data-serial');
  await expect(page.getByTestId('person-issued-documents').getByRole('status')).toHaveText(`${serial} 的 PDF 已生成，打印已记入审计日志。`);
});

test('body-donation paperwork is refused while a close relative disagrees and accepted with the agreement', async ({ page, station }) => {
  const created = await register(station);
  const body = numberOf(created, 'body');
  await signIn(page, sampleAdmin);
  await openRecords(page);
  await search(page, body);
  await openFirstResult(page);

  const registration = card(page, body);
  await expect(registration.getByTestId('registration-choice')).toHaveText('执行人和近亲属意见尚未登记');
  await registration.getByRole('button', { name: '办理遗体捐献手续' }).click();
  await registration.getByLabel('执行人类型').selectOption('relative');
  await registration.getByLabel('执行人姓名').fill('李建国');
  await registration.getByLabel('执行人电话').fill('13900001111');
  await registration.getByLabel('证件号码').fill(residentId('530102', '19600101', '011'));
  const spouse = registration.getByRole('group', { name: '近亲属 1' });
  await spouse.getByLabel('关系').selectOption('spouse');
  await spouse.getByLabel('近亲属姓名').fill('张伟');
  await spouse.getByLabel('书面意见').selectOption('no');
  await registration.getByRole('button', { name: '登记手续' }).click();
  await expect(registration.getByRole('alert')).toHaveText('输入有误，请检查标出的项目。');
  await expect(registration.getByText('有近亲属表示不同意遗体捐献，本站不能受理此登记。')).toBeVisible();
  await expect(registration.getByTestId('registration-version')).toHaveText('1');

  await spouse.getByLabel('书面意见').selectOption('yes');
  await registration.getByRole('button', { name: '登记手续' }).click();
  await expect(page.getByRole('status')).toHaveText(`已登记 ${body} 的遗体捐献手续。`);
  await expect(registration.getByTestId('registration-choice')).toHaveText(`执行人：亲属 李*（${maskPhone('13900001111')}）；近亲属：配偶 张*（同意）`);
  const rows = registration.getByTestId('registration-history').locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText('遗体捐献手续');
});

test('a stem-cell volunteer moves from sample taken to typed, and a follow-up call is logged', async ({ page, station, createStaff }) => {
  const created = await register(station, { programs: [volunteerChoice()] });
  const number = numberOf(created, 'stem_cell');
  const supervisor = await createStaff('supervisor');
  await signIn(page, supervisor);
  await openRecords(page);
  await search(page, number);
  await openFirstResult(page);

  const volunteer = card(page, number);
  const current = volunteer.getByRole('list', { name: '志愿者进度' }).locator('[aria-current="step"]');
  await expect(current).toHaveText('已报名');
  await expect(volunteer.getByTestId('registration-choice')).toContainText('血型：O 型 Rh 阳性');

  await volunteer.getByRole('button', { name: '登记为“已采样”' }).click();
  await volunteer.getByLabel('样本条码').fill('12');
  await volunteer.getByRole('button', { name: '登记为“已采样”' }).click();
  await expect(volunteer.getByText('样本条码为 6–32 位字母、数字或连字符。')).toBeVisible();
  await volunteer.getByLabel('样本条码').fill('s-2026-000123');
  await volunteer.getByRole('button', { name: '登记为“已采样”' }).click();
  await expect(page.getByRole('status')).toHaveText(`已更新志愿者 ${number} 的状态。`);
  await expect(current).toHaveText('已采样');
  await expect(volunteer.getByTestId('sample-barcode')).toHaveText('S-2026-000123');

  await volunteer.getByRole('button', { name: '登记为“已分型”' }).click();
  await volunteer.getByRole('button', { name: '登记为“已分型”' }).click();
  await expect(current).toHaveText('已分型');
  await expect(volunteer.getByTestId('stem-cell-status')).toHaveText('已分型');
  const rows = volunteer.getByTestId('registration-history').locator('tbody tr');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(2)).toContainText('志愿者状态变更');
  await expect(rows.nth(2)).toContainText(supervisor.displayName);

  await volunteer.getByRole('button', { name: '记录回访' }).click();
  await volunteer.getByLabel('回访结果').selectOption('reached_confirmed');
  await volunteer.getByLabel('备注（选填）').fill('本人确认联系方式不变');
  await volunteer.getByRole('button', { name: '保存回访' }).click();
  await expect(page.getByRole('status')).toHaveText(`已记录对 ${number} 的回访。`);
  const calls = volunteer.getByTestId('follow-ups').locator('tbody tr');
  await expect(calls).toHaveCount(1);
  await expect(calls.first()).toContainText('已联系，意愿不变');
  await expect(calls.first()).toContainText('本人确认联系方式不变');
  await expect(calls.first()).toContainText(supervisor.displayName);
});

test('a refusal is recorded for a new person on paper, and refused for a person with active registrations', async ({ page, station }) => {
  await register(station);
  await signIn(page, sampleAdmin);
  await openRecords(page);

  await page.getByRole('button', { name: '登记不同意捐献' }).click();
  const form = page.getByTestId('refusal-record-form');
  await expect(form.getByLabel('在纸质表格上签名（原件存档）')).toBeChecked();
  await form.getByLabel('证件号码').fill(residentId('530102', '19851212', '013'));
  await form.getByLabel('姓名').fill('赵铁柱');
  await form.getByLabel('电话').fill('13700002222');
  await form.getByLabel('民族').selectOption('01');
  await form.getByLabel('本人声明（选填）').fill('本人不同意捐献器官和遗体');
  await form.getByRole('button', { name: '登记声明' }).click();

  await expect(page.getByRole('status')).toHaveText('已登记不同意捐献声明。');
  const refusal = page.getByTestId('refusal');
  await expect(refusal.getByRole('heading', { name: '已登记不同意捐献' })).toBeVisible();
  await expect(refusal).toContainText('本人不同意捐献器官和遗体');
  await expect(page.getByTestId('person-name')).toHaveText('赵*');
  await expect(page.getByText('此人没有捐献意愿登记。')).toBeVisible();
  await search(page, '赵铁柱');
  await expect(page.getByTestId('search-results')).toContainText('不同意捐献');

  await page.getByRole('button', { name: '登记不同意捐献' }).click();
  await form.getByLabel('证件号码').fill(samplePerson.document.number);
  await form.getByLabel('姓名').fill(samplePerson.name);
  await form.getByLabel('电话').fill(samplePerson.phone);
  await form.getByLabel('民族').selectOption(samplePerson.ethnicGroup);
  await form.getByRole('button', { name: '登记声明' }).click();
  await expect(form.getByRole('alert')).toHaveText('此人还有有效的捐献意愿登记。请先撤回这些登记，再登记“不同意捐献”。');
  await search(page, samplePerson.name);
  await expect(page.getByTestId('search-results')).not.toContainText('不同意捐献');
});

test('a refusal is revoked at the person’s request, and the name and phone are changed with the old version kept', async ({ page, station }) => {
  const login = await station.dispatch('session:login', { username: sampleAdmin.username, password: sampleAdmin.password }, adminCaller);
  expect(login.ok).toBe(true);
  const person = { document: { kind: 'resident_id' as const, number: residentId('530102', '19700505', '021') }, name: '周文', phone: '13600003333', ethnicGroup: '01' };
  const recorded = await station.dispatch('refusal:record', { person, signature: { kind: 'paper' } }, adminCaller);
  expect(recorded.ok).toBe(true);
  await signIn(page, sampleAdmin);
  await openRecords(page);
  await search(page, person.document.number);
  await openFirstResult(page);

  const refusal = page.getByTestId('refusal');
  await refusal.getByRole('button', { name: '撤销不同意捐献声明' }).click();
  await refusal.getByLabel('撤销原因').fill('本人改变意愿，希望登记');
  await refusal.getByRole('button', { name: '确认撤销' }).click();
  await expect(page.getByRole('status')).toHaveText('已撤销不同意捐献声明。');
  await expect(refusal).toHaveCount(0);

  await page.getByRole('button', { name: '修改姓名或电话' }).click();
  const form = page.getByTestId('person-amend-form');
  await form.getByLabel('姓名').fill('周文华');
  await form.getByLabel('电话').fill('13600004444');
  await form.getByLabel('原因（选填）').fill('本人更换手机号');
  await form.getByRole('button', { name: '保存修改' }).click();
  await expect(page.getByRole('status')).toHaveText('已修改姓名或电话。');
  await expect(page.getByTestId('person-phone')).toHaveText(maskPhone('13600004444'));
  const rows = page.getByTestId('person-history').locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText(maskPhone('13600003333'));
  await expect(rows.nth(1)).toContainText(maskPhone('13600004444'));
  await expect(rows.nth(1)).toContainText('本人更换手机号');
  await page.getByRole('button', { name: '显示完整姓名' }).click();
  await expect(page.getByTestId('person-name')).toHaveText('周文华');
});

test('a volunteer’s blood type and emergency contacts are amended; contacts are typed again in full', async ({ page, station }) => {
  const created = await register(station, { programs: [volunteerChoice()] });
  const number = numberOf(created, 'stem_cell');
  await signIn(page, sampleAdmin);
  await openRecords(page);
  await search(page, number);
  await openFirstResult(page);

  const registration = card(page, number);
  await registration.getByRole('button', { name: '修改登记' }).click();
  await registration.getByLabel('血型').selectOption('A+');
  const first = registration.getByRole('group', { name: '紧急联系人 1' });
  const second = registration.getByRole('group', { name: '紧急联系人 2' });
  await first.getByLabel('姓名').fill('李建国');
  await first.getByLabel('电话').fill(samplePerson.phone);
  await second.getByLabel('姓名').fill('王小明');
  await second.getByLabel('关系').selectOption('friend');
  await second.getByLabel('电话').fill('13900002222');
  await registration.getByRole('button', { name: '保存修改' }).click();
  await expect(first.getByText('紧急联系人的电话不能是志愿者本人的号码。')).toBeVisible();

  await first.getByLabel('电话').fill('13900001111');
  await registration.getByRole('button', { name: '保存修改' }).click();
  await expect(page.getByRole('status')).toHaveText(`已修改登记 ${number}，生成了新的版本。`);
  await expect(registration.getByTestId('registration-choice')).toHaveText(
    `血型：A 型 Rh 阳性；紧急联系人：李*（亲属，${maskPhone('13900001111')}）、王*（朋友，${maskPhone('13900002222')}）`,
  );
  await expect(registration.getByTestId('registration-history').locator('tbody tr')).toHaveCount(2);
});

test('an auditor is not offered the records screen, and the station refuses it the search', async ({ page, station, createStaff }) => {
  const auditor = await createStaff('auditor');
  await signIn(page, auditor);
  await expect(page.getByRole('button', { name: /审计日志/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /登记记录/ })).toHaveCount(0);

  const auditorCaller = { sessionKey: 'test-auditor' };
  const login = await station.dispatch('session:login', { username: auditor.username, password: auditor.password }, auditorCaller);
  expect(login.ok).toBe(true);
  const searched = await station.dispatch('registration:search', { query: samplePerson.name }, auditorCaller);
  expect(searched).toMatchObject({ ok: false, error: { code: 'forbidden' } });
});

test('in English: a volunteer found by name has the sample recorded and withdraws after confirmation', async ({ page, station }) => {
  const created = await register(station, { programs: [volunteerChoice(), { program: 'cornea' }] });
  const number = numberOf(created, 'stem_cell');
  await signIn(page, sampleAdmin);
  await page.getByRole('button', { name: 'English' }).click();
  await openRecords(page, 'Registration records');
  await search(page, samplePerson.name, { query: 'Registration number, document number or name', submit: 'Search' });
  await expect(page.getByTestId('search-summary')).toHaveText('1 person found by name.');
  await expect(page.getByTestId('search-results')).toContainText('Stem-cell volunteer');
  await openFirstResult(page, 'Open record');

  await expect(page.getByTestId('person-phone')).toHaveText(maskPhone(samplePerson.phone));
  await page.getByRole('button', { name: 'Show full phone' }).click();
  await expect(page.getByTestId('person-phone')).toHaveText(samplePerson.phone);
  expect(unmaskedViews(station)).toBe(1);

  const volunteer = card(page, number);
  await volunteer.getByRole('button', { name: 'Mark as “Sample taken”' }).click();
  await volunteer.getByLabel('Sample barcode').fill('ab-778899');
  await volunteer.getByRole('button', { name: 'Mark as “Sample taken”' }).click();
  await expect(page.getByRole('status')).toHaveText(`The volunteer status of ${number} was updated.`);
  await expect(volunteer.getByTestId('sample-barcode')).toHaveText('AB-778899');

  await volunteer.getByRole('button', { name: 'Withdraw', exact: true }).click();
  await volunteer.getByLabel('Document number').fill(samplePerson.document.number);
  await volunteer.getByLabel('Reason for withdrawal').fill('Moving abroad');
  await volunteer.getByRole('button', { name: 'Withdraw', exact: true }).click();
  await expect(volunteer.getByRole('alertdialog')).toHaveText(`Withdraw registration ${number} (Stem-cell volunteer)? This cannot be undone.Yes, withdrawGo back`);
  await volunteer.getByRole('button', { name: 'Go back' }).click();
  await expect(volunteer.getByRole('alertdialog')).toHaveCount(0);
  await expect(volunteer.getByTestId('registration-state')).toHaveText('Active');

  await volunteer.getByRole('button', { name: 'Withdraw', exact: true }).click();
  await volunteer.getByRole('button', { name: 'Yes, withdraw' }).click();
  await expect(page.getByRole('status')).toHaveText(`Registration ${number} was withdrawn.`);
  await expect(volunteer.getByTestId('registration-state')).toHaveText('Withdrawn');
  await expect(volunteer.getByTestId('stem-cell-status')).toHaveText('Withdrawn');
  await expect(volunteer).toContainText('Withdrawn within the cooling-off period: typing stopped');
  const rows = volunteer.getByTestId('registration-history').locator('tbody tr');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText('Registered');
  await expect(rows.nth(1)).toContainText('Volunteer status changed');
  await expect(rows.nth(2)).toContainText('Withdrawn');
  await expect(rows.nth(2)).toContainText('Moving abroad');
  await expect(card(page, numberOf(created, 'cornea')).getByTestId('registration-state')).toHaveText('Active');

  await page.getByRole('button', { name: '简体中文' }).click();
  await expect(page.getByRole('status')).toHaveText(`已撤回登记 ${number}。`);
  await expect(volunteer.getByTestId('registration-state')).toHaveText('已撤回');
});
