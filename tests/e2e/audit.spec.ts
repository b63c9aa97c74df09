import { adminCaller, countRows, expect, sampleAdmin, signIn, test } from './fixtures';

test.beforeEach(async ({ setUpStation }) => {
  await setUpStation();
});

test('the auditor reads the trail, including sign-ins and revealed names, and the chain verifies intact', async ({
  page,
  openApp,
  station,
  createStaff,
}) => {
  const auditor = await createStaff('auditor');
  // A kiosk visit, and an administrator who looks at the full name.
  const visit = await station.dispatch('visitor:signIn', { partySize: 2, purpose: 'remembrance', visitorName: '赵六' }, { sessionKey: 'kiosk' });
  expect(visit.ok).toBe(true);
  const visitId = (visit as { data: { id: string } }).data.id;
  expect((await station.dispatch('visitor:revealName', { id: visitId }, adminCaller)).ok).toBe(true);

  await openApp();
  await signIn(page, auditor);
  await expect(page.getByTestId('staff-role')).toHaveText('审计员');
  // Auditors read the trail; visits and accounts are not theirs to see.
  await expect(page.locator('.tile strong')).toHaveText(['来访登记', '留言墙', '纪念名录', '今日生命教育活动', '纪念与教育统计', '统计看板', '省级同步', '审计日志', '我的账户']);
  await page.getByRole('button', { name: /审计日志/ }).click();
  await expect(page.getByRole('heading', { name: '审计日志' })).toBeVisible();

  const table = page.getByTestId('audit-table');
  const rows = table.locator('tbody tr');
  await expect(rows).toHaveCount(countRows(station, 'audit_log'));
  // Newest first: the auditor's own sign-in heads the list.
  await expect(rows.first()).toHaveAttribute('data-action', 'login');
  await expect(rows.first()).toContainText('刘洋');
  await expect(rows.first()).toContainText('审计员');
  await expect(rows.first()).toContainText('登录');

  const revealed = rows.filter({ hasText: '查看完整信息' });
  await expect(revealed).toHaveCount(1);
  await expect(revealed).toContainText('管理员');
  await expect(revealed).toContainText('系统管理员');
  await expect(revealed).toContainText('来访登记');
  await expect(revealed).toContainText(visitId.slice(0, 8));
  // The trail names the record, never the name that was looked at.
  await expect(table).not.toContainText('赵六');

  const created = rows.filter({ hasText: '新建记录' });
  await expect(created).toContainText('—');
  await expect(created).toContainText('自助终端（未登录）');
  await expect(rows.filter({ hasText: '站点初始设置' })).toHaveCount(1);

  await page.getByRole('button', { name: '校验日志链' }).click();
  await expect(page.getByTestId('chain-check')).toContainText('日志链完整');
  const total = countRows(station, 'audit_log');
  await expect(page.getByTestId('chain-check')).toHaveText(`日志链完整：共 ${total} 条记录。`);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByTestId('chain-check')).toHaveText(`Chain intact: ${total} entries.`);
  await expect(rows.first()).toContainText('Signed in');
  await expect(rows.first()).toContainText('Auditor');
  await expect(rows.filter({ hasText: 'Full details viewed' })).toContainText('Visitor sign-in');
});

test('filters by action and by day, and pages back with "load more"', async ({ page, openApp, station }) => {
  // Enough activity for more than one page.
  for (let round = 0; round < 30; round += 1) {
    expect((await station.dispatch('session:lock', undefined, adminCaller)).ok).toBe(true);
    expect((await station.dispatch('session:unlock', { pin: sampleAdmin.pin }, adminCaller)).ok).toBe(true);
  }
  await openApp();
  await signIn(page, sampleAdmin);
  await page.getByRole('button', { name: /审计日志/ }).click();
  const rows = page.getByTestId('audit-table').locator('tbody tr');
  const total = countRows(station, 'audit_log');
  expect(total).toBeGreaterThan(60);

  const loadMore = page.getByRole('button', { name: '加载更多' });
  await expect(rows).toHaveCount(50);
  // Each page is the 50 entries before the oldest one shown, until a page comes back short.
  for (let shown = 50; shown < total || total % 50 === 0; ) {
    await loadMore.click();
    if (shown >= total) break;
    shown = Math.min(total, shown + 50);
    await expect(rows).toHaveCount(shown);
  }
  await expect(loadMore).toHaveCount(0);
  await expect(rows).toHaveCount(total);
  await expect(rows.last()).toHaveAttribute('data-action', 'station_setup');
  const seqs = await rows.locator('td:first-child').allTextContents();
  expect(seqs.map(Number)).toEqual(Array.from({ length: total }, (_, index) => total - index));

  await page.getByLabel('操作类型').selectOption({ label: '解锁屏幕' });
  await page.getByRole('button', { name: '查询' }).click();
  await expect(rows).toHaveCount(30);
  for (const action of await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-action')))) {
    expect(action).toBe('unlock');
  }

  // Today's entries are all of them; yesterday has none.
  // Days as the station (the browser, in its time zone) counts them.
  const [today, yesterday] = await page.evaluate(() => {
    const day = (date: Date) =>
      `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
    const now = new Date();
    return [day(now), day(new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1))];
  });
  await page.getByLabel('起始日期').fill(today);
  await page.getByLabel('截止日期').fill(today);
  await page.getByRole('button', { name: '查询' }).click();
  await expect(rows).toHaveCount(30);
  await page.getByLabel('起始日期').fill(yesterday);
  await page.getByLabel('截止日期').fill(yesterday);
  await page.getByRole('button', { name: '查询' }).click();
  await expect(page.getByText('没有符合条件的记录。')).toBeVisible();

  await page.getByRole('button', { name: '清除条件' }).click();
  await expect(page.getByLabel('操作类型')).toHaveValue('');
  await expect(rows).toHaveCount(50);
});

test('a tampered entry breaks the chain at that entry, said in both languages', async ({ page, openApp, station }) => {
  await openApp();
  await signIn(page, sampleAdmin);
  // Someone with the database file in hand gets round the append-only rule and edits an entry.
  station.connection.sqlite.exec('drop trigger audit_log_no_update');
  station.connection.sqlite.prepare("update audit_log set object_id = 'XX99' where seq = 1").run();

  await page.getByRole('button', { name: /审计日志/ }).click();
  await page.getByRole('button', { name: '校验日志链' }).click();
  await expect(page.getByTestId('chain-check')).toHaveText('日志链在第 1 条记录处断开（记录内容与其哈希不符）。');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByTestId('chain-check')).toHaveText('Chain broken at entry #1 (its content does not match its hash).');
});

test('the audit trail is not for registrars', async ({ page, openApp, createStaff }) => {
  const registrar = await createStaff('registrar');
  await openApp();
  await signIn(page, registrar);
  await expect(page.locator('.tile strong')).toHaveText(['意愿登记', '登记记录', '回执与证书', '来访登记', '来访记录', '留言墙', '留言审核', '纪念名录', '纪念名录管理', '家属关怀', '人道救助', '今日生命教育活动', '生命教育活动', '纪念与教育统计', '统计看板', '省级同步', '我的账户']);
  await expect(page.getByRole('button', { name: /审计日志/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /工作人员账户/ })).toHaveCount(0);
});
