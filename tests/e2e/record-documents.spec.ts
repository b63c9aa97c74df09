import { expect, sampleAdmin, sampleStation, signIn, test } from './fixtures';
import { card, numberOf, openFirstResult, openRecords, register, search } from './records-helpers';

/** A document issued from an open record shows at once in the record's list of documents. */

const texts = {
  zh: {
    language: '简体中文',
    tile: '登记记录',
    search: { query: '登记编号、证件号码或姓名', submit: '查询' },
    open: '打开记录',
    issueDocument: '开具文书',
    issue: '开具',
  },
  en: {
    language: 'English',
    tile: 'Registration records',
    search: { query: 'Registration number, document number or name', submit: 'Search' },
    open: 'Open record',
    issueDocument: 'Issue document',
    issue: 'Issue',
  },
} as const;

for (const [language, l] of Object.entries(texts)) {
  test(`${language}: the record's documents list the receipt just issued, without reopening the record`, async ({ page, station, setUpStation, openApp }) => {
    await setUpStation();
    await openApp();
    await expect(page.getByRole('heading', { name: sampleStation.name })).toBeVisible();
    const created = await register(station);
    const body = numberOf(created, 'body');
    await signIn(page, sampleAdmin);
    await page.getByRole('button', { name: l.language, exact: true }).click();
    await openRecords(page, l.tile);
    await search(page, body, l.search);
    await openFirstResult(page, l.open);
    const documents = page.getByTestId('person-issued-document');
    const before = await documents.count();

    await card(page, body).getByRole('button', { name: l.issueDocument }).click();
    await page.getByRole('button', { name: l.issue, exact: true }).click();
    await expect(page.getByTestId('issue-document-done')).toBeVisible();
    const serial = (station.connection.sqlite.prepare('select serial from document order by rowid desc limit 1').get() as { serial: string }).serial;
    await expect(page.getByTestId('issue-document-done')).toContainText(serial);
    await expect(page.locator(`[data-testid="person-issued-document"][data-serial="${serial}"]`)).toBeVisible();
    await expect(documents).toHaveCount(before + 1);
  });
}
