import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallOutput } from '../../shared/contract/calls';
import { SYSTEM_ACTOR_ROLE } from '../../shared/domain/audit';
import { residentId, samplePerson, sampleRegistration } from '../fixtures/registrations';
import { kioskCaller, openTempStation, sampleSetup } from '../fixtures/temp-station';

type TempStation = Awaited<ReturnType<typeof openTempStation>>;

let station: TempStation;

beforeEach(async () => {
  station = await openTempStation();
  await station.dispatch('station:setup', sampleSetup, { sessionKey: 'admin-desk' });
});
afterEach(async () => {
  await station.remove();
});

/** The width of the PDF's first page in points, from its MediaBox. */
function pageWidth(pdf: Buffer): number {
  const match = /\/MediaBox \[0 0 ([\d.]+) [\d.]+\]/.exec(pdf.toString('latin1'));
  if (!match?.[1]) throw new Error('no MediaBox');
  return Number(match[1]);
}

/** Registers someone at the kiosk and prints their fresh receipt there. */
async function kioskReceiptWidth(sequence: string): Promise<number> {
  const person = { ...samplePerson, document: { kind: 'resident_id' as const, number: residentId('530102', '19900307', sequence) } };
  const created = await station.dispatch('registration:create', sampleRegistration({ person }), kioskCaller);
  if (!created.ok) throw new Error(JSON.stringify(created.error));
  const receipt = (created.data as CallOutput<'registration:create'>).receipts[0]!;
  const pdf = await station.dispatch('registration:receipt', { documentId: receipt.documentId }, kioskCaller);
  if (!pdf.ok) throw new Error(JSON.stringify(pdf.error));
  return pageWidth(Buffer.from((pdf.data as CallOutput<'registration:receipt'>).contentBase64, 'base64'));
}

describe('the kiosk receipt', () => {
  it('prints on A4 by default and on the 80 mm roll once the receipt printer takes thermal paper', async () => {
    expect(await kioskReceiptWidth('012')).toBeCloseTo(595.28, 1);
    await station.services.printerSettings.change({ receiptPrinter: 'EPSON TM-T82III', receiptPaper: 'thermal' }, { id: null, role: SYSTEM_ACTOR_ROLE });
    const roll = (80 / 25.4) * 72;
    expect(await kioskReceiptWidth('034')).toBeCloseTo(roll, 1);
  });
});
