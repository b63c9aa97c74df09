import type { Page } from '@playwright/test';
import type { PrintRequest } from '../../shared/contract/transport';
import { SYSTEM_ACTOR_ROLE } from '../../shared/domain/audit';
import { samplePerson } from '../fixtures/registrations';
import { expect, sampleStation, test } from './fixtures';
import { answerConsents, choosePrograms, drawSignature, en, fillIdentity, next, openRegistration, skipHeardFrom, zh, type FlowLabels } from './registration-helpers';

/**
 * The desktop app's printer, as the preload exposes it: here it records what it is asked and answers
 * with the outcome the test chooses, so the real renderer takes the desktop path in Chromium.
 */
async function installDesktopPrinter(page: Page, outcome: 'printed' | 'failed'): Promise<void> {
  await page.addInitScript((answer) => {
    const requests: Array<{ mode: string; fileName: string; pdfHeader: string }> = [];
    Object.assign(window, {
      printRequests: requests,
      stationPrinter: {
        print: async (request: PrintRequest) => {
          requests.push({ mode: request.mode, fileName: request.fileName, pdfHeader: atob(request.contentBase64).slice(0, 5) });
          return answer;
        },
      },
    });
  }, outcome);
}

function printRequests(page: Page): Promise<Array<{ mode: string; fileName: string; pdfHeader: string }>> {
  return page.evaluate(() => (window as unknown as { printRequests: Array<{ mode: string; fileName: string; pdfHeader: string }> }).printRequests);
}

/** Registers the sample person for cornea donation through the kiosk screens, up to the confirmation. */
async function registerCornea(page: Page, labels: FlowLabels, cornea: string, submit: string): Promise<void> {
  await openRegistration(page, labels);
  await choosePrograms(page, [cornea]);
  await next(page, labels);
  await fillIdentity(page, { number: samplePerson.document.number, name: samplePerson.name, phone: samplePerson.phone, ethnicGroup: labels === zh ? '汉族' : 'Han' }, labels);
  await next(page, labels);
  await answerConsents(page, { provincial_sync: true, follow_up_contact: true, memorial_publication: false }, labels);
  await next(page, labels);
  await drawSignature(page);
  await next(page, labels);
  await skipHeardFrom(page, labels);
  await page.getByRole('button', { name: submit }).click();
}

test.beforeEach(async ({ setUpStation }) => {
  await setUpStation();
});

test('with a receipt printer configured, the desktop kiosk prints the receipt at once, without a dialog', async ({ page, station, openApp }) => {
  await station.services.printerSettings.change({ receiptPrinter: 'EPSON TM-T82III', receiptPaper: 'thermal' }, { id: null, role: SYSTEM_ACTOR_ROLE });
  await installDesktopPrinter(page, 'printed');
  await openApp();
  await expect(page.getByRole('heading', { name: sampleStation.name })).toBeVisible();
  await registerCornea(page, zh, '角膜捐献', '确认提交');

  const receipt = page.getByTestId('receipt');
  await expect(receipt.getByTestId('receipt-status')).toHaveText('回执已打印，请取走。');
  await expect(receipt.getByRole('button')).toHaveCount(0);
  const serial = (station.connection.sqlite.prepare("select serial from document where kind = 'receipt'").get() as { serial: string }).serial;
  expect(await printRequests(page)).toEqual([{ mode: 'silent', fileName: `${serial}.pdf`, pdfHeader: '%PDF-' }]);
  const prints = station.connection.sqlite.prepare("select count(*) as n from document_event where event = 'printed'").get() as { n: number };
  expect(prints.n).toBe(1);
});

test('in English: without a receipt printer the visitor presses Print; a failed print sends them to the staff', async ({ page, station, openApp }) => {
  await installDesktopPrinter(page, 'failed');
  await openApp();
  await page.getByRole('button', { name: 'English' }).click();
  await registerCornea(page, en, 'Cornea donation', 'Confirm and submit');

  const receipt = page.getByTestId('receipt');
  await receipt.getByRole('button', { name: 'Print', exact: true }).click();
  await expect(receipt.getByTestId('receipt-status')).toHaveText('The receipt was not printed here. Please ask the staff for it: they can print it for you.');
  await expect(receipt.getByRole('button')).toHaveCount(0);
  expect((await printRequests(page)).map((request) => request.mode)).toEqual(['dialog']);
  // The copy is still at the station, waiting for staff to print it.
  const state = station.connection.sqlite.prepare("select state from document where kind = 'receipt'").get() as { state: string };
  expect(state.state).toBe('issued');
});
