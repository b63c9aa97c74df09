import type { OpenStation } from '../../electron/app/open-station';
import type { Page } from '@playwright/test';
import type { PrintOutcome, PrintRequest } from '../../shared/contract/transport';
import { SYSTEM_ACTOR_ROLE } from '../../shared/domain/audit';
import { samplePerson } from '../fixtures/registrations';
import { expect, sampleAdmin, sampleStation, signIn, test } from './fixtures';
import { en, registerAtKiosk, zh, type FlowLabels } from './registration-helpers';

/**
 * The desktop app's printer, as the preload exposes it: here it records what it is asked (a document
 * id, never a PDF) and answers with the outcome the test chooses, so the real renderer takes the
 * desktop path in Chromium.
 */
async function installDesktopPrinter(page: Page, outcome: PrintOutcome): Promise<void> {
  await page.addInitScript((answer) => {
    const requests: PrintRequest[] = [];
    Object.assign(window, {
      printRequests: requests,
      stationPrinter: {
        print: async (request: PrintRequest) => {
          requests.push(request);
          return { ok: true, data: { outcome: answer, missing: [] } };
        },
      },
    });
  }, outcome);
}

function printRequests(page: Page): Promise<PrintRequest[]> {
  return page.evaluate(() => (window as unknown as { printRequests: PrintRequest[] }).printRequests);
}

/** Registers the sample person for cornea donation through the kiosk screens, up to the confirmation. */
function registerCornea(page: Page, labels: FlowLabels, cornea: string, submit: string): Promise<void> {
  return registerAtKiosk(page, labels, cornea, { number: samplePerson.document.number, name: samplePerson.name, phone: samplePerson.phone }, submit);
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
  const id = (station.connection.sqlite.prepare("select id from document where kind = 'receipt'").get() as { id: string }).id;
  // The page names the receipt; the main process renders it (tests/integration/print-by-id.test.ts).
  expect(await printRequests(page)).toEqual([{ source: 'receipt', documentId: id, mode: 'silent' }]);
});

test('in English: when the receipt printer fails, the visitor is sent to the staff', async ({ page, station, openApp }) => {
  await station.services.printerSettings.change({ receiptPrinter: 'EPSON TM-T82III', receiptPaper: 'thermal' }, { id: null, role: SYSTEM_ACTOR_ROLE });
  await installDesktopPrinter(page, 'failed');
  await openApp();
  await page.getByRole('button', { name: 'English' }).click();
  await registerCornea(page, en, 'Cornea donation', 'Confirm and submit');

  const receipt = page.getByTestId('receipt');
  await expect(receipt.getByTestId('receipt-status')).toHaveText('The receipt was not printed here. Please ask the staff for it: they can print it for you.');
  await expect(receipt.getByRole('button')).toHaveCount(0);
  expect((await printRequests(page)).map((request) => request.mode)).toEqual(['silent']);
  // The copy is still at the station, waiting for staff to print it.
  const state = station.connection.sqlite.prepare("select state from document where kind = 'receipt'").get() as { state: string };
  expect(state.state).toBe('issued');
});

/**
 * On the station host there is no desktop printer: records any call of window.print or window.open (a
 * print dialog or a new tab, both ways out of a kiosk) instead of making it.
 */
async function recordBrowserPrinting(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const calls: string[] = [];
    Object.assign(window, { browserPrintCalls: calls });
    window.print = () => void calls.push('print');
    window.open = () => {
      calls.push('open');
      return null;
    };
  });
}

function browserPrintCalls(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { browserPrintCalls: string[] }).browserPrintCalls);
}

function printedEvents(station: OpenStation): number {
  return (station.connection.sqlite.prepare("select count(*) as n from document_event where event = 'printed'").get() as { n: number }).n;
}

for (const { labels, language, cornea, submit, message } of [
  { labels: zh, language: null, cornea: '角膜捐献', submit: '确认提交', message: '本机不打印回执。工作人员会为您打印，请到服务台领取。' },
  { labels: en, language: 'English', cornea: 'Cornea donation', submit: 'Confirm and submit', message: 'This kiosk does not print receipts. The staff will print yours: please ask at the desk.' },
] as const) {
  test(`on the station host without a receipt printer (${language ?? '中文'}), the kiosk tells the visitor that staff will print, and opens no print dialog`, async ({ page, station, openApp }) => {
    await recordBrowserPrinting(page);
    await openApp();
    await expect(page.getByRole('heading', { name: sampleStation.name })).toBeVisible();
    if (language) await page.getByRole('button', { name: language }).click();
    await registerCornea(page, labels, cornea, submit);

    const receipt = page.getByTestId('receipt');
    await expect(receipt.getByTestId('receipt-status')).toHaveText(message);
    await expect(receipt.getByRole('button')).toHaveCount(0);
    expect(await browserPrintCalls(page)).toEqual([]);
    // Nothing was rendered: the receipt waits at the station for the staff.
    expect(printedEvents(station)).toBe(0);
  });
}

test('in the desktop app without a receipt printer, the kiosk does not even ask to print: staff will', async ({ page, station, openApp }) => {
  await installDesktopPrinter(page, 'printed');
  await openApp();
  await registerCornea(page, zh, '角膜捐献', '确认提交');

  const receipt = page.getByTestId('receipt');
  await expect(receipt.getByTestId('receipt-status')).toHaveText('本机不打印回执。工作人员会为您打印，请到服务台领取。');
  await expect(receipt.getByRole('button')).toHaveCount(0);
  expect(await printRequests(page)).toEqual([]);
  expect(printedEvents(station)).toBe(0);
});

test('the administrator of a memorial kiosk without a receipt printer is warned on the settings screen', async ({ page, openApp }) => {
  await openApp();
  await signIn(page, sampleAdmin);
  await page.getByRole('button', { name: /站点设置/ }).click();
  const printing = page.getByTestId('settings-printing');
  await expect(page.getByTestId('kiosk-needs-printer')).toContainText('请设置回执打印机');
  await printing.getByLabel('回执打印机名称').fill('EPSON TM-T82III');
  await expect(page.getByTestId('kiosk-needs-printer')).toHaveCount(0);
});
