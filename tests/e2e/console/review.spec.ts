import { HubSealer } from '../../../hub/people/sealing';
import { decideReview } from '../../../hub/review/decide-review';
import { languages } from '../../../shared/i18n/languages';
import { CONSOLE_PASSWORD, CONSOLE_PROVINCE, consolePeople, consoleText, consoleUsername, expect, openConsole, openScreen, signInOnPage, test } from '../console-fixtures';
import { documentSeenWithAnotherName, OTHER_NAME } from './review-and-download-helpers';

for (const language of languages) {
  test.describe(`console review [${language}]`, () => {
    test('confirms a document seen with another name as one person, the figures follow, and the undo puts them back', async ({ page, consoleHub, signIn }) => {
      const id = await documentSeenWithAnotherName(consoleHub);
      await signIn('administrator', language);
      const awaitingReview = page.getByTestId('figures-summary').locator('tr[data-indicator="awaitingReview"] td').first();
      await openScreen(page, language, 'consoleFigures');
      await expect(awaitingReview).toHaveText('1');

      await openScreen(page, language, 'consoleReview');
      const entry = page.getByTestId('review-entry');
      await expect(entry).toHaveCount(1);
      await expect(entry.getByTestId('review-seen')).toContainText('张*');
      await expect(page.getByText(OTHER_NAME)).toHaveCount(0);
      await entry.getByRole('button', { name: consoleText(language, 'consoleReview', 'list.open') }).click();

      // The reveal shows both sides whole and is audited with the entry's id, never its values.
      await page.getByRole('button', { name: consoleText(language, 'consoleReview', 'entry.reveal') }).click();
      const revealed = page.getByTestId('review-revealed');
      await expect(revealed).toContainText(consolePeople[0].name);
      await expect(revealed).toContainText(OTHER_NAME);
      await expect(revealed).toContainText(consolePeople[0].number);
      const reveal = await consoleHub.hub.db.selectFrom('console_audit').select(['action', 'subject', 'detail', 'account_id']).where('action', '=', 'review:detail').executeTakeFirstOrThrow();
      expect(reveal).toMatchObject({ subject: `review:${id}`, account_id: consoleHub.accounts.administrator.id });
      expect(JSON.stringify(reveal)).not.toContain(consolePeople[0].number);

      await page.getByLabel(consoleText(language, 'consoleReview', 'decision.confirm_same')).check();
      await page.getByLabel(consoleText(language, 'consoleReview', 'decide.reason')).fill('户籍核实为同一人');
      await page.getByRole('button', { name: consoleText(language, 'consoleReview', 'decide.submit') }).click();
      await page.getByRole('button', { name: consoleText(language, 'consoleReview', 'decide.confirmYes') }).click();
      const decisionText = consoleText(language, 'consoleReview', 'decision.confirm_same');
      await expect(page.getByTestId('review-notice')).toHaveText(consoleText(language, 'consoleReview', 'decide.done', { id, decision: decisionText }));
      await expect(page.getByText(consoleText(language, 'consoleReview', 'list.empty'))).toBeVisible();

      await openScreen(page, language, 'consoleFigures');
      await expect(awaitingReview).toHaveText('0');

      await openScreen(page, language, 'consoleReview');
      await page.getByRole('button', { name: consoleText(language, 'consoleReview', 'state.decided') }).click();
      await expect(entry).toContainText(decisionText);
      await entry.getByRole('button', { name: consoleText(language, 'consoleReview', 'list.open') }).click();
      await page.getByRole('button', { name: consoleText(language, 'consoleReview', 'undo.submit') }).click();
      await page.getByRole('button', { name: consoleText(language, 'consoleReview', 'undo.confirmYes') }).click();
      await expect(page.getByTestId('review-notice')).toHaveText(consoleText(language, 'consoleReview', 'undo.done', { id }));

      await openScreen(page, language, 'consoleFigures');
      await expect(awaitingReview).toHaveText('1');
      const actions = await consoleHub.hub.db.selectFrom('console_audit').select('action').where('action', 'like', 'review:%').orderBy('seq').execute();
      expect(actions.map((row) => row.action)).toEqual(['review:detail', 'review:decide', 'review:undo']);
    });

    test('a decision someone else made first is refused in words; the auditor reads the masked list and cannot open an entry', async ({ page, consoleHub, signIn, browser }) => {
      const id = await documentSeenWithAnotherName(consoleHub);
      await signIn('reviewer', language);
      await openScreen(page, language, 'consoleReview');
      await page.getByTestId('review-entry').getByRole('button', { name: consoleText(language, 'consoleReview', 'list.open') }).click();
      // Another reviewer keeps the entry apart while this one is still looking at it.
      const decided = await decideReview(consoleHub.hub, new HubSealer(consoleHub.keys.data), CONSOLE_PROVINCE, id, { decision: 'keep_apart', by: consoleHub.accounts.administrator.id, reason: '待核实' });
      expect(decided.ok).toBe(true);
      await page.getByLabel(consoleText(language, 'consoleReview', 'decide.reason')).fill('同一人');
      await page.getByRole('button', { name: consoleText(language, 'consoleReview', 'decide.submit') }).click();
      await page.getByRole('button', { name: consoleText(language, 'consoleReview', 'decide.confirmYes') }).click();
      await expect(page.getByTestId('review-panel').getByRole('alert')).toHaveText(consoleText(language, 'consoleErrors', 'review_decided'));

      const auditorPage = await (await browser.newContext({ locale: language })).newPage();
      await openConsole(auditorPage, consoleHub, language);
      await signInOnPage(auditorPage, consoleUsername('auditor'), CONSOLE_PASSWORD, language);
      await openScreen(auditorPage, language, 'consoleReview');
      await auditorPage.getByRole('button', { name: consoleText(language, 'consoleReview', 'state.decided') }).click();
      await expect(auditorPage.getByTestId('review-entry')).toHaveCount(1);
      await expect(auditorPage.getByTestId('review-entry').getByTestId('review-seen')).toContainText('张*');
      await expect(auditorPage.getByTestId('review-entry').getByRole('button')).toHaveCount(0);
      await auditorPage.context().close();
    });
  });
}
