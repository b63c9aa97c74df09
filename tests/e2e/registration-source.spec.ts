import type { Page } from '@playwright/test';
import type { OpenStation } from '../../electron/app/open-station';
import { stationDate } from '../../shared/domain/age';
import { stationMoment } from '../../shared/domain/education';
import { samplePerson } from '../fixtures/registrations';
import { adminCaller, expect, sampleAdmin, sampleStation, signIn, test } from './fixtures';
import { answerConsents, choosePrograms, drawSignature, en, fillIdentity, next, openRegistration, type FlowLabels } from './registration-helpers';
import { card, openFirstResult, openRecords, search } from './records-helpers';

const SESSION_TITLE = '红十字精神进社区';

/** A session held today at the station, scheduled as staff would have. */
async function seedTodaysSession(station: OpenStation): Promise<{ id: string; date: string }> {
  const date = stationDate(new Date());
  const scheduled = await station.dispatch(
    'education:schedule',
    { title: SESSION_TITLE, startsAt: stationMoment(date, '00:00'), endsAt: stationMoment(date, '23:59'), venue: '社区活动中心', host: '李老师', audienceKind: 'community', expectedHeadCount: 30 },
    adminCaller,
  );
  if (!scheduled.ok) throw new Error(`session refused: ${JSON.stringify(scheduled.error)}`);
  return { id: (scheduled.data as { id: string }).id, date };
}

/** A calendar date as the screens write it in that language and style. */
function shown(date: string, language: string, dateStyle: 'medium' | 'long'): string {
  return new Intl.DateTimeFormat(language, { dateStyle, timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}

/** Goes through the kiosk's steps for a cornea registration of the sample person, up to the question. */
async function upToTheQuestion(page: Page, labels?: FlowLabels, tile = '角膜捐献', ethnicGroup = '汉族'): Promise<void> {
  await openRegistration(page, labels);
  await choosePrograms(page, [tile]);
  await next(page, labels);
  await fillIdentity(page, { number: samplePerson.document.number, name: samplePerson.name, phone: samplePerson.phone, ethnicGroup }, labels);
  await next(page, labels);
  await answerConsents(page, { provincial_sync: true, follow_up_contact: false, memorial_publication: false }, labels);
  await next(page, labels);
  await drawSignature(page);
  await next(page, labels);
}

function storedAnswers(station: OpenStation): Array<{ heard_from: string | null; heard_from_session_id: string | null }> {
  return station.connection.sqlite.prepare('select heard_from, heard_from_session_id from registration').all() as Array<{
    heard_from: string | null;
    heard_from_session_id: string | null;
  }>;
}

test.beforeEach(async ({ setUpStation, openApp, page }) => {
  await setUpStation();
  await openApp();
  await expect(page.getByRole('heading', { name: sampleStation.name })).toBeVisible();
});

test('a visitor says at the kiosk which session they heard of donation at, and the record shows it, in Chinese', async ({ page, station }) => {
  const session = await seedTodaysSession(station);
  await page.reload();
  await upToTheQuestion(page);

  await expect(page.getByRole('heading', { name: '最后一个问题（可不回答）' })).toBeVisible();
  const question = page.getByRole('group', { name: '您是从哪里了解到遗体和器官捐献的？' });
  await question.getByLabel('本站的生命教育活动').check();
  // A session answer names the session.
  await next(page);
  await expect(page.locator('#heard-from-session-error')).toHaveText('此项为必填项。');
  const sessionLabel = `${SESSION_TITLE}（${shown(session.date, 'zh-CN', 'long')}）`;
  await page.getByLabel('是哪一场活动？').selectOption({ label: sessionLabel });
  await next(page);

  await expect(page.getByRole('heading', { name: '请核对登记信息' })).toBeVisible();
  await expect(page.getByTestId('review-heard-from')).toHaveText(`本站的生命教育活动 · ${sessionLabel}`);
  await page.getByRole('button', { name: '确认提交' }).click();
  await expect(page.getByRole('heading', { name: '登记完成' })).toBeVisible();
  expect(storedAnswers(station)).toEqual([{ heard_from: 'session', heard_from_session_id: session.id }]);
  const number = await page.getByTestId('registration-number').textContent();

  await signIn(page, sampleAdmin);
  await openRecords(page);
  await search(page, number!);
  await openFirstResult(page);
  await expect(card(page, number!).getByTestId('registration-heard-from')).toHaveText(
    `本站的生命教育活动 · ${SESSION_TITLE}（${shown(session.date, 'zh-CN', 'medium')}）`,
  );
});

test('a visitor may leave the question unanswered, or take an answer back, in English', async ({ page, station }) => {
  await seedTodaysSession(station);
  await page.getByRole('button', { name: 'English' }).click();
  await upToTheQuestion(page, en, 'Cornea donation', 'Han');

  await expect(page.getByRole('heading', { name: 'One last question (optional)' })).toBeVisible();
  const question = page.getByRole('group', { name: 'How did you hear about body and organ donation?' });
  await expect(question.getByRole('radio')).toHaveCount(5);
  await question.getByLabel('A friend or relative').check();
  await page.getByRole('button', { name: 'Do not answer this question' }).click();
  await expect(question.getByRole('radio', { checked: true })).toHaveCount(0);
  await next(page, en);

  await expect(page.getByRole('heading', { name: 'Please check your registration' })).toBeVisible();
  await expect(page.getByTestId('review-heard-from')).toHaveText('Not answered');
  await page.getByRole('button', { name: 'Confirm and submit' }).click();
  await expect(page.getByRole('heading', { name: 'Registration complete' })).toBeVisible();
  expect(storedAnswers(station)).toEqual([{ heard_from: null, heard_from_session_id: null }]);
});
