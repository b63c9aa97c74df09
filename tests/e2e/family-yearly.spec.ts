import type { OpenStation } from '../../electron/app/open-station';
import type { CallInput } from '../../shared/contract/calls';
import { residentId, samplePerson } from '../fixtures/registrations';
import { dispatchOk, textIn } from './aid-helpers';
import { expect, openTileAs, sampleStation, test } from './fixtures';
import { today } from './family-helpers';
import { register } from './records-helpers';
import { describeViolations, screenViolations } from './support/axe';

test.beforeEach(async ({ setUpStation, openApp, page }) => {
  await setUpStation();
  await openApp();
  await expect(page.getByRole('heading', { name: sampleStation.name })).toBeVisible();
});

/** A donor registered, the donation recorded today and the family opened with one member, through the dispatcher. */
async function openedFamily(station: OpenStation, person: CallInput<'registration:create'>['person']): Promise<string> {
  const created = await register(station, { person, programs: [{ program: 'body', paperwork: null }] });
  const body = created.registrations[0]!;
  await dispatchOk(station, 'registration:realise', { registrationId: body.id, expectedVersion: 1, donatedOn: today(), note: null });
  const family = await dispatchOk(station, 'family:open', {
    registrationId: body.id,
    preferredChannel: 'phone',
    members: [{ name: '李秀英', relationCode: '30', phone: '13900002222', isExecutor: true, consented: true, doNotContact: false }],
  });
  return family.id;
}

for (const language of ['zh-CN', 'en'] as const) {
  test(`the yearly round invites every family that may be contacted, once, and says what it did in counts (${language})`, async ({ page, station, createStaff }) => {
    const l = (key: string, values?: Record<string, string>) => textIn(language, key, values);
    const cared = await openedFamily(station, samplePerson);
    const quiet = await openedFamily(station, { ...samplePerson, name: '张建华', document: { kind: 'resident_id', number: residentId('530102', '19850611', '013') } });
    await dispatchOk(station, 'family:setDoNotContact', { familyId: quiet, doNotContact: true, reason: '家属要求暂停联系' });
    const registrar = await createStaff('registrar');
    await openTileAs(page, language === 'en' ? 'en' : 'zh', registrar, l('familyDesk:title'));

    const yearly = page.getByTestId('family-yearly');
    await expect(yearly).toContainText(l('familyDesk:yearly.lead'));
    await yearly.getByRole('button', { name: l('familyDesk:yearly.open') }).click();
    const form = page.getByTestId('family-yearly-form');
    await form.getByLabel(l('familyDesk:remembrance.ceremony')).selectOption('life_tribute');
    // A year that is not one is refused under its field, before the question is asked.
    await form.getByLabel(l('familyDesk:remembrance.year')).fill('20x6');
    await form.getByRole('button', { name: l('familyDesk:yearly.submit') }).click();
    await expect(form.locator('#family-yearly-year-error')).toHaveText(l('validation:period_year'));
    await expect(page.getByRole('alertdialog')).toHaveCount(0);
    const year = today().slice(0, 4);
    await form.getByLabel(l('familyDesk:remembrance.year')).fill(year);
    const ceremony = l('family:ceremony.life_tribute');

    // Asked once more; going back sends nothing.
    await form.getByRole('button', { name: l('familyDesk:yearly.submit') }).click();
    await expect(page.getByRole('alertdialog')).toContainText(l('familyDesk:yearly.confirm', { ceremony, year }));
    const checked = await screenViolations(page, 'yearly invitations asking once more');
    expect(checked, describeViolations(checked)).toEqual([]);
    await page.getByRole('button', { name: l('familyDesk:yearly.confirmNo') }).click();
    expect(station.connection.sqlite.prepare('select count(*) as n from family_invitation').get()).toEqual({ n: 0 });

    await form.getByRole('button', { name: l('familyDesk:yearly.submit') }).click();
    await page.getByRole('button', { name: l('familyDesk:yearly.confirmYes') }).click();
    const counts = (invited: number, alreadyInvited: number) =>
      l('familyDesk:yearly.done', { ceremony, year, invited: String(invited), alreadyInvited: String(alreadyInvited), declined: '0', notToBeContacted: '1' });
    await expect(page.getByTestId('family-yearly-done')).toHaveText(counts(1, 0));
    expect(station.connection.sqlite.prepare('select family_id, ceremony, year from family_invitation').all()).toEqual([
      { family_id: cared, ceremony: 'life_tribute', year: Number(year) },
    ]);
    const done = await screenViolations(page, 'yearly invitations done');
    expect(done, describeViolations(done)).toEqual([]);

    // A second round of the same ceremony and year invites no one twice.
    await yearly.getByRole('button', { name: l('familyDesk:yearly.open') }).click();
    await form.getByLabel(l('familyDesk:remembrance.ceremony')).selectOption('life_tribute');
    await form.getByRole('button', { name: l('familyDesk:yearly.submit') }).click();
    await page.getByRole('button', { name: l('familyDesk:yearly.confirmYes') }).click();
    await expect(page.getByTestId('family-yearly-done')).toHaveText(counts(0, 1));
    expect(station.connection.sqlite.prepare('select count(*) as n from family_invitation').get()).toEqual({ n: 1 });

    // On the family's page the invitation is there with its code; inviting the family once more is refused in words.
    await page.locator(`[data-testid="family-row"][data-family="${cared}"]`).getByRole('button').click();
    await expect(page.getByTestId('family-remembrance')).toContainText(l('familyDesk:remembrance.invitationTitle', { ceremony, year }));
    await page.getByRole('button', { name: l('familyDesk:remembrance.invite.open') }).click();
    const invite = page.getByTestId('family-invite-form');
    await invite.getByLabel(l('familyDesk:remembrance.ceremony')).selectOption('life_tribute');
    await invite.getByRole('button', { name: l('familyDesk:remembrance.invite.submit') }).click();
    await expect(invite.getByRole('alert')).toHaveText(l('errors:family_invitation_exists'));
    expect(station.connection.sqlite.prepare('select count(*) as n from family_invitation').get()).toEqual({ n: 1 });
  });
}
