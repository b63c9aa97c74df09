import type { Page } from '@playwright/test';
import type { OpenStation } from '../../electron/app/open-station';
import { stationDate } from '../../shared/domain/age';
import { stationMoment } from '../../shared/domain/education';
import { adminCaller, expect, openTile, sampleAdmin, sampleStation, test } from './fixtures';

/** What the screens say, in each language, where these tests look. */
const texts = {
  zh: {
    language: '简体中文',
    signIn: '工作人员登录',
    username: '用户名',
    password: '密码',
    login: '登录',
    staffTile: '生命教育活动',
    kioskTile: '今日生命教育活动',
    survey: '填写满意度问卷',
    verySatisfied: /很满意/,
    dissatisfied: /^2\s*不满意$/,
    comment: '意见或建议（选填）',
    submit: '提交',
    length: (n: number) => `已输入 ${n} / 500`,
    tooLong: '内容过长，请精简后再填写。',
    received: '已收到您的评价，谢谢！',
    alreadyGiven: '您已提交过本场活动的评价，谢谢！请稍候片刻，下一位参加者再填写。',
    open: '查看',
    showComments: '查看留言',
    commentMeta: (score: string) => new RegExp(`^${score} · `),
    five: '5 分',
    title: '生命的礼物：器官捐献知识讲座',
    comment1: '讲得很好，\n希望多举办这样的活动。',
  },
  en: {
    language: 'English',
    signIn: 'Staff sign-in',
    username: 'Username',
    password: 'Password',
    login: 'Sign in',
    staffTile: 'Life-education sessions',
    kioskTile: "Today's life-education sessions",
    survey: 'Satisfaction survey',
    verySatisfied: /Very satisfied/,
    dissatisfied: /^2\s*Dissatisfied$/,
    comment: 'Comments or suggestions (optional)',
    submit: 'Submit',
    length: (n: number) => `${n} / 500 characters typed`,
    tooLong: 'This text is too long; please shorten it.',
    received: 'We have received your feedback. Thank you!',
    alreadyGiven: 'You have already given your feedback on this session, thank you! The next participant can answer in a moment.',
    open: 'Open',
    showComments: 'Show comments',
    commentMeta: (score: string) => new RegExp(`^${score} · `),
    five: '5 points',
    title: 'The gift of life: a talk on organ donation',
    comment1: 'A moving talk.\nPlease hold more of these.',
  },
} as const;

type Texts = (typeof texts)[keyof typeof texts];

function count(station: OpenStation, sql: string): number {
  return (station.connection.sqlite.prepare(sql).get() as { n: number }).n;
}

async function openSurvey(page: Page, l: Texts): Promise<void> {
  await openTile(page, l.kioskTile);
  await page.locator(`li[data-session="${l.title}"]`).getByRole('button', { name: l.survey }).click();
}

// The public home offers today's sessions at a life-education base (shared/domain/station-tiles.ts).
test.use({ stationKind: 'education_base' });

test.beforeEach(({ openHome }) => openHome());

for (const [language, l] of Object.entries(texts)) {
  test(`${language}: the survey counts the comment, refuses one too long, takes one answer per kiosk window, and staff read the comments`, async ({ page, station }) => {
    test.setTimeout(60_000);
    // Today's session, from midnight so that its survey is open.
    const today = stationDate(new Date());
    const scheduled = await station.dispatch(
      'education:schedule',
      { title: l.title, startsAt: stationMoment(today, '00:00'), endsAt: stationMoment(today, '23:59'), venue: '报告厅', host: '张老师', audienceKind: 'school', expectedHeadCount: 60 },
      adminCaller,
    );
    expect(scheduled.ok).toBe(true);
    await page.getByRole('button', { name: l.language, exact: true }).click();

    // A comment pasted in at 5 000 characters is kept whole, counted, and refused with the field's message.
    await openSurvey(page, l);
    await page.getByRole('radio', { name: l.dissatisfied }).check();
    const comment = page.getByLabel(l.comment);
    await comment.fill('好'.repeat(5000));
    await expect(comment).toHaveValue('好'.repeat(5000));
    await expect(page.getByTestId('survey-comment-length')).toHaveText(l.length(5000));
    await page.getByRole('button', { name: l.submit, exact: true }).click();
    await expect(page.locator('#survey-comment-error')).toHaveText(l.tooLong);
    await expect(page.locator('#survey-comment-error')).toHaveAttribute('data-reason', 'text_too_long');
    expect(count(station, 'select count(*) as n from education_survey')).toBe(0);

    // Shortened, it is taken; the thanks stays, with no button to a fresh form.
    await comment.fill(l.comment1);
    await expect(page.getByTestId('survey-comment-length')).toHaveText(l.length(Array.from(l.comment1).length));
    await page.getByRole('radio', { name: l.verySatisfied }).check();
    await page.getByRole('button', { name: l.submit, exact: true }).click();
    await expect(page.getByTestId('survey-received')).toHaveText(l.received);
    await expect(page.locator('.panel--done').getByRole('button')).toHaveCount(0);
    expect(count(station, 'select count(*) as n from education_survey')).toBe(1);

    // Reloading the page gives no second answer: the station knows the kiosk window.
    await page.reload();
    await expect(page.getByRole('heading', { name: sampleStation.name })).toBeVisible();
    await page.getByRole('button', { name: l.language, exact: true }).click();
    await openSurvey(page, l);
    await page.getByRole('radio', { name: l.dissatisfied }).check();
    await page.getByRole('button', { name: l.submit, exact: true }).click();
    await expect(page.getByRole('alert')).toHaveText(l.alreadyGiven);
    expect(count(station, 'select count(*) as n from education_survey')).toBe(1);

    // Staff open the session and read the comment, as typed, with its score; the reading is audited.
    await page.getByRole('button', { name: l.signIn }).click();
    await page.getByLabel(l.username).fill(sampleAdmin.username);
    await page.getByLabel(l.password).fill(sampleAdmin.password);
    await page.getByRole('button', { name: l.login, exact: true }).click();
    await expect(page.getByTestId('staff-name')).toHaveText(sampleAdmin.displayName);
    await openTile(page, l.staffTile);
    await page.locator(`tr[data-session="${l.title}"]`).getByRole('button', { name: l.open }).click();
    const detail = page.getByTestId('session-detail');
    await detail.getByRole('button', { name: l.showComments }).click();
    const shown = detail.getByTestId('survey-comment');
    await expect(shown).toHaveCount(1);
    await expect(shown.locator('.survey-comments__meta')).toHaveText(l.commentMeta(l.five));
    await expect(shown.locator('.survey-comments__text')).toHaveText(l.comment1);
    expect(count(station, "select count(*) as n from audit_log where object_type = 'education_session' and action = 'view'")).toBe(1);
  });
}
