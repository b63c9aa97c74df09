import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callsOn, type Caller } from '../fixtures/dispatch';
import { kioskCaller, openTempStation, sampleSetup } from '../fixtures/temp-station';
import { sampleRegistration } from '../fixtures/registrations';

type TempStation = Awaited<ReturnType<typeof openTempStation>>;

let station: TempStation;
const desk = { sessionKey: 'admin-desk' };
/** Another kiosk window, or another tab of the station host. */
const otherKiosk: Caller = { sessionKey: 'host:another-kiosk-tab-0001' };

beforeEach(async () => {
  station = await openTempStation();
  await station.dispatch('station:setup', sampleSetup, desk);
});
afterEach(async () => {
  await station.remove();
});

const { ok, refusal } = callsOn(() => station, () => kioskCaller);

function printsOf(documentId: string): number {
  return (station.connection.sqlite.prepare("select count(*) as n from document_event where document_id = ? and event = 'printed'").get(documentId) as { n: number }).n;
}

describe('a kiosk receipt belongs to the kiosk caller that registered', () => {
  it('is refused to another kiosk caller holding its id, and printed once for the caller that registered', async () => {
    const { receipts } = await ok('registration:create', sampleRegistration({ programs: [{ program: 'cornea' }] }));
    const documentId = receipts[0]!.documentId;

    // Answered as for a receipt that does not exist: the other caller learns nothing.
    expect(await refusal('registration:receipt', { documentId }, otherKiosk)).toEqual(await refusal('registration:receipt', { documentId: 'no-such-document' }, otherKiosk));
    expect(printsOf(documentId)).toBe(0);

    const printed = await ok('registration:receipt', { documentId });
    expect(printed.fileName).toBe(`${receipts[0]!.serial}.pdf`);
    expect(printsOf(documentId)).toBe(1);
    expect((await refusal('registration:receipt', { documentId })).code).toBe('not_found');
  });

  it('keeps the key of the kiosk caller only as a hash', async () => {
    const { receipts } = await ok('registration:create', sampleRegistration({ programs: [{ program: 'cornea' }] }), otherKiosk);
    const stored = station.connection.sqlite.prepare('select * from kiosk_receipt_session').all();
    expect(stored).toEqual([{ document_id: receipts[0]!.documentId, session_hash: expect.any(String) }]);
    expect(JSON.stringify(stored)).not.toContain('another-kiosk-tab');
  });
});
