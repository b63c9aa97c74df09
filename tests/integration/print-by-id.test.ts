import { afterEach, describe, expect, it } from 'vitest';
import { documentPrinterFor, type PrintDevice } from '../../electron/shell/print-document';
import type { PrintOptions } from '../../electron/shell/print-policy';
import { KIOSK_SWITCH } from '../../electron/shell/window-policy';
import type { CallResult } from '../../shared/contract/errors';
import type { PrintedDocument } from '../../shared/contract/transport';
import { SYSTEM_ACTOR_ROLE } from '../../shared/domain/audit';
import { callOk } from '../fixtures/dispatch';
import { sampleRegistration } from '../fixtures/registrations';
import { kioskCaller, openTempStation, sampleSetup } from '../fixtures/temp-station';

/**
 * The desktop app's print path (electron/main.ts wires it to the print IPC channel) on a real station:
 * the renderer names a document, the main process renders it through the station's dispatch as the
 * window's session, and the print policy decides first. Only Electron's printer is replaced, by a
 * recorder of what it would have printed or saved.
 */

type TempStation = Awaited<ReturnType<typeof openTempStation>>;

const adminDesk = { sessionKey: 'admin-desk' };
const PRINTER = 'EPSON TM-T82III';

let station: TempStation;

afterEach(async () => {
  await station.remove();
});

interface DeviceCall {
  what: 'print' | 'save';
  pdfHeader: string;
  options?: PrintOptions;
  fileName?: string;
}

function recordingDevice(): PrintDevice & { calls: DeviceCall[] } {
  const calls: DeviceCall[] = [];
  return {
    calls,
    async print(pdf, options) {
      calls.push({ what: 'print', pdfHeader: pdf.subarray(0, 5).toString('latin1'), options });
      return 'printed';
    },
    async save(pdf, fileName) {
      calls.push({ what: 'save', pdfHeader: pdf.subarray(0, 5).toString('latin1'), fileName });
      return 'saved';
    },
  };
}

/** A station of the given kind, set up by its administrator, with one registration made at the kiosk. */
async function stationWithKioskReceipt(kind: 'memorial_kiosk' | 'university_station'): Promise<{ receiptId: string; serial: string }> {
  station = await openTempStation();
  await callOk(station, 'station:setup', { ...sampleSetup, kind }, adminDesk);
  const created = await callOk(station, 'registration:create', sampleRegistration(), kioskCaller);
  const receipt = created.receipts[0]!;
  return { receiptId: receipt.documentId, serial: receipt.serial };
}

function setReceiptPrinter(receiptPrinter: string | null): Promise<unknown> {
  return station.services.printerSettings.change({ receiptPrinter, receiptPaper: 'thermal' }, { id: null, role: SYSTEM_ACTOR_ROLE });
}

function printedEvents(documentId: string): number {
  const row = station.connection.sqlite.prepare("select count(*) as n from document_event where document_id = ? and event = 'printed'").get(documentId) as { n: number };
  return row.n;
}

function printAudits(): number {
  return (station.connection.sqlite.prepare("select count(*) as n from audit_log where action = 'print'").get() as { n: number }).n;
}

function outcomeOf(result: CallResult<PrintedDocument>): PrintedDocument['outcome'] {
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.error)}`);
  return result.data.outcome;
}

describe('printing by document id at a kiosk', () => {
  it('without a receipt printer answers no_printer to every mode, with no dialog, nothing rendered and nothing recorded', async () => {
    const { receiptId } = await stationWithKioskReceipt('memorial_kiosk');
    const device = recordingDevice();
    const printDocument = documentPrinterFor(station, [], device);

    for (const mode of ['silent', 'dialog', 'save'] as const) {
      expect(outcomeOf(await printDocument({ source: 'receipt', documentId: receiptId, mode }, kioskCaller))).toBe('no_printer');
    }
    expect(device.calls).toEqual([]);
    expect(printedEvents(receiptId)).toBe(0);
    expect(printAudits()).toBe(0);

    // The kiosk's one print was not used up: once the printer is there, the receipt prints, silently, on it.
    await setReceiptPrinter(PRINTER);
    expect(outcomeOf(await printDocument({ source: 'receipt', documentId: receiptId, mode: 'silent' }, kioskCaller))).toBe('printed');
    expect(device.calls).toEqual([{ what: 'print', pdfHeader: '%PDF-', options: { silent: true, printBackground: true, deviceName: PRINTER } }]);
    expect(printedEvents(receiptId)).toBe(1);
    expect(printAudits()).toBe(1);
  });

  it('with a receipt printer refuses the print and save dialogs, and the station still prints the receipt only once', async () => {
    const { receiptId } = await stationWithKioskReceipt('memorial_kiosk');
    await setReceiptPrinter(PRINTER);
    const device = recordingDevice();
    const printDocument = documentPrinterFor(station, [], device);

    expect(outcomeOf(await printDocument({ source: 'receipt', documentId: receiptId, mode: 'dialog' }, kioskCaller))).toBe('failed');
    expect(outcomeOf(await printDocument({ source: 'receipt', documentId: receiptId, mode: 'save' }, kioskCaller))).toBe('failed');
    expect(device.calls).toEqual([]);
    expect(printedEvents(receiptId)).toBe(0);

    expect(outcomeOf(await printDocument({ source: 'receipt', documentId: receiptId, mode: 'silent' }, kioskCaller))).toBe('printed');
    const again = await printDocument({ source: 'receipt', documentId: receiptId, mode: 'silent' }, kioskCaller);
    expect(again.ok).toBe(false);
    expect(device.calls).toHaveLength(1);
    expect(printedEvents(receiptId)).toBe(1);
  });

  it("renders as the window's session: the anonymous kiosk may not print a staff copy, even silently on the receipt printer", async () => {
    const { receiptId } = await stationWithKioskReceipt('memorial_kiosk');
    await setReceiptPrinter(PRINTER);
    const device = recordingDevice();
    const printDocument = documentPrinterFor(station, [], device);

    const refused = await printDocument({ source: 'document', documentId: receiptId, mode: 'silent' }, kioskCaller);
    expect(refused).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
    expect(device.calls).toEqual([]);
    expect(printedEvents(receiptId)).toBe(0);
  });

  it('in kiosk mode (the station kind, or --kiosk on any station) gives staff signed in there no dialog either', async () => {
    const { receiptId } = await stationWithKioskReceipt('university_station');
    const device = recordingDevice();
    const printDocument = documentPrinterFor(station, [KIOSK_SWITCH], device);

    expect(outcomeOf(await printDocument({ source: 'document', documentId: receiptId, mode: 'dialog' }, adminDesk))).toBe('no_printer');
    expect(outcomeOf(await printDocument({ source: 'document', documentId: receiptId, mode: 'save' }, adminDesk))).toBe('no_printer');
    expect(device.calls).toEqual([]);
    expect(printedEvents(receiptId)).toBe(0);
  });
});

describe('printing by document id at a staff desk', () => {
  it('prints with the dialog and saves under the serial, from bytes the station rendered and recorded as printed', async () => {
    const { receiptId, serial } = await stationWithKioskReceipt('university_station');
    const device = recordingDevice();
    const printDocument = documentPrinterFor(station, [], device);

    expect(await printDocument({ source: 'document', documentId: receiptId, mode: 'dialog' }, adminDesk)).toEqual({ ok: true, data: { outcome: 'printed', missing: [] } });
    expect(outcomeOf(await printDocument({ source: 'document', documentId: receiptId, mode: 'save' }, adminDesk))).toBe('saved');
    expect(device.calls).toEqual([
      { what: 'print', pdfHeader: '%PDF-', options: { silent: false, printBackground: true } },
      { what: 'save', pdfHeader: '%PDF-', fileName: `${serial}.pdf` },
    ]);
    expect(printedEvents(receiptId)).toBe(2);
  });

  it('refuses a request that carries PDF bytes (or a file name) and prints nothing', async () => {
    const { receiptId } = await stationWithKioskReceipt('university_station');
    const device = recordingDevice();
    const printDocument = documentPrinterFor(station, [], device);
    const planted = Buffer.from('%PDF-1.7\n% not made by the station\n').toString('base64');

    for (const raw of [
      { source: 'document', documentId: receiptId, mode: 'dialog', contentBase64: planted },
      { mode: 'dialog', fileName: 'KMU01-2026-RCP-000001.pdf', contentBase64: planted },
      { source: 'document', documentId: receiptId, mode: 'dialog', fileName: '../../station.key' },
    ]) {
      expect(await printDocument(raw, adminDesk)).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    }
    expect(device.calls).toEqual([]);
    expect(printedEvents(receiptId)).toBe(0);
  });
});
