import type { Page } from '@playwright/test';
import type { OpenStation } from '../../electron/app/open-station';
import { FAMILY_CONSENT_TEXT_VERSION } from '../../shared/domain/family';
import { residentId } from '../fixtures/registrations';
import { dispatchOk, textIn } from './aid-helpers';
import { describeViolations, screenViolations } from './support/axe';
import { expect, sampleStation, showIn, signIn, test } from './fixtures';
import { openFamilyFromRecords, realisedDonation, today } from './family-helpers';
import { drawOn } from './registration-helpers';

/** The daughter who speaks for the family; GB/T 4761 code 30 (女) is the name list's "child". */
const DAUGHTER = '李秀英';
/** The name the family asked to be engraved: an alias, not the donor's registered name. */
const ALIAS = '林清明';
const WALL_LOCATION = '东区 5 排 8 号';
const relativeDocument = residentId('530102', '19700101', '021');

test.beforeEach(async ({ setUpStation, openApp, page }) => {
  await setUpStation();
  await openApp();
  await expect(page.getByRole('heading', { name: sampleStation.name })).toBeVisible();
});

/** A realised body donation and its family with the daughter as its one member, opened through the dispatcher. */
async function donorFamily(station: OpenStation): Promise<{ number: string; familyId: string; personId: string; daughterId: string }> {
  const { number, registrationId } = await realisedDonation(station);
  const family = await dispatchOk(station, 'family:open', {
    registrationId,
    preferredChannel: 'phone',
    members: [{ name: DAUGHTER, relationCode: '30', phone: '13900002222', isExecutor: true, consented: true, doNotContact: false }],
  });
  return { number, familyId: family.id, personId: family.personId, daughterId: family.members[0]!.id };
}

/** Opens a screen from the home screen by the exact title of its tile. */
async function openTile(page: Page, title: string): Promise<void> {
  await page.locator('.brand').click();
  await page.locator('.tile').filter({ has: page.locator('strong', { hasText: new RegExp(`^${title}$`) }) }).click();
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
}

for (const language of ['zh-CN', 'en'] as const) {
  test(`a family's engraving consent leads from its page to the name-list form begun for the donor (${language})`, async ({ page, station, createStaff }) => {
    test.setTimeout(90_000);
    const l = (key: string, values?: Record<string, string>) => textIn(language, key, values);
    const labels = language === 'en' ? 'en' : 'zh';
    const family = await donorFamily(station);
    const registrar = await createStaff('registrar');
    await signIn(page, registrar);
    await showIn(page, language);

    // No consent recorded: the family's page says why and offers no way to the name list.
    await openFamilyFromRecords(page, family.number, labels);
    const familyPage = page.getByTestId('family-page');
    await expect(familyPage.getByTestId('family-engraving-refusal')).toHaveText(l('familyDesk:engraving.noConsent'));
    await expect(familyPage.getByRole('button', { name: l('familyDesk:engraving.add') })).toHaveCount(0);

    // Nor at the desk: the donor's record typed into an empty form is refused, in words, and nothing is saved.
    await openTile(page, l('nameListDesk:title'));
    await page.getByRole('button', { name: l('nameListDesk:add.open') }).click();
    const form = page.getByTestId('name-entry-form');
    await form.getByLabel(l('nameListDesk:add.publishedName')).fill(ALIAS);
    await form.getByLabel(l('nameListDesk:add.donationKind')).selectOption('body');
    await form.getByLabel(l('nameListDesk:add.wallLocation')).fill(WALL_LOCATION);
    await form.getByLabel(l('nameListDesk:add.personId')).fill(family.personId);
    await form.getByLabel(l('nameListDesk:consent.confirm')).check();
    await form.getByLabel(l('nameListDesk:consent.relativeName')).fill(DAUGHTER);
    await form.getByLabel(l('nameListDesk:consent.relation')).selectOption('child');
    await form.locator('#consent-document-number').fill(relativeDocument);
    await form.getByLabel(l('nameListDesk:consent.signaturePaper')).check();
    await form.getByRole('button', { name: l('nameListDesk:add.submit') }).click();
    await expect(form.locator('[data-error-code="family_engraving_not_consented"]')).toHaveText(l('errors:family_engraving_not_consented'));
    await form.getByRole('button', { name: l('records:cancel'), exact: true }).click();
    expect(station.connection.sqlite.prepare('select count(*) as n from memorial_entry').get()).toEqual({ n: 0 });

    // The daughter consents to the engraving (recorded at the family desk, as the family-care walk shows).
    await dispatchOk(station, 'family:consent', {
      familyId: family.familyId,
      memberId: family.daughterId,
      purpose: 'name_engraving',
      granted: true,
      givenOn: today(),
      textVersion: FAMILY_CONSENT_TEXT_VERSION,
    });
    await page.locator('.brand').click();
    await openFamilyFromRecords(page, family.number, labels);
    await expect(familyPage.getByTestId('family-engraving-refusal')).toHaveCount(0);
    await familyPage.getByRole('button', { name: l('familyDesk:engraving.add') }).click();

    // The desk opens with the form begun for the donor: linked record, kind and consenting relative filled in.
    await expect(page.getByRole('heading', { name: l('nameListDesk:title'), level: 1 })).toBeVisible();
    await expect(form).toContainText(l('nameListDesk:add.introFromFamily'));
    await expect(form.getByLabel(l('nameListDesk:add.personId'))).toHaveValue(family.personId);
    await expect(form.getByLabel(l('nameListDesk:add.donationKind'))).toHaveValue('body');
    await expect(form.getByLabel(l('nameListDesk:consent.relativeName'))).toHaveValue(DAUGHTER);
    await expect(form.getByLabel(l('nameListDesk:consent.relation'))).toHaveValue('child');
    // The published name is the family's choice, typed by staff; the signature is still theirs to give.
    await expect(form.getByLabel(l('nameListDesk:add.publishedName'))).toHaveValue('');
    await expect(form.getByLabel(l('nameListDesk:consent.confirm'))).not.toBeChecked();
    const begun = await screenViolations(page, 'name-list desk opened for a donor');
    expect(begun, describeViolations(begun)).toEqual([]);
    await form.getByLabel(l('nameListDesk:add.publishedName')).fill(ALIAS);
    await form.getByLabel(l('nameListDesk:add.wallLocation')).fill(WALL_LOCATION);
    await form.locator('#consent-document-number').fill(relativeDocument);
    await form.getByRole('button', { name: l('nameListDesk:add.submit') }).click();
    await expect(form.locator('[data-reason="memorial_consent_required"]')).toBeVisible();
    await expect(form.locator('[data-reason="signature_required"]')).toBeVisible();
    await form.getByLabel(l('nameListDesk:consent.confirm')).check();
    await drawOn(page, form.locator('#consent-signature'));
    await form.getByRole('button', { name: l('nameListDesk:add.submit') }).click();
    await expect(page.getByTestId('name-desk-done')).toHaveText(l('nameListDesk:add.done', { name: ALIAS }));
    expect(station.connection.sqlite.prepare('select person_id, donation_kind, state from memorial_entry').all()).toEqual([
      { person_id: family.personId, donation_kind: 'body', state: 'published' },
    ]);

    const saved = await screenViolations(page, 'name-list desk after the donor\'s entry');
    expect(saved, describeViolations(saved)).toEqual([]);

    // Back on the family's page the entry is listed; the public finds the name.
    await page.getByRole('button', { name: l('nameListDesk:add.backToFamily') }).click();
    await expect(page.getByRole('heading', { name: l('familyDesk:title'), level: 1 })).toBeVisible();
    await expect(familyPage.getByTestId('family-memorial-name')).toContainText(
      l('familyDesk:engraving.entry', { year: today().slice(0, 4), location: WALL_LOCATION }),
    );
    // Listed once: the page says so and offers an entry only for another place; the same place is refused in words.
    await expect(familyPage.getByTestId('family-engraving-listed')).toHaveText(l('familyDesk:engraving.listed'));
    await expect(familyPage.getByRole('button', { name: l('familyDesk:engraving.add') })).toHaveCount(0);
    const listed = await screenViolations(page, "family's page with the donor listed");
    expect(listed, describeViolations(listed)).toEqual([]);
    await familyPage.getByRole('button', { name: l('familyDesk:engraving.addElsewhere') }).click();
    await form.getByLabel(l('nameListDesk:add.publishedName')).fill('李清明');
    await form.getByLabel(l('nameListDesk:add.wallLocation')).fill(WALL_LOCATION);
    await form.locator('#consent-document-number').fill(relativeDocument);
    await form.getByLabel(l('nameListDesk:consent.confirm')).check();
    await form.getByLabel(l('nameListDesk:consent.signaturePaper')).check();
    await form.getByRole('button', { name: l('nameListDesk:add.submit') }).click();
    await expect(form.locator('[data-error-code="memorial_person_listed"]')).toHaveText(l('errors:memorial_person_listed'));
    await form.getByRole('button', { name: l('records:cancel'), exact: true }).click();
    expect(station.connection.sqlite.prepare('select count(*) as n from memorial_entry').get()).toEqual({ n: 1 });
    await page.locator('.brand').click();
    await openTile(page, l('nameList:title'));
    await page.locator('#name-query').fill(ALIAS);
    await page.locator('#name-query').press('Enter');
    await expect(page.getByTestId('memorial-name')).toHaveCount(1);
    await expect(page.getByTestId('memorial-name')).toContainText(ALIAS);
  });
}
