import type { Locator, Page } from '@playwright/test';
import type { OpenStation } from '../../electron/app/open-station';
import type { CallOutput } from '../../shared/contract/calls';
import { maskDocumentNumber, maskName } from '../../shared/domain/masking';
import { readFileSync } from 'node:fs';
import { residentId, samplePerson, SAMPLE_SIGNATURE } from '../fixtures/registrations';
import { adminCaller, expect, sampleAdmin, sampleStation, signIn, test } from './fixtures';
import { card, numberOf, openFirstResult, openRecords, register, search } from './records-helpers';
import { drawOn } from './registration-helpers';

type IssuedDocument = CallOutput<'documents:issue'>;

test.beforeEach(async ({ setUpStation, openApp, page }) => {
  await setUpStation();
  await openApp();
  await expect(page.getByRole('heading', { name: sampleStation.name })).toBeVisible();
});

/** Issues a receipt for the person's body-donation registration through the dispatcher (signed in by `register`). */
async function issueReceipt(station: OpenStation): Promise<IssuedDocument> {
  const created = await register(station);
  const registration = created.registrations.find((entry) => entry.program === 'body');
  if (!registration) throw new Error('no body registration');
  const issued = await station.dispatch('documents:issue', { kind: 'receipt', subject: { type: 'registration', id: registration.id }, language: 'zh-CN' }, adminCaller);
  if (!issued.ok) throw new Error(`issue refused: ${JSON.stringify(issued.error)}`);
  return issued.data as IssuedDocument;
}

/** The payload stored for a document, as a scanner would read it from the printed QR code. */
function storedPayload(station: OpenStation, serial: string): string {
  return (station.connection.sqlite.prepare('select payload from document where serial = ?').get(serial) as { payload: string }).payload;
}

/** From the home screen, opens the documents screen by its tile. */
async function openDocuments(page: Page, tile = '回执与证书'): Promise<void> {
  await page.getByRole('button', { name: new RegExp(tile) }).click();
  await expect(page.getByRole('heading', { name: tile, level: 1 })).toBeVisible();
}

/** A document's card on the documents screen, found by its serial. */
function documentCard(page: Page, serial: string): Locator {
  return page.locator(`article[data-serial="${serial}"]`);
}

async function verify(page: Page, payload: string, submit = '核验'): Promise<Locator> {
  await page.locator('#verify-payload').fill(payload);
  await page.getByRole('button', { name: submit, exact: true }).click();
  return page.getByTestId('verify-result');
}

const recipientDocument = residentId('530102', '19600101', '011');

test('a receipt issued from the records screen waits for hand-over, then is handed over with a drawn signature', async ({ page, station }) => {
  const created = await register(station);
  const body = numberOf(created, 'body');
  await signIn(page, sampleAdmin);
  await openRecords(page);
  await search(page, body);
  await openFirstResult(page);

  await card(page, body).getByRole('button', { name: '开具文书' }).click();
  await expect(page.getByLabel('文书类型')).toHaveValue('receipt');
  await page.getByRole('button', { name: '开具', exact: true }).click();
  const done = page.getByTestId('issue-document-done');
  await expect(done).toContainText('已开具登记回执');
  // The latest copy: the receipts issued with the registration itself come before it.
  const serial = (station.connection.sqlite.prepare('select serial from document order by rowid desc limit 1').get() as { serial: string }).serial;
  await expect(done).toContainText(serial);

  await done.getByRole('button', { name: '前往回执与证书' }).click();
  await expect(page.getByRole('heading', { name: '回执与证书', level: 1 })).toBeVisible();
  const doc = documentCard(page, serial);
  await expect(doc.getByTestId('document-state')).toHaveText('待交付');
  await expect(doc.getByTestId('document-subject')).toHaveText(maskName(samplePerson.name));

  // Filtered to the copies waiting for hand-over, it is there; among those handed over, not yet.
  await page.getByLabel('状态').selectOption('handed_over');
  await expect(page.getByText('没有符合条件的文书。')).toBeVisible();
  await page.getByLabel('状态').selectOption('issued');
  await expect(doc).toBeVisible();

  await doc.getByRole('button', { name: '交付', exact: true }).click();
  await page.getByLabel('领取人姓名').fill('李建国');
  await page.getByLabel('与登记人的关系').selectOption('sibling');
  await page.getByLabel('证件号码').fill(recipientDocument);
  // Without a signature the hand-over is refused with the reason.
  await page.getByRole('button', { name: '确认交付' }).click();
  await expect(page.getByTestId('hand-over-form')).toContainText('请在签名框内签名。');
  await drawOn(page, page.locator('canvas#hand-over-signature'));
  await page.getByRole('button', { name: '确认交付' }).click();
  await expect(page.getByTestId('documents-done')).toHaveText(`${serial} 已交付。`);

  await page.getByLabel('状态').selectOption('handed_over');
  await expect(doc.getByTestId('document-state')).toHaveText('已交付');
  await expect(doc.getByTestId('document-recipient')).toContainText(maskName('李建国'));
  await expect(doc.getByTestId('document-recipient')).toContainText(maskDocumentNumber(recipientDocument));
  await expect(doc).not.toContainText(recipientDocument);
  await expect(doc.getByRole('button', { name: '交付', exact: true })).toHaveCount(0);
  await doc.getByText('经过').click();
  await expect(doc.getByTestId('document-history').getByRole('listitem')).toHaveCount(2);
});

test('a copy voided meanwhile is not handed over: the station refuses with the reason, and the action is gone', async ({ page, station }) => {
  const issued = await issueReceipt(station);
  await signIn(page, sampleAdmin);
  await openDocuments(page);
  const doc = documentCard(page, issued.serial);

  await doc.getByRole('button', { name: '交付', exact: true }).click();
  await page.getByLabel('领取人姓名').fill('李建国');
  await page.getByLabel('证件号码').fill(recipientDocument);
  await drawOn(page, page.locator('canvas#hand-over-signature'));
  // Another desk voids the copy while the form is open.
  const voided = await station.dispatch('documents:void', { documentId: issued.id, reason: '打印错误' }, adminCaller);
  expect(voided.ok).toBe(true);
  await page.getByRole('button', { name: '确认交付' }).click();
  await expect(page.getByTestId('hand-over-form')).toContainText('该文书已作废，不能再打印、交付或补发。');

  await page.getByRole('button', { name: '取消' }).click();
  await page.getByRole('button', { name: '刷新' }).click();
  await expect(doc.getByTestId('document-state')).toHaveText('已作废');
  await expect(doc.getByRole('button', { name: '交付', exact: true })).toHaveCount(0);
  await expect(doc.getByRole('button', { name: '补发' })).toHaveCount(0);
  await expect(doc.getByRole('button', { name: '作废' })).toHaveCount(0);
});

test('a re-issue voids the earlier copy and links the two', async ({ page, station }) => {
  const issued = await issueReceipt(station);
  await signIn(page, sampleAdmin);
  await openDocuments(page);

  await documentCard(page, issued.serial).getByRole('button', { name: '补发' }).click();
  await expect(page.getByTestId('reissue-form')).toContainText(`原件 ${issued.serial} 同时作废`);
  await page.getByRole('button', { name: '确认补发' }).click();
  // The new copy exists once the screen confirms the re-issue, not when the click returns.
  await expect(page.getByTestId('documents-done')).toContainText('已补发');
  const newSerial = (station.connection.sqlite.prepare('select serial from document where replaces_id is not null').get() as { serial: string }).serial;
  expect(newSerial).not.toBe(issued.serial);
  await expect(page.getByTestId('documents-done')).toHaveText(`已补发 ${newSerial}，原件 ${issued.serial} 已作废。`);

  const earlier = documentCard(page, issued.serial);
  const later = documentCard(page, newSerial);
  await expect(earlier.getByTestId('document-state')).toHaveText('已作废');
  await expect(earlier.getByTestId('document-replaced-by')).toHaveText(newSerial);
  await expect(later.getByTestId('document-state')).toHaveText('待交付');
  await expect(later.getByTestId('document-replaces')).toHaveText(issued.serial);
  const total = (station.connection.sqlite.prepare('select count(*) as n from document').get() as { n: number }).n;
  await expect(page.getByTestId('documents-total')).toHaveText(`共 ${total} 份文书`);
});

test('in English: a copy is printed, a scanned code is genuine, a changed one forged, and a voided copy says so', async ({ page, station }) => {
  const issued = await issueReceipt(station);
  const payload = storedPayload(station, issued.serial);
  await signIn(page, sampleAdmin);
  await page.getByRole('button', { name: 'English' }).click();
  await openDocuments(page, 'Documents and certificates');

  let result = await verify(page, payload, 'Verify');
  await expect(result).toHaveAttribute('data-result', 'genuine');
  await expect(result).toContainText('Genuine');
  await expect(result).toContainText(issued.serial);
  await expect(result).toContainText('Registration receipt');
  await expect(result).toContainText(maskName(samplePerson.name));

  const middle = Math.floor(payload.length / 2);
  const flipped = payload.slice(0, middle) + (payload[middle] === 'A' ? 'B' : 'A') + payload.slice(middle + 1);
  result = await verify(page, flipped, 'Verify');
  await expect(result).toHaveAttribute('data-result', 'forged');
  await expect(result).not.toContainText(issued.serial);

  const doc = documentCard(page, issued.serial);
  await expect(doc.getByTestId('document-state')).toHaveText('Waiting to be handed over');
  // On the station host the PDF opens in a new tab, whose viewer prints it.
  const opening = page.waitForEvent('popup');
  await doc.getByRole('button', { name: 'Print', exact: true }).click();
  expect((await opening).url()).toMatch(/^blob:/);
  await expect(page.getByTestId('documents-done')).toHaveText(`The PDF of ${issued.serial} was made; the print is in the audit log.`);
  await doc.getByRole('button', { name: 'Void', exact: true }).click();
  await page.getByLabel('Reason for voiding').fill('Misprinted');
  await page.getByTestId('void-form').getByRole('button', { name: 'Void', exact: true }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Yes, void it' }).click();
  await expect(page.getByTestId('documents-done')).toHaveText(`${issued.serial} voided.`);
  await expect(doc.getByTestId('document-state')).toHaveText('Voided');

  result = await verify(page, payload, 'Verify');
  await expect(result).toHaveAttribute('data-result', 'voided');
  await expect(result).toContainText(issued.serial);
});

test('staff print an issued receipt as a PDF, recorded in the audit log, and cannot print it once handed over', async ({ page, station }) => {
  const receipt = await issueReceipt(station);
  await signIn(page, sampleAdmin);
  await openDocuments(page);
  const copy = documentCard(page, receipt.serial);
  const downloading = page.waitForEvent('download');
  await copy.getByRole('button', { name: '保存 PDF' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`${receipt.serial}.pdf`);
  const path = await download.path();
  expect(readFileSync(path).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await expect(page.getByTestId('documents-done')).toHaveText(`${receipt.serial} 的 PDF 已生成，打印已记入审计日志。`);
  const prints = station.connection.sqlite.prepare("select count(*) as n from audit_log where action = 'print'").get() as { n: number };
  expect(prints.n).toBe(1);

  // Handed over, the copy has left the station: it is re-issued, never printed again.
  const handedOver = await station.dispatch(
    'documents:handOver',
    { documentId: receipt.id, recipientName: '李𠮷祥', relation: 'self', recipientDocument: samplePerson.document, signature: SAMPLE_SIGNATURE },
    adminCaller,
  );
  expect(handedOver.ok).toBe(true);
  await page.reload();
  await openDocuments(page);
  await expect(documentCard(page, receipt.serial).getByRole('button', { name: '打印', exact: true })).toHaveCount(0);
  await expect(documentCard(page, receipt.serial).getByRole('button', { name: '保存 PDF' })).toHaveCount(0);
});
