import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { OpenStation } from '../../electron/app/open-station';
import type { CallOutput } from '../../shared/contract/calls';
import { stationDate } from '../../shared/domain/age';
import { stationMoment } from '../../shared/domain/education';
import type { Language } from '../../shared/i18n/languages';
import { residentId, samplePerson } from '../fixtures/registrations';
import { startTestHub, type TestHub } from '../fixtures/test-hub';
import { adminCaller, expect, openTileAs, sampleAdmin, sampleStation, test } from './fixtures';
import { card, numberOf, register } from './records-helpers';
import { seedRegistrations } from './sync-helpers';
import { ScreenChecks, text, type AxeExclusion } from './support/axe';

/**
 * The staff views one level below each screen's main view: the forms inside a person's record, the
 * documents' dialogs, the sync batches, the restore panel, the settings' sections showing their errors,
 * the name-list desk's and a session's forms. Each is checked against WCAG 2.2 A and AA in the standard
 * display mode, in both interface languages.
 */

const languages: Language[] = ['zh-CN', 'en'];

/** Violations kept on purpose, each on the narrowest selector. Empty: every view passes. */
const exclusions: readonly AxeExclusion[] = [];

/** The header's language buttons name `openTileAs`'s languages this way. */
function shortName(language: Language): 'zh' | 'en' {
  return language === 'en' ? 'en' : 'zh';
}

/** Sets the station up and opens the app at its public home. */
async function openStation(page: Page, setUpStation: () => Promise<void>, openApp: () => Promise<void>): Promise<void> {
  await setUpStation();
  await openApp();
  await expect(page.getByRole('heading', { name: sampleStation.name })).toBeVisible();
}

/** Signs in and opens the tile titled with `tileKey`'s text, in `language`. */
async function openTile(page: Page, language: Language, tileKey: string): Promise<void> {
  await openTileAs(page, shortName(language), sampleAdmin, text(language, tileKey));
}

/** A session tomorrow, so that it can still be changed and cancelled. */
async function scheduleTomorrowsSession(station: OpenStation): Promise<void> {
  const tomorrow = stationDate(new Date(Date.now() + 24 * 3600 * 1000));
  const scheduled = await station.dispatch(
    'education:schedule',
    { title: '生命的礼物', startsAt: stationMoment(tomorrow, '09:00'), endsAt: stationMoment(tomorrow, '11:00'), venue: '报告厅', host: '张老师', audienceKind: 'school', expectedHeadCount: 60 },
    adminCaller,
  );
  expect(scheduled.ok).toBe(true);
}

/**
 * Submits a form whose final action is asked once more: checks the question if one comes, answers it with
 * `yes`, then waits for the errors under the fields and checks the form showing them.
 */
async function submitToErrors(page: Page, checks: ScreenChecks, view: string, submit: () => Promise<void>, yes: string): Promise<void> {
  await submit();
  const question = page.getByRole('alertdialog');
  // A refusal shows under its field, or, for what has no field of its own (a signature), as an alert.
  const errors = page.locator('.field__error, [role="alert"]').first();
  await expect(question.or(errors).first()).toBeVisible();
  if (await question.isVisible()) {
    await checks.check(`${view}, its question`);
    await question.getByRole('button', { name: yes, exact: true }).click();
  }
  await expect(errors).toBeVisible();
  await checks.check(`${view} showing its errors`);
}

for (const language of languages) {
  const prefix = `[standard ${language}]`;

  test.describe(`${prefix} axe-core finds no WCAG 2.2 AA violation in the deeper staff views`, () => {
    test('a person’s record: amend, withdraw, consent and issue forms with their errors and questions', async ({ page, station, setUpStation, openApp }) => {
      test.setTimeout(120_000);
      const checks = new ScreenChecks(page, prefix, exclusions);
      await openStation(page, setUpStation, openApp);
      const created = await register(station, { programs: [{ program: 'organ', organs: { kind: 'all' } }, { program: 'cornea' }] });
      await openTile(page, language, 'records:title');
      await page.getByLabel(text(language, 'records:search.query')).fill(samplePerson.document.number);
      await page.getByRole('button', { name: text(language, 'records:search.submit'), exact: true }).click();
      await page.getByTestId('search-results').getByRole('button', { name: text(language, 'records:search.open') }).first().click();
      await expect(page.getByTestId('person-record')).toBeVisible();

      const organ = card(page, numberOf(created, 'organ'));
      await organ.getByRole('button', { name: text(language, 'records:actions.amend') }).click();
      await expect(organ.getByRole('heading', { name: text(language, 'records:amend.title') })).toBeVisible();
      await organ.getByLabel(text(language, 'registration:organScope.selected')).check();
      await checks.check('record: amend form');
      await organ.getByRole('button', { name: text(language, 'records:amend.submit') }).click();
      await expect(organ.locator('.field__error').first()).toBeVisible();
      await checks.check('record: amend form showing its errors');
      await organ.getByRole('button', { name: text(language, 'records:cancel') }).click();

      const cornea = card(page, numberOf(created, 'cornea'));
      await cornea.getByRole('button', { name: text(language, 'records:actions.withdraw') }).click();
      await expect(cornea.getByLabel(text(language, 'records:withdraw.reason'))).toBeVisible();
      await checks.check('record: withdraw form');
      const withdraw = cornea.getByRole('button', { name: text(language, 'records:withdraw.submit') });
      await submitToErrors(page, checks, 'record: withdraw form', () => withdraw.click(), text(language, 'records:withdraw.confirmYes'));
      await cornea.getByLabel(text(language, 'records:document.number')).fill(residentId('530102', '19900307', '004'));
      await cornea.getByLabel(text(language, 'records:withdraw.reason')).fill('本人改变主意');
      await cornea.getByRole('button', { name: text(language, 'records:withdraw.submit') }).click();
      await expect(cornea.getByRole('alertdialog')).toBeVisible();
      await checks.check('record: withdraw question');
      await cornea.getByRole('button', { name: text(language, 'records:withdraw.confirmYes') }).click();
      await expect(cornea.getByRole('alert')).toBeVisible();
      await checks.check('record: withdraw refused');
      await cornea.getByRole('button', { name: text(language, 'records:cancel') }).click();

      await page.getByTestId('consent-provincial_sync').getByRole('button').first().click();
      const consentForm = page.getByTestId('consent-change-form');
      await expect(consentForm).toBeVisible();
      await checks.check('record: consent change form');
      await consentForm.getByLabel(text(language, 'records:signature.drawnOption')).check();
      const consentSubmit = consentForm.getByRole('button', { name: text(language, 'records:consents.withdrawSubmit'), exact: true });
      await submitToErrors(page, checks, 'record: consent change form', () => consentSubmit.click(), text(language, 'records:consents.confirmYes'));
      await consentForm.getByLabel(text(language, 'records:signature.paperOption')).check();
      await consentForm.getByRole('button', { name: text(language, 'records:consents.withdrawSubmit'), exact: true }).click();
      await expect(page.getByRole('alertdialog')).toBeVisible();
      await checks.check('record: consent question');
      await page.getByRole('alertdialog').getByRole('button', { name: text(language, 'records:consents.confirmNo') }).click();

      await cornea.getByRole('button', { name: text(language, 'documentDesk:issue.open') }).click();
      await expect(page.getByRole('heading', { name: text(language, 'documentDesk:issue.title') })).toBeVisible();
      await checks.check('record: issue document form');
      checks.expectNone();
    });

    test('documents: hand-over, void and re-issue forms with their errors and questions', async ({ page, station, setUpStation, openApp }) => {
      test.setTimeout(120_000);
      const checks = new ScreenChecks(page, prefix, exclusions);
      await openStation(page, setUpStation, openApp);
      const created = await register(station);
      const body = created.registrations.find((entry) => entry.program === 'body');
      if (!body) throw new Error('no body registration');
      const issued = await station.dispatch('documents:issue', { kind: 'receipt', subject: { type: 'registration', id: body.id }, language: 'zh-CN' }, adminCaller);
      expect(issued.ok).toBe(true);
      const serial = (issued as { data: CallOutput<'documents:issue'> }).data.serial;
      await openTile(page, language, 'documentDesk:title');
      const doc = page.locator(`article[data-serial="${serial}"]`);

      await doc.getByRole('button', { name: text(language, 'documentDesk:actions.handOver'), exact: true }).click();
      const handOver = page.getByTestId('hand-over-form');
      await expect(handOver).toBeVisible();
      await checks.check('documents: hand-over form');
      await handOver.getByRole('button', { name: text(language, 'documentDesk:handOver.submit') }).click();
      await expect(handOver.locator('.field__error').first()).toBeVisible();
      await checks.check('documents: hand-over form showing its errors');
      await handOver.getByRole('button', { name: text(language, 'records:cancel') }).click();

      await doc.getByRole('button', { name: text(language, 'documentDesk:actions.reissue') }).click();
      await expect(page.getByTestId('reissue-form')).toBeVisible();
      await checks.check('documents: re-issue form');
      await page.getByTestId('reissue-form').getByRole('button', { name: text(language, 'records:cancel') }).click();

      await doc.getByRole('button', { name: text(language, 'documentDesk:actions.void'), exact: true }).click();
      const voidForm = page.getByTestId('void-form');
      await expect(voidForm).toBeVisible();
      await checks.check('documents: void form');
      const voidSubmit = voidForm.getByRole('button', { name: text(language, 'documentDesk:void.submit'), exact: true });
      await submitToErrors(page, checks, 'documents: void form', () => voidSubmit.click(), text(language, 'documentDesk:void.confirmYes'));
      await voidForm.getByLabel(text(language, 'documentDesk:void.reason')).fill('打印错误');
      await voidForm.getByRole('button', { name: text(language, 'documentDesk:void.submit'), exact: true }).click();
      await expect(page.getByRole('alertdialog')).toBeVisible();
      await checks.check('documents: void question');
      await page.getByRole('alertdialog').getByRole('button', { name: text(language, 'documentDesk:void.confirmYes') }).click();
      await expect(page.getByTestId('documents-done')).toBeVisible();
      await checks.check('documents: voided');
      checks.expectNone();
    });

    test('sync: batches waiting for approval, a refused approval and the take-back question', async ({ page, station, setUpStation, openApp }) => {
      test.setTimeout(120_000);
      const checks = new ScreenChecks(page, prefix, exclusions);
      const usbFolder = mkdtempSync(join(tmpdir(), 'relay-usb-'));
      let receiver: TestHub | null = null;
      try {
        await openStation(page, setUpStation, openApp);
        const login = await station.dispatch('session:login', { username: sampleAdmin.username, password: sampleAdmin.password }, adminCaller);
        expect(login.ok).toBe(true);
        await seedRegistrations(station, 2);
        const published = await station.dispatch('documents:publicKey', undefined, adminCaller);
        receiver = await startTestHub({ stationPublicKeyPem: (published as { data: CallOutput<'documents:publicKey'> }).data.publicKey });
        for (const [use, pem] of [['signing', receiver.provinceSigningPublicPem], ['encryption', receiver.provinceEncryptionPublicPem]] as const) {
          expect((await station.dispatch('sync:importProvinceKey', { use, pem }, adminCaller)).ok).toBe(true);
        }
        const status = await station.dispatch('sync:status', undefined, adminCaller);
        const settings = (status as { data: CallOutput<'sync:status'> }).data.settings;
        expect((await station.dispatch('sync:settings', { ...settings, twoPersonApproval: true }, adminCaller)).ok).toBe(true);

        await openTile(page, language, 'sync:title');
        await page.getByLabel(text(language, 'sync:export.folder')).fill(usbFolder);
        await page.getByRole('button', { name: text(language, 'sync:export.submit') }).click();
        await expect(page.getByTestId('export-pending-approval')).toBeVisible();
        await checks.check('sync: export result and a batch waiting for approval');
        const row = page.locator('tr[data-batch]').first();
        await row.getByRole('button', { name: text(language, 'sync:batches.approve') }).click();
        await expect(page.locator('[data-error-code="approval_needs_second_person"]')).toBeVisible();
        await checks.check('sync: approval refused');
        await row.getByRole('button', { name: text(language, 'sync:batches.decline') }).click();
        await expect(page.getByRole('alertdialog')).toBeVisible();
        await checks.check('sync: take-back question');
        checks.expectNone();
      } finally {
        await receiver?.close();
        rmSync(usbFolder, { recursive: true, force: true });
      }
    });

    test('sync: the settings refusing an address, a send under way, and a batch the province partly rejected', async ({ page, station, setUpStation, openApp }) => {
      test.setTimeout(120_000);
      const checks = new ScreenChecks(page, prefix, exclusions);
      let receiver: TestHub | null = null;
      try {
        await openStation(page, setUpStation, openApp);
        const login = await station.dispatch('session:login', { username: sampleAdmin.username, password: sampleAdmin.password }, adminCaller);
        expect(login.ok).toBe(true);
        const [refusedNumber = ''] = await seedRegistrations(station, 2);
        const published = await station.dispatch('documents:publicKey', undefined, adminCaller);
        receiver = await startTestHub({
          stationPublicKeyPem: (published as { data: CallOutput<'documents:publicKey'> }).data.publicKey,
          // Every answer waits, so that the progress stays on screen long enough to be checked.
          faults: { slowRate: 1, slowMs: 2500 },
          policy: (envelope) => (envelope.kind === 'registration' && envelope.payload.number === refusedNumber ? { reason: '该证件号已有有效的角膜捐献登记。' } : null),
        });
        for (const [use, pem] of [['signing', receiver.provinceSigningPublicPem], ['encryption', receiver.provinceEncryptionPublicPem]] as const) {
          expect((await station.dispatch('sync:importProvinceKey', { use, pem }, adminCaller)).ok).toBe(true);
        }

        await openTile(page, language, 'sync:title');
        const endpoint = page.getByLabel(text(language, 'sync:settings.endpoint'));
        await endpoint.fill('ftp://sync.example.cn/relay');
        await page.getByRole('button', { name: text(language, 'sync:settings.save') }).click();
        await expect(page.locator('#sync-endpoint-error')).toBeVisible();
        await checks.check('sync: settings refusing an address');
        await endpoint.fill(receiver.url);
        await page.getByRole('button', { name: text(language, 'sync:settings.save') }).click();
        await expect(page.getByTestId('settings-saved')).toBeVisible();
        await page.getByRole('button', { name: text(language, 'sync:send.submit') }).click();
        await expect(page.getByRole('progressbar')).toBeVisible();
        await checks.check('sync: a send under way');
        await expect(page.getByRole('progressbar')).toBeHidden({ timeout: 15_000 });
        await expect(page.getByTestId('sync-rejections').getByRole('row').filter({ hasText: refusedNumber })).toBeVisible();
        await checks.check('sync: a batch acknowledged with a rejected record');
        checks.expectNone();
      } finally {
        await receiver?.close();
      }
    });

    test('backup: the restore panel refusing a file, inspecting a backup that would lose work, and a new recovery code', async ({ page, station, setUpStation, openApp }) => {
      test.setTimeout(120_000);
      const checks = new ScreenChecks(page, prefix, exclusions);
      const folder = mkdtempSync(join(tmpdir(), 'relay-backups-'));
      try {
        await openStation(page, setUpStation, openApp);
        const login = await station.dispatch('session:login', { username: sampleAdmin.username, password: sampleAdmin.password }, adminCaller);
        expect(login.ok).toBe(true);
        expect((await station.dispatch('backup:settings', { folder, keep: 7, intervalHours: 24 }, adminCaller)).ok).toBe(true);
        const taken = await station.dispatch('backup:now', undefined, adminCaller);
        expect(taken.ok).toBe(true);
        await seedRegistrations(station, 1);

        await openTile(page, language, 'backup:title');
        const file = page.getByLabel(text(language, 'backup:restore.file'), { exact: true });
        await file.fill('relative.rsbk');
        await page.getByRole('button', { name: text(language, 'backup:restore.inspect') }).click();
        await expect(page.locator('#backup-restore-file-error, [role="alert"]').first()).toBeVisible();
        await checks.check('backup: restore panel refusing a file');
        await page.getByTestId('backup-table').getByRole('button', { name: text(language, 'backup:list.choose') }).click();
        await page.getByRole('button', { name: text(language, 'backup:restore.inspect') }).click();
        await expect(page.getByTestId('backup-inspection')).toBeVisible();
        await expect(page.getByTestId('backup-loss')).toBeVisible();
        await checks.check('backup: an inspected backup that would lose newer work');

        await page.getByRole('button', { name: text(language, 'backup:recovery.new') }).click();
        await expect(page.getByRole('heading', { name: text(language, 'setup:recovery.title') })).toBeVisible();
        await checks.check('backup: the new recovery code sheet');
        checks.expectNone();
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    });

    test('settings: each section showing its errors', async ({ page, setUpStation, openApp }) => {
      test.setTimeout(120_000);
      const checks = new ScreenChecks(page, prefix, exclusions);
      await openStation(page, setUpStation, openApp);
      await openTile(page, language, 'settings:title');
      const save = text(language, 'settings:save');

      const registration = page.getByTestId('settings-registration');
      await registration.getByLabel(text(language, 'settings:registration.stemCellMaxAge')).fill('66');
      await registration.getByRole('button', { name: save, exact: true }).click();
      await expect(registration.locator('[data-reason]').first()).toBeVisible();

      const staff = page.getByTestId('settings-staff');
      await staff.getByLabel(text(language, 'settings:staff.idleLockMinutes')).fill('');
      await staff.getByRole('button', { name: save, exact: true }).click();
      await expect(staff.locator('[data-reason]').first()).toBeVisible();

      const printing = page.getByTestId('settings-printing');
      await printing.getByLabel(text(language, 'settings:printing.receiptPrinter')).fill('Receipt\u200bPrinter');
      await printing.getByRole('button', { name: save, exact: true }).click();
      await expect(printing.locator('[data-reason]').first()).toBeVisible();

      const reader = page.getByTestId('settings-idCardReader');
      await reader.getByLabel(text(language, 'idCard:settings.kind')).selectOption('sdtapi');
      await reader.getByRole('button', { name: save, exact: true }).click();
      await expect(reader.locator('[data-reason]').first()).toBeVisible();

      const retention = page.getByLabel(text(language, 'memorial:settings.retentionDays'));
      await retention.fill('5');
      await page.locator('form', { has: retention }).getByRole('button', { name: text(language, 'memorial:settings.save') }).click();
      await expect(page.locator('#retention-days-error')).toBeVisible();
      // The public screens' section has nothing that can be refused: it is checked as it shows.
      await expect(page.getByTestId('settings-kiosk')).toBeVisible();

      await checks.check('settings: reader, public screens, printer and retention showing their errors');
      checks.expectNone();
    });

    test('name-list desk: the add form with its errors and the withdraw form with its question', async ({ page, setUpStation, openApp }) => {
      test.setTimeout(120_000);
      const checks = new ScreenChecks(page, prefix, exclusions);
      await openStation(page, setUpStation, openApp);
      await openTile(page, language, 'nameListDesk:title');
      await page.getByRole('button', { name: text(language, 'nameListDesk:add.open') }).click();
      await expect(page.getByLabel(text(language, 'nameListDesk:add.publishedName'))).toBeVisible();
      await checks.check('name-list desk: add form');
      const save = page.getByRole('button', { name: text(language, 'nameListDesk:add.submit') });
      await save.click();
      await expect(page.locator('.field__error').first()).toBeVisible();
      await checks.check('name-list desk: add form showing its errors');

      await page.getByLabel(text(language, 'nameListDesk:add.publishedName')).fill('张晓明');
      await page.getByLabel(text(language, 'nameListDesk:add.donationKind'), { exact: true }).selectOption('cornea');
      await page.getByLabel(text(language, 'nameListDesk:add.wallLocation')).fill('东区 3 排 12 号');
      await page.getByLabel(text(language, 'nameListDesk:consent.confirm')).check();
      await page.getByLabel(text(language, 'nameListDesk:consent.relativeName')).fill('李建国');
      await page.getByLabel(text(language, 'nameListDesk:consent.relation'), { exact: true }).selectOption('spouse');
      await page.locator('#consent-document-number').fill(residentId('530102', '19600101', '011'));
      await page.getByLabel(text(language, 'nameListDesk:consent.signaturePaper')).check();
      await save.click();
      await expect(page.getByRole('status').filter({ hasText: '张晓明' })).toBeVisible();

      await page.getByRole('button', { name: text(language, 'nameListDesk:withdraw.open') }).first().click();
      await expect(page.getByLabel(text(language, 'nameListDesk:withdraw.reason'))).toBeVisible();
      await checks.check('name-list desk: withdraw form');
      const submit = page.getByRole('button', { name: text(language, 'nameListDesk:withdraw.submit') }).last();
      await submitToErrors(page, checks, 'name-list desk: withdraw form', () => submit.click(), text(language, 'nameListDesk:withdraw.confirmYes'));
      await page.getByLabel(text(language, 'nameListDesk:withdraw.reason')).fill('家属要求');
      await submit.click();
      await expect(page.getByRole('alertdialog')).toBeVisible();
      await checks.check('name-list desk: withdraw question');
      checks.expectNone();
    });

    test('sessions: the edit form with its errors and the cancel form with its question', async ({ page, station, setUpStation, openApp }) => {
      test.setTimeout(120_000);
      const checks = new ScreenChecks(page, prefix, exclusions);
      await openStation(page, setUpStation, openApp);
      const login = await station.dispatch('session:login', { username: sampleAdmin.username, password: sampleAdmin.password }, adminCaller);
      expect(login.ok).toBe(true);
      await scheduleTomorrowsSession(station);
      await openTile(page, language, 'sessions:title');
      await page.locator('tr[data-session]').first().getByRole('button').first().click();
      const detail = page.getByTestId('session-detail');
      await expect(detail).toBeVisible();

      await detail.getByRole('button', { name: text(language, 'sessions:detail.edit'), exact: true }).click();
      await expect(page.getByRole('heading', { name: text(language, 'sessions:form.editTitle') })).toBeVisible();
      await checks.check('sessions: edit form');
      await page.getByLabel(text(language, 'sessions:form.title')).fill('');
      await page.getByLabel(text(language, 'sessions:form.expected')).fill('-3');
      await page.getByRole('button', { name: text(language, 'sessions:form.save') }).click();
      await expect(page.locator('.field__error').first()).toBeVisible();
      await checks.check('sessions: edit form showing its errors');
      await page.getByRole('button', { name: text(language, 'records:cancel') }).first().click();

      await page.locator('tr[data-session]').first().getByRole('button').first().click();
      await expect(detail).toBeVisible();
      await detail.getByRole('button', { name: text(language, 'sessions:detail.cancel') }).click();
      await expect(page.getByLabel(text(language, 'sessions:cancel.reason'))).toBeVisible();
      await checks.check('sessions: cancel form');
      const submit = page.getByRole('button', { name: text(language, 'sessions:cancel.submit') }).last();
      await submitToErrors(page, checks, 'sessions: cancel form', () => submit.click(), text(language, 'sessions:cancel.confirmYes'));
      await page.getByLabel(text(language, 'sessions:cancel.reason')).fill('场地维修');
      await submit.click();
      await expect(page.getByRole('alertdialog')).toBeVisible();
      await checks.check('sessions: cancel question');
      checks.expectNone();
    });
  });
}
