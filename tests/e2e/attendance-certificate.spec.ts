import type { CallOutput } from '../../shared/contract/calls';
import { stationDate } from '../../shared/domain/age';
import { stationMoment } from '../../shared/domain/education';
import { adminCaller, expect, openTileAs, sampleAdmin, sampleStation, testOnPinnedClock } from './fixtures';

/** The station's clock stands a minute before today's 09:00 session (less than the idle lock); the test moves it to the start. */
const today = stationDate(new Date());
const at = (time: string) => stationMoment(today, time);
const test = testOnPinnedClock(at('08:59'));

const kiosk = { sessionKey: 'attendance-kiosk' } as const;

const texts = {
  zh: {
    staffTile: '生命教育活动',
    open: '查看',
    issueCertificate: '开具参加证明',
    issue: '开具',
    notHeld: '该场活动尚未开始举办，活动开始后才能开具参加证明。',
    session: '生命的礼物：器官捐献知识讲座',
    organisation: '昆明市第一中学初二（3）班',
  },
  en: {
    staffTile: 'Life-education sessions',
    open: 'Open',
    issueCertificate: 'Issue attendance certificate',
    issue: 'Issue',
    notHeld: 'This session has not been held yet; attendance certificates can be issued once it has started.',
    session: 'The gift of life: a talk on organ donation',
    organisation: 'Grade 8 Class 3',
  },
} as const;

test.use({ stationKind: 'education_base' });

for (const [language, l] of Object.entries(texts) as Array<[keyof typeof texts, (typeof texts)[keyof typeof texts]]>) {
  test(`${language}: an attendance certificate is refused, with the reason, until the session has started`, async ({ page, station, clock, setUpStation, openApp }) => {
    await setUpStation();
    const scheduled = await station.dispatch(
      'education:schedule',
      { title: l.session, startsAt: at('09:00'), endsAt: at('11:00'), venue: '报告厅', host: '张老师', audienceKind: 'school', expectedHeadCount: 60 },
      adminCaller,
    );
    if (!scheduled.ok) throw new Error(`schedule refused: ${scheduled.error.code}`);
    const checkedIn = await station.dispatch(
      'education:checkIn',
      { sessionId: (scheduled.data as CallOutput<'education:schedule'>).id, organisation: l.organisation, contactName: '王丽华', contactPhone: '13987654321', headCount: 42, ageBand: 'age_12_17' },
      kiosk,
    );
    expect(checkedIn.ok).toBe(true);

    await openApp();
    await expect(page.getByRole('heading', { name: sampleStation.name })).toBeVisible();
    await openTileAs(page, language, sampleAdmin, l.staffTile);
    await page.locator(`tr[data-session="${l.session}"]`).getByRole('button', { name: l.open }).click();
    const detail = page.getByTestId('session-detail');
    const group = detail.locator(`tr[data-group="${l.organisation}"]`);
    await group.getByRole('button', { name: l.issueCertificate }).click();
    await detail.getByRole('button', { name: l.issue, exact: true }).click();
    await expect(detail.getByRole('alert')).toHaveText(l.notHeld);
    expect(station.connection.sqlite.prepare("select count(*) as n from document where kind = 'attendance_certificate'").get()).toEqual({ n: 0 });

    // Once the session has started, the same form issues it.
    clock.set(at('09:00'));
    await detail.getByRole('button', { name: l.issue, exact: true }).click();
    await expect(detail.getByTestId('certificate-issued')).toBeVisible();
  });
}
