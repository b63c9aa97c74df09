import type { Page } from '@playwright/test';
import type { OpenStation } from '../../electron/app/open-station';
import { stationDate } from '../../shared/domain/age';
import { stationMoment } from '../../shared/domain/education';
import { adminCaller, expect, openTile, sampleAdmin, test } from './fixtures';

/** What the screens say, in each language, at the places these tests act on. */
const texts = {
  zh: {
    language: '简体中文',
    signIn: '工作人员登录',
    username: '用户名',
    password: '密码',
    login: '登录',
    signOut: '退出登录',
    staffTile: '生命教育活动',
    kioskTile: '今日生命教育活动',
    newSession: '安排新活动',
    title: '活动主题',
    date: '日期',
    start: '开始时间',
    end: '结束时间',
    venue: '地点',
    host: '主讲人 / 主持人',
    audience: '受众',
    expected: '预计人数',
    schedule: '安排',
    scheduled: (title: string) => `已安排活动“${title}”。`,
    checkIn: '团体签到',
    organisation: '学校 / 单位 / 团体名称',
    contactName: '带队老师或联系人姓名',
    contactPhone: '联系人电话',
    headCount: '到场人数',
    ageBand: '12–17 岁',
    submitCheckIn: '签到',
    checkedIn: (organisation: string, title: string) => `“${organisation}” 42 人已签到参加“${title}”。`,
    done: '完成',
    survey: '填写满意度问卷',
    verySatisfied: /很满意/,
    comment: '意见或建议（选填）',
    submitSurvey: '提交',
    answered: '已收到您的评价，谢谢！',
    open: '查看',
    walkIns: '散客人数',
    addWalkIns: '登记散客',
    actual: '50 人（团体 42 人，散客 8 人）',
    reveal: '显示完整信息',
    issueCertificate: '开具参加证明',
    issue: '开具',
    openDocuments: '前往回执与证书',
    documentsTitle: '回执与证书',
    certificateKind: '参加证明',
    session: { title: '生命的礼物：器官捐献知识讲座', venue: '生命教育馆报告厅', host: '张老师' },
    group: { organisation: '昆明市第一中学初二（3）班', short: '昆明市第一中学*', contactName: '王丽华', masked: '王* 139****4321' },
  },
  en: {
    language: 'English',
    signIn: 'Staff sign-in',
    username: 'Username',
    password: 'Password',
    login: 'Sign in',
    signOut: 'Sign out',
    staffTile: 'Life-education sessions',
    kioskTile: "Today's life-education sessions",
    newSession: 'Schedule a session',
    title: 'Title',
    date: 'Date',
    start: 'Starts at',
    end: 'Ends at',
    venue: 'Venue',
    host: 'Host or speaker',
    audience: 'Audience',
    expected: 'Expected head count',
    schedule: 'Schedule',
    scheduled: (title: string) => `Session “${title}” scheduled.`,
    checkIn: 'Group check-in',
    organisation: 'School, organisation or group',
    contactName: 'Group leader or contact adult',
    contactPhone: 'Contact phone',
    headCount: 'People present',
    ageBand: '12–17',
    submitCheckIn: 'Check in',
    checkedIn: (organisation: string, title: string) => `“${organisation}”, 42 people, checked in to “${title}”.`,
    done: 'Done',
    survey: 'Satisfaction survey',
    verySatisfied: /Very satisfied/,
    comment: 'Comments or suggestions (optional)',
    submitSurvey: 'Submit',
    answered: 'We have received your feedback. Thank you!',
    open: 'Open',
    walkIns: 'Walk-ins',
    addWalkIns: 'Add walk-ins',
    actual: '50 (groups 42, walk-ins 8)',
    reveal: 'Show in full',
    issueCertificate: 'Issue attendance certificate',
    issue: 'Issue',
    openDocuments: 'Go to documents',
    documentsTitle: 'Documents and certificates',
    certificateKind: 'Certificate of attendance',
    session: { title: 'The gift of life: a talk on organ donation', venue: 'Lecture hall', host: 'Ms Zhang' },
    group: { organisation: 'Grade 8 Class 3', short: 'Grade 8*', contactName: 'Wang Lihua', masked: 'W* 139****4321' },
  },
} as const;

type Texts = (typeof texts)[keyof typeof texts];

async function signInAs(page: Page, l: Texts): Promise<void> {
  await page.getByRole('button', { name: l.signIn }).click();
  await page.getByLabel(l.username).fill(sampleAdmin.username);
  await page.getByLabel(l.password).fill(sampleAdmin.password);
  await page.getByRole('button', { name: l.login, exact: true }).click();
  await expect(page.getByTestId('staff-name')).toHaveText(sampleAdmin.displayName);
}

function count(station: OpenStation, sql: string): number {
  return (station.connection.sqlite.prepare(sql).get() as { n: number }).n;
}

// The public home offers today's sessions at a life-education base (shared/domain/station-tiles.ts).
test.use({ stationKind: 'education_base' });

test.beforeEach(({ openHome }) => openHome());

for (const [language, l] of Object.entries(texts)) {
  test(`${language}: staff schedule a session, a group checks in at the kiosk and rates it, staff see the counts and issue the attendance certificate`, async ({ page, station }) => {
    // The whole day of a session across five screens: more than a single screen's test.
    test.setTimeout(60_000);
    await page.getByRole('button', { name: l.language, exact: true }).click();
    await signInAs(page, l);

    // Staff schedule today's session, from midnight so that it has started and its survey is open.
    await openTile(page, l.staffTile);
    await page.getByRole('button', { name: l.newSession }).click();
    await page.getByLabel(l.title, { exact: true }).fill(l.session.title);
    await expect(page.getByLabel(l.date, { exact: true })).toHaveValue(stationDate(new Date()));
    await page.getByLabel(l.start, { exact: true }).fill('00:00');
    await page.getByLabel(l.end, { exact: true }).fill('23:59');
    await page.getByLabel(l.venue, { exact: true }).fill(l.session.venue);
    await page.getByLabel(l.host, { exact: true }).fill(l.session.host);
    await page.getByLabel(l.audience, { exact: true }).selectOption('school');
    await page.getByLabel(l.expected, { exact: true }).fill('60');
    await page.getByRole('button', { name: l.schedule, exact: true }).click();
    await expect(page.getByTestId('sessions-done')).toHaveText(l.scheduled(l.session.title));
    await expect(page.locator(`tr[data-session="${l.session.title}"]`)).toBeVisible();
    await page.getByRole('button', { name: l.signOut }).click();

    // The kiosk shows it today; a group leader checks the group in, a wrong phone refused first.
    await openTile(page, l.kioskTile);
    const card = page.locator(`li[data-session="${l.session.title}"]`);
    await expect(card).toContainText(l.session.venue);
    await card.getByRole('button', { name: l.checkIn }).click();
    await page.getByLabel(l.organisation).fill(l.group.organisation);
    await page.getByLabel(l.contactName).fill(l.group.contactName);
    await page.getByLabel(l.contactPhone).fill('12345');
    await page.getByLabel(l.headCount).fill('42');
    await page.getByRole('radio', { name: l.ageBand, exact: true }).check();
    await page.getByRole('button', { name: l.submitCheckIn, exact: true }).click();
    await expect(page.locator('#check-in-contact-phone-error')).toHaveAttribute('data-reason', 'mobile_format');
    await page.getByLabel(l.contactPhone).fill('139 8765 4321');
    await page.getByRole('button', { name: l.submitCheckIn, exact: true }).click();
    await expect(page.getByTestId('session-kiosk-done')).toHaveText(l.checkedIn(l.group.organisation, l.session.title));
    expect(count(station, 'select count(*) as n from education_group')).toBe(1);
    await page.getByRole('button', { name: l.done }).click();

    // After the session has started, someone answers the survey.
    await card.getByRole('button', { name: l.survey }).click();
    await page.getByRole('radio', { name: l.verySatisfied }).check();
    await page.getByLabel(l.comment).fill('讲得很好');
    await page.getByRole('button', { name: l.submitSurvey, exact: true }).click();
    // The thanks stays until the survey's cool-down is over (tests/e2e/session-survey.spec.ts); staff sign in from it.
    await expect(page.getByTestId('survey-received')).toHaveText(l.answered);

    // Staff see the counts, add walk-ins and issue the group's attendance certificate.
    await signInAs(page, l);
    await openTile(page, l.staffTile);
    const row = page.locator(`tr[data-session="${l.session.title}"]`);
    await expect(row.getByTestId('session-head-count')).toHaveText('42 / 60');
    await row.getByRole('button', { name: l.open }).click();
    const detail = page.getByTestId('session-detail');
    const group = detail.locator(`tr[data-group="${l.group.organisation}"]`);
    await expect(group.getByTestId('group-contact')).toHaveText(l.group.masked);
    await group.getByRole('button', { name: l.reveal }).click();
    await expect(group.getByTestId('group-contact')).toHaveText(`${l.group.contactName} 13987654321`);
    await expect(detail.getByTestId('survey-count')).toHaveText('1');
    await expect(detail.getByTestId('survey-mean')).toHaveText('5');
    await expect(detail.getByTestId('survey-satisfied')).toHaveText('100%');
    await detail.getByLabel(l.walkIns).fill('8');
    await detail.getByRole('button', { name: l.addWalkIns }).click();
    await expect(detail.getByTestId('session-actual')).toHaveText(l.actual);

    await group.getByRole('button', { name: l.issueCertificate }).click();
    await detail.getByRole('button', { name: l.issue, exact: true }).click();
    // The row exists once the screen shows the issued certificate, not when the click returns.
    await expect(detail.getByTestId('certificate-issued')).toBeVisible();
    const serial = (station.connection.sqlite.prepare("select serial from document where kind = 'attendance_certificate'").get() as { serial: string }).serial;
    await expect(detail.getByTestId('certificate-issued')).toContainText(serial);
    await expect(group.getByTestId('group-certificates')).toHaveText(serial);
    await detail.getByRole('button', { name: l.openDocuments }).click();
    await expect(page.getByRole('heading', { name: l.documentsTitle, level: 1 })).toBeVisible();
    const certificate = page.locator(`article[data-serial="${serial}"]`);
    await expect(certificate).toContainText(l.certificateKind);
    await expect(certificate.getByTestId('document-subject')).toHaveText(l.group.short);
    expect(count(station, "select count(*) as n from audit_log where object_type = 'education_group' and action = 'view_unmasked'")).toBe(1);
  });
}

test('an idle kiosk forgets a half-filled check-in and goes back to the day’s sessions', async ({ page, station }) => {
  const today = stationDate(new Date());
  const scheduled = await station.dispatch(
    'education:schedule',
    { title: '红十字精神进社区', startsAt: stationMoment(today, '00:00'), endsAt: stationMoment(today, '23:59'), venue: '社区活动中心', host: '李老师', audienceKind: 'community', expectedHeadCount: 30 },
    adminCaller,
  );
  expect(scheduled.ok).toBe(true);
  await page.clock.install();
  await page.reload();
  await openTile(page, texts.zh.kioskTile);
  await page.getByRole('button', { name: texts.zh.checkIn }).click();
  await page.getByLabel(texts.zh.organisation).fill('翠湖社区老年协会');
  // Five minutes by default, the last 30 s of them with the warning.
  await page.clock.fastForward(280_000);
  await expect(page.getByTestId('idle-countdown')).toBeVisible();
  await page.clock.fastForward(21_000);
  await expect(page.getByRole('heading', { name: texts.zh.kioskTile, level: 1 })).toBeVisible();
  await page.getByRole('button', { name: texts.zh.checkIn }).click();
  await expect(page.getByLabel(texts.zh.organisation)).toHaveValue('');
  expect(count(station, 'select count(*) as n from education_group')).toBe(0);
});

test('staff cancel a session that has not started: a missing reason is refused at its field, the question names the session, the reason is kept', async ({ page, station }) => {
  const tomorrow = stationDate(new Date(Date.now() + 24 * 60 * 60 * 1000));
  const title = '器官捐献志愿者座谈会';
  const scheduled = await station.dispatch(
    'education:schedule',
    { title, startsAt: stationMoment(tomorrow, '09:00'), endsAt: stationMoment(tomorrow, '11:00'), venue: '报告厅', host: '张老师', audienceKind: 'community', expectedHeadCount: 40 },
    adminCaller,
  );
  expect(scheduled.ok).toBe(true);
  await signInAs(page, texts.zh);
  await openTile(page, texts.zh.staffTile);
  await page.locator(`tr[data-session="${title}"]`).getByRole('button', { name: texts.zh.open }).click();
  const detail = page.getByTestId('session-detail');
  await detail.getByRole('button', { name: '取消活动' }).click();
  const form = page.getByTestId('cancel-session-form');

  // Asked once more, then refused by the station: the reason is required.
  await form.getByRole('button', { name: '取消活动', exact: true }).click();
  await expect(form.getByRole('alertdialog')).toHaveText(new RegExp(`^确定取消活动“${title}”吗？此操作不能撤销。`));
  await form.getByRole('button', { name: '确定取消' }).click();
  await expect(form.locator('#cancel-session-reason-error')).toHaveAttribute('data-reason', /.+/);
  expect(count(station, "select count(*) as n from education_session where state = 'cancelled'")).toBe(0);

  await form.getByLabel('取消原因').fill('场地维修');
  await form.getByRole('button', { name: '取消活动', exact: true }).click();
  await form.getByRole('button', { name: '确定取消' }).click();
  await expect(form).toHaveCount(0);
  await expect(detail.getByText('场地维修')).toBeVisible();
  expect(count(station, "select count(*) as n from education_session where state = 'cancelled'")).toBe(1);
});
