import type { Page } from '@playwright/test';
import type { OpenStation } from '../../electron/app/open-station';
import { adminCaller, countRows, expect, sampleAdmin, sampleStation, signIn, test } from './fixtures';

/** The one-tap group sizes of the Qingming screen, tapped in turn. */
const groupSizes = [1, 2, 3, 4, 5, 6, 8, 10];
const PEAK_SIGN_INS = 200;

test.beforeEach(async ({ setUpStation, openApp, page }) => {
  await setUpStation();
  await openApp();
  await expect(page.getByRole('heading', { name: sampleStation.name })).toBeVisible();
});

function stored(station: OpenStation, sql: string): unknown[] {
  return station.connection.sqlite.prepare(sql).all();
}

/** Taps the group buttons 200 times, one tap per group; returns how many people that makes. */
async function qingmingPeak(page: Page, label: (size: number) => string): Promise<number> {
  let people = 0;
  for (let tap = 0; tap < PEAK_SIGN_INS; tap += 1) {
    const size = groupSizes[tap % groupSizes.length] ?? 1;
    // A button is disabled while the sign-in before it is under way, so each tap is one sign-in.
    await page.getByRole('button', { name: label(size), exact: true }).click();
    people += size;
  }
  return people;
}

async function leaveMessageAtKiosk(page: Page, message: string, name?: string): Promise<void> {
  await page.getByRole('button', { name: /来访登记/ }).click();
  await page.getByLabel('2', { exact: true }).check();
  await page.getByLabel('缅怀').check();
  await page.getByText('留下姓名、关系或留言（选填）').click();
  if (name) await page.getByLabel('姓名（选填）').fill(name);
  await page.getByLabel('家属').check();
  await page.getByLabel('留言（选填）').fill(message);
  await page.getByRole('button', { name: '登记', exact: true }).click();
  await expect(page.getByRole('heading', { name: '感谢您的到访' })).toBeVisible();
  await expect(page.getByTestId('message-pending')).toHaveText('您的留言将在工作人员审核后显示在留言墙上。');
  await page.getByRole('button', { name: '返回首页' }).click();
}

test('Qingming peak in Chinese: staff switch the mode on, 200 groups sign in with one tap each, and the count keeps up', async ({ page, station }) => {
  test.setTimeout(180_000);
  await signIn(page, sampleAdmin);
  await page.getByRole('button', { name: /来访记录/ }).click();
  await expect(page.getByTestId('qingming-state')).toHaveText('清明模式：未开启');
  await page.getByRole('button', { name: '开启清明模式' }).click();
  await expect(page.getByTestId('qingming-state')).toHaveText('清明模式：已开启');
  expect(stored(station, "select object_id from audit_log where action = 'settings_change'")).toEqual([{ object_id: 'memorial' }]);
  await page.getByRole('button', { name: '退出登录' }).click();

  await page.getByRole('button', { name: /来访登记/ }).click();
  await expect(page.getByRole('heading', { name: '清明来访登记' })).toBeVisible();
  await expect(page.getByTestId('today-count')).toHaveText('今日已有 0 人来访');
  await page.getByRole('button', { name: '3 人', exact: true }).click();
  await expect(page.getByRole('status')).toHaveText('已登记 3 人，谢谢！');
  await expect(page.getByTestId('today-count')).toHaveText('今日已有 3 人来访');

  const people = 3 + (await qingmingPeak(page, (size) => `${size} 人`));
  await expect(page.getByTestId('today-count')).toHaveText(`今日已有 ${people} 人来访`);
  expect(countRows(station, 'visitor_sign_in')).toBe(PEAK_SIGN_INS + 1);
  expect(stored(station, 'select purpose, count(*) as n, sum(party_size) as people from visitor_sign_in group by purpose')).toEqual([
    { purpose: 'qingming', n: PEAK_SIGN_INS + 1, people },
  ]);

  // A larger group types its number; a refused number is said in the visitor's language.
  await page.getByLabel('其他人数').fill('0');
  await page.getByRole('button', { name: '登记', exact: true }).click();
  await expect(page.getByText('人数须为 1–500 之间的整数。')).toBeVisible();
  // Typed in full width, as a Chinese input method may: read as 42.
  await page.getByLabel('其他人数').fill('４２');
  await page.getByRole('button', { name: '登记', exact: true }).click();
  await expect(page.getByTestId('today-count')).toHaveText(`今日已有 ${people + 42} 人来访`);
});

test('Qingming peak in English: 200 one-tap group sign-ins and the running count', async ({ page, station }) => {
  test.setTimeout(180_000);
  expect((await station.dispatch('memorial:setQingmingMode', { enabled: true }, adminCaller)).ok).toBe(true);
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('button', { name: /Visitor sign-in/ }).click();
  await expect(page.getByRole('heading', { name: 'Qingming sign-in' })).toBeVisible();
  await expect(page.getByTestId('today-count')).toHaveText('0 visitors today');
  await page.getByRole('button', { name: '1 person', exact: true }).click();
  await expect(page.getByTestId('today-count')).toHaveText('1 visitor today');
  await expect(page.getByRole('status')).toHaveText('1 person signed in. Thank you!');

  const people = 1 + (await qingmingPeak(page, (size) => (size === 1 ? '1 person' : `${size} people`)));
  await expect(page.getByTestId('today-count')).toHaveText(`${people} visitors today`);
  expect(countRows(station, 'visitor_sign_in')).toBe(PEAK_SIGN_INS + 1);
  expect(stored(station, 'select sum(party_size) as people from visitor_sign_in')).toEqual([{ people }]);

  // A visitor who wants to leave a message still can, from the same screen.
  await page.getByRole('button', { name: 'Leave a name or a message' }).click();
  await expect(page.getByRole('heading', { name: 'Visitor sign-in' })).toBeVisible();
  await expect(page.getByLabel('Qingming tribute')).toBeChecked();
});

test('a message written at the kiosk waits for review, is approved by staff and shown on the wall; a rejected one never is', async ({ page, station }) => {
  await leaveMessageAtKiosk(page, '爸爸，我们都很想念您。', '张三');
  await leaveMessageAtKiosk(page, '这是一条广告：出售鲜花');
  expect(stored(station, 'select state from visitor_message')).toEqual([{ state: 'pending' }, { state: 'pending' }]);

  // Nothing is on the wall before staff decide.
  await page.getByRole('button', { name: /留言墙/ }).click();
  await expect(page.getByText('还没有留言。')).toBeVisible();
  await page.getByRole('button', { name: '返回首页' }).click();

  await signIn(page, sampleAdmin);
  await page.getByRole('button', { name: /留言审核/ }).click();
  await expect(page.getByRole('button', { name: '待审核（2）' })).toHaveAttribute('aria-pressed', 'true');
  const items = page.getByTestId('moderation-item');
  await expect(items).toHaveCount(2);
  const advert = items.filter({ hasText: '广告' });
  const missed = items.filter({ hasText: '想念您' });
  await expect(missed).toContainText('张*');
  await expect(missed).not.toContainText('张三');
  await expect(missed).toContainText('家属');

  await advert.getByRole('button', { name: '退回' }).click();
  await page.getByRole('button', { name: '确认退回' }).click();
  await expect(page.getByText('此项为必填项。')).toBeVisible();
  await page.getByLabel('退回原因').fill('含有广告');
  await page.getByRole('button', { name: '确认退回' }).click();
  await expect(items).toHaveCount(1);
  await missed.getByRole('button', { name: '通过并上墙' }).click();
  await expect(page.getByText('没有待审核的留言。')).toBeVisible();

  await page.getByRole('button', { name: '已退回（1）' }).click();
  await expect(items).toHaveCount(1);
  await expect(items.getByTestId('decision')).toContainText('管理员');
  await expect(items.getByTestId('decision')).toContainText('原因：含有广告');
  expect(stored(station, "select action from audit_log where action like 'message_%' order by seq")).toEqual([
    { action: 'message_reject' },
    { action: 'message_approve' },
  ]);

  await page.getByRole('button', { name: '返回首页' }).click();
  await page.getByRole('button', { name: /来访记录/ }).click();
  await expect(page.getByTestId('message-state')).toHaveText(['已退回', '已通过']);
  await page.getByRole('button', { name: '退出登录' }).click();

  await page.getByRole('button', { name: /留言墙/ }).click();
  const wall = page.getByTestId('wall-message');
  await expect(wall).toHaveCount(1);
  await expect(wall).toContainText('爸爸，我们都很想念您。');
  await expect(wall).toContainText('张*');
  await expect(wall).toContainText('家属');
  await expect(page.getByTestId('wall-messages')).not.toContainText('广告');
  await expect(page.getByTestId('wall-page')).toHaveText('第 1 / 1 页');
});

test('in English: a message is approved onto the wall and a rejected one stays off it', async ({ page, station }) => {
  await page.getByRole('button', { name: 'English' }).click();
  for (const message of ['Thank you for the gift of life.', 'Buy cheap flowers here']) {
    await page.getByRole('button', { name: /Visitor sign-in/ }).click();
    await page.getByLabel('1', { exact: true }).check();
    await page.getByLabel('Tour').check();
    await page.getByText('Add a name, relation or message (optional)').click();
    await page.getByLabel('Friend').check();
    await page.getByLabel('Message (optional)').fill(message);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.getByTestId('message-pending')).toHaveText('Your message will appear on the message wall once staff have reviewed it.');
    await page.getByRole('button', { name: 'Back to home' }).click();
  }

  await page.getByRole('button', { name: 'Staff sign-in' }).click();
  await page.getByLabel('Username').fill(sampleAdmin.username);
  await page.getByLabel('Password').fill(sampleAdmin.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('button', { name: /Message review/ }).click();
  const items = page.getByTestId('moderation-item');
  await items.filter({ hasText: 'Thank you' }).getByRole('button', { name: 'Approve for the wall' }).click();
  await items.filter({ hasText: 'flowers' }).getByRole('button', { name: 'Reject' }).click();
  await page.getByLabel('Reason for rejecting').fill('Advertising');
  await page.getByRole('button', { name: 'Confirm rejection' }).click();
  await expect(page.getByText('No messages are awaiting review.')).toBeVisible();
  await page.getByRole('button', { name: 'Approved (1)' }).click();
  await expect(items.getByTestId('decision')).toContainText(`Approved by ${sampleAdmin.displayName}`);
  await page.getByRole('button', { name: 'Sign out' }).click();

  await page.getByRole('button', { name: /Message wall/ }).click();
  const wall = page.getByTestId('wall-message');
  await expect(wall).toHaveCount(1);
  await expect(wall).toContainText('Thank you for the gift of life.');
  await expect(wall).toContainText('A visitor');
  await expect(wall).toContainText('Friend');
  await expect(page.getByTestId('wall-messages')).not.toContainText('flowers');
  expect(stored(station, "select kind, version from outbox where kind = 'visitor_message'")).toEqual([
    { kind: 'visitor_message', version: 2 },
    { kind: 'visitor_message', version: 2 },
  ]);
});

test('an over-long message is refused with the reason in Chinese and in English, and nothing is stored', async ({ page, station }) => {
  await page.getByRole('button', { name: /来访登记/ }).click();
  await page.getByLabel('4', { exact: true }).check();
  await page.getByLabel('参观').check();
  await page.getByText('留下姓名、关系或留言（选填）').click();
  await page.getByLabel('留言（选填）').fill('念'.repeat(201));
  await expect(page.getByTestId('message-length')).toHaveText('201 / 200 字');
  await page.getByRole('button', { name: '登记', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText('输入有误，请检查标出的项目。');
  await expect(page.getByText('内容过长，请精简后再填写。')).toBeVisible();
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByText('This text is too long; please shorten it.')).toBeVisible();
  await expect(page.getByTestId('message-length')).toHaveText('201 / 200 characters');
  expect(countRows(station, 'visitor_sign_in')).toBe(0);

  // Shortened to the limit, it goes through.
  await page.getByLabel('Message (optional)').fill('念'.repeat(200));
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Thank you for your visit' })).toBeVisible();
  expect(countRows(station, 'visitor_sign_in')).toBe(1);
});

test('an idle kiosk forgets a half-filled sign-in, message included', async ({ page }) => {
  await page.clock.install();
  await page.reload();
  await page.getByRole('button', { name: /来访登记/ }).click();
  await page.getByLabel('5', { exact: true }).check();
  await page.getByText('留下姓名、关系或留言（选填）').click();
  await page.getByLabel('留言（选填）').fill('未写完的留言');
  // Forms wait five minutes by default before they are wiped.
  await page.clock.fastForward('05:05');
  await expect(page.getByLabel('5', { exact: true })).not.toBeChecked();
  await expect(page.getByLabel('留言（选填）')).toHaveValue('');
});

test('the wall pages through approved messages, newest first, and turns the page by itself', async ({ page, station }) => {
  for (let index = 1; index <= 15; index += 1) {
    const visit = await station.dispatch('visitor:signIn', { partySize: 1, purpose: 'remembrance', message: `留言 ${index}` }, { sessionKey: 'kiosk' });
    expect(visit.ok).toBe(true);
  }
  const pending = (await station.dispatch('messages:list', { limit: 50 }, adminCaller)) as { ok: true; data: { messages: Array<{ id: string }> } };
  for (const message of pending.data.messages) {
    expect((await station.dispatch('messages:approve', { id: message.id }, adminCaller)).ok).toBe(true);
  }

  await page.clock.install();
  await page.reload();
  await page.getByRole('button', { name: /留言墙/ }).click();
  const wall = page.getByTestId('wall-message');
  await expect(wall).toHaveCount(12);
  await expect(page.getByTestId('wall-page')).toHaveText('第 1 / 2 页');
  await page.getByRole('button', { name: '下一页' }).click();
  await expect(wall).toHaveCount(3);
  await expect(page.getByTestId('wall-page')).toHaveText('第 2 / 2 页');
  await page.clock.fastForward('00:21');
  await expect(page.getByTestId('wall-page')).toHaveText('第 1 / 2 页');
  await expect(wall).toHaveCount(12);
  await page.clock.fastForward('00:21');
  await expect(page.getByTestId('wall-page')).toHaveText('第 2 / 2 页');
});

test('an administrator sets how long sign-ins are kept, never below 30 days; a registrar only reads it', async ({ page, station, createStaff }) => {
  const registrar = await createStaff('registrar');
  await signIn(page, sampleAdmin);
  await page.getByRole('button', { name: /来访记录/ }).click();
  await expect(page.getByLabel('来访记录保存天数')).toHaveValue('365');
  await page.getByLabel('来访记录保存天数').fill('29');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText('保存期限须为 30–3650 之间的整数天数。')).toBeVisible();
  await page.getByLabel('来访记录保存天数').fill('180');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByRole('status')).toHaveText('设置已保存。');
  expect(stored(station, "select object_id, detail from audit_log where action = 'settings_change'")).toEqual([
    { object_id: 'memorial', detail: JSON.stringify({ section: 'memorial', changes: { visitorRetentionDays: { from: 365, to: 180 } } }) },
  ]);
  await page.getByRole('button', { name: '退出登录' }).click();

  await signIn(page, registrar);
  await page.getByRole('button', { name: /来访记录/ }).click();
  await expect(page.getByTestId('retention-days')).toHaveText('来访记录保存 180 天，过期自动清除。');
  await expect(page.getByLabel('来访记录保存天数')).toHaveCount(0);
});
