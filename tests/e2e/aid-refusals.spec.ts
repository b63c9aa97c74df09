import { text } from './support/axe';
import { expect, openTileAs, sampleStation, signOutStaff, test } from './fixtures';
import { beginApplicationFor, deskOf, dispatchOk, openAidDeskAs, openDonorFamily, openOnlyCase, textIn } from './aid-helpers';
import { addCalendarDays, stationDate } from '../../shared/domain/age';

test.beforeEach(async ({ page, setUpStation, openApp }) => {
  await setUpStation();
  await openApp();
  await expect(page.getByRole('heading', { name: sampleStation.name })).toBeVisible();
});

test('in English: a registrar is not offered the decision, a second case for the same cause is refused naming the first, errors are translated', async ({
  page,
  station,
  createStaff,
}) => {
  const family = await openDonorFamily(station, stationDate(new Date()));
  const registrar = await createStaff('registrar');
  const supervisor = await createStaff('supervisor');
  // A condolence case applied, reviewed and proposed at the desks: it waits for the administrator's decision.
  const first = await dispatchOk(
    station,
    'aid:apply',
    { familyId: family.familyId, applicantMemberId: family.applicantId, cause: { programme: 'condolence' }, reason: 'Loss of the main earner', amountAskedFen: 100_000, documentsSeen: ['id_card'] },
    await deskOf(station, registrar),
  );
  await dispatchOk(station, 'aid:review', { caseId: first.id, outcome: 'approve', note: 'Papers complete' }, await deskOf(station, supervisor));
  await dispatchOk(station, 'aid:propose', { caseId: first.id, amountProposedFen: 100_000, note: null });

  await openTileAs(page, 'en', registrar, 'Aid cases');
  await expect(page.getByTestId('aid-case-row')).toContainText('Awaiting decision');
  await openOnlyCase(page);
  await expect(page.getByTestId('aid-next')).toContainText('The next step is “Decision”, taken by Administrator.');
  await expect(page.getByTestId('aid-next-not-yours')).toHaveText('Your role may not take this step: it is taken by Administrator.');
  await expect(page.getByRole('button', { name: 'Take the step: Decision' })).toHaveCount(0);
  await expect(page.getByTestId('aid-next').getByRole('button')).toHaveCount(0);

  // A second condolence case for the same family: refused, in words naming the earlier case.
  await page.getByRole('button', { name: 'Back to the cases' }).click();
  await beginApplicationFor(page, 'en', family.registrationNumber);
  await page.getByLabel('Programme').selectOption('condolence');
  await page.getByLabel('Applicant (family member)').selectOption(family.applicantId);
  // An amount with three decimals is not an amount in yuan: the field says why.
  await page.getByLabel('Amount asked (yuan)').fill('800.125');
  await page.getByLabel('Reason for the application').fill('Asked again');
  await page.getByRole('button', { name: 'Submit application' }).click();
  const form = page.getByTestId('aid-apply-form');
  await expect(form.locator('[data-reason="aid_amount_range"]')).toHaveText(text('en', 'validation:aid_amount_range'));
  await page.getByLabel('Amount asked (yuan)').fill('800');
  await page.getByRole('button', { name: 'Submit application' }).click();
  const taken = page.getByTestId('aid-cause-taken');
  await expect(taken).toContainText(`this family already has case ${first.id} (Awaiting decision, applied on`);
  await expect(form.locator('[data-error-code="aid_cause_taken"]')).toHaveText(text('en', 'errors:aid_cause_taken'));
  expect(station.connection.sqlite.prepare('select count(*) as n from aid_case').get()).toEqual({ n: 1 });
  await taken.getByRole('button', { name: 'Open the earlier case' }).click();
  await expect(page.getByTestId('aid-case-id')).toHaveText(first.id);

  // Once another administrator (not the one who proposed) rejects the first case, the family may apply again.
  const secondAdmin = await createStaff('admin');
  await dispatchOk(station, 'aid:decide', { caseId: first.id, outcome: 'reject', note: 'Not within the rules' }, await deskOf(station, secondAdmin));
  const again = await dispatchOk(
    station,
    'aid:apply',
    { familyId: family.familyId, applicantMemberId: family.applicantId, cause: { programme: 'condolence' }, reason: 'Asked again', amountAskedFen: 80_000, documentsSeen: [] },
    await deskOf(station, registrar),
  );
  expect(again.state).toBe('applied');
});

for (const language of ['zh-CN', 'en'] as const) {
  test(`a cause year too far ahead and a notice shorter than the minimum are refused under their fields (${language})`, async ({ page, station, createStaff }) => {
    test.setTimeout(60_000);
    const l = (key: string, values?: Record<string, string>) => textIn(language, key, values);
    const today = stationDate(new Date());
    const family = await openDonorFamily(station, today);
    const registrar = await createStaff('registrar');
    const supervisor = await createStaff('supervisor');
    const secondAdmin = await createStaff('admin');

    // Hardship aid for an event two years from now: the year field says which years the station takes.
    await openAidDeskAs(page, registrar, language);
    await beginApplicationFor(page, language, family.registrationNumber);
    // Nothing chosen yet: the programme asks to be chosen.
    await page.getByRole('button', { name: l('aidDesk:apply.submit') }).click();
    await expect(page.locator('#aid-programme-error')).toHaveText(l('validation:aid_programme'));
    await page.getByLabel(l('aidDesk:apply.programme')).selectOption('hardship');
    await page.getByLabel(l('aidDesk:apply.eventYear')).fill(String(Number(today.slice(0, 4)) + 2));
    await page.getByLabel(l('aidDesk:apply.applicant')).selectOption(family.applicantId);
    await page.getByLabel(l('aidDesk:apply.amountAsked')).fill('800');
    await page.getByLabel(l('aidDesk:apply.reason')).fill('因病致贫');
    await page.getByRole('button', { name: l('aidDesk:apply.submit') }).click();
    await expect(page.locator('#aid-cause-kind-error')).toHaveText(l('validation:aid_cause_kind'));
    await page.getByLabel(l('aidDesk:apply.causeKind')).selectOption('illness');
    await page.getByRole('button', { name: l('aidDesk:apply.submit') }).click();
    await expect(page.locator('#aid-event-year-error')).toHaveText(l('validation:aid_year_range'));
    expect(station.connection.sqlite.prepare('select count(*) as n from aid_case').get()).toEqual({ n: 0 });
    await signOutStaff(page, language === 'en' ? 'en' : 'zh');

    // A granted case whose notice the supervisor shortens to three days, below the station's seven.
    const applied = await dispatchOk(
      station,
      'aid:apply',
      { familyId: family.familyId, applicantMemberId: family.applicantId, cause: { programme: 'condolence' }, reason: '家中主要劳动力去世', amountAskedFen: 100_000, documentsSeen: ['id_card'] },
      await deskOf(station, registrar),
    );
    await dispatchOk(station, 'aid:review', { caseId: applied.id, outcome: 'approve', note: '材料齐全' }, await deskOf(station, supervisor));
    await dispatchOk(station, 'aid:propose', { caseId: applied.id, amountProposedFen: 100_000, note: null });
    await dispatchOk(station, 'aid:decide', { caseId: applied.id, outcome: 'grant', amountGrantedFen: 100_000 }, await deskOf(station, secondAdmin));
    await openAidDeskAs(page, supervisor, language);
    await openOnlyCase(page);
    await page.getByRole('button', { name: l('aidDesk:next.open', { step: l('aid:step.notice') }) }).click();
    await page.getByLabel(l('aidDesk:notice.to')).fill(addCalendarDays(today, 2));
    await page.getByRole('button', { name: l('aidDesk:notice.submit') }).click();
    await page.getByRole('button', { name: l('aidDesk:notice.confirmYes') }).click();
    await expect(page.locator('#aid-notice-to-error')).toHaveText(l('validation:aid_notice_too_short', { min: '7' }));
    await expect(page.getByTestId('aid-case-state')).toHaveText(l('aid:state.granted'));
  });
}
