import { describe, expect, it } from 'vitest';
import { drawnSignaturePng } from '../../electron/cli/sample-signature';
import { nameListEntry } from '../fixtures/name-list';
import { residentId, samplePerson, sampleRegistration, SAMPLE_SIGNATURE } from '../fixtures/registrations';
import { stationPerTest } from '../fixtures/station-per-test';
import { kioskCaller } from '../fixtures/temp-station';

/** What a single tap on the pad leaves: one dot in the middle of a 600×200 image. */
const ONE_DOT = drawnSignaturePng([[[300, 100]]]);
/** A dash across a quarter of the pad: a stroke, but flat, and no name. */
const ONE_DASH = drawnSignaturePng([[[200, 100], [350, 100]]]);
/** A valid PNG with nothing drawn (a pad cleared, then sent by hand). */
const BLANK = drawnSignaturePng([]);
/** The same one dot, but from a high-density screen (1200×400): the measure does not depend on resolution. */
const ONE_DOT_HIGH_DENSITY = drawnSignaturePng([[[600, 200]]], 1200, 400);
/** A PNG header that announces 60000×60000 pixels: refused before anything is inflated. */
const HUGE_HEADER = (() => {
  const bytes = Buffer.from(SAMPLE_SIGNATURE.slice('data:image/png;base64,'.length), 'base64');
  bytes.writeUInt32BE(60_000, 16);
  bytes.writeUInt32BE(60_000, 20);
  return `data:image/png;base64,${bytes.toString('base64')}`;
})();

const desk = { sessionKey: 'signature-ink-desk' };
const { station, ok, refusal } = stationPerTest(desk);

function count(table: string): number {
  return (station().connection.sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
}

describe('a drawn signature needs ink enough for a name (M8)', () => {
  it('refuses a tap, a dash or a blank image at the kiosk, and registers a drawn name', async () => {
    for (const image of [ONE_DOT, ONE_DASH, BLANK, ONE_DOT_HIGH_DENSITY]) {
      const refused = await refusal('registration:create', sampleRegistration({ signature: { kind: 'drawn', image } }), kioskCaller);
      expect(refused.code).toBe('signature_too_little');
    }
    expect(count('person')).toBe(0);
    expect(count('signature')).toBe(0);

    await ok('registration:create', sampleRegistration(), kioskCaller);
    expect(count('signature')).toBe(1);
  });

  it('answers a tap the same at the kiosk whoever is on file, so the answer tells nothing about the person', async () => {
    // The sample person has a refusal on file: anything about them at the kiosk is answered `see_staff`.
    await ok('refusal:record', { person: samplePerson, signature: { kind: 'paper' } });
    const dot = sampleRegistration({ signature: { kind: 'drawn', image: ONE_DOT } });
    expect((await refusal('registration:create', dot, kioskCaller)).code).toBe('signature_too_little');
    const stranger = { ...samplePerson, document: { kind: 'resident_id', number: residentId('530102', '19850101', '013') }, name: '王五' } as const;
    expect((await refusal('registration:create', { ...dot, person: stranger }, kioskCaller)).code).toBe('signature_too_little');
    expect((await refusal('registration:create', sampleRegistration(), kioskCaller)).code).toBe('see_staff');
  });

  it('refuses an image that claims a huge size as unreadable, without decoding it', async () => {
    const refused = await refusal('registration:create', sampleRegistration({ signature: { kind: 'drawn', image: HUGE_HEADER } }), kioskCaller);
    expect(refused).toMatchObject({ code: 'validation_failed', issues: [{ path: 'signature.image', reason: 'signature_invalid' }] });
  });

  it('refuses a one-dot signature at the desk too: refusal, consent change, hand-over, name-list consent', async () => {
    const dot = { kind: 'drawn', image: ONE_DOT } as const;
    expect((await refusal('refusal:record', { person: samplePerson, signature: dot })).code).toBe('signature_too_little');

    const created = await ok('registration:create', sampleRegistration());
    const consentChange = { personId: created.personId, expectedVersion: 1, purpose: 'provincial_sync', granted: false } as const;
    expect((await refusal('person:consent', { ...consentChange, signature: dot })).code).toBe('signature_too_little');
    await ok('person:consent', { ...consentChange, signature: { kind: 'drawn', image: SAMPLE_SIGNATURE } });

    const card = await ok('documents:issue', { kind: 'donor_card', subject: { type: 'person', id: created.personId }, language: 'zh-CN' });
    const handOver = { documentId: card.id, recipientName: '李𠮷祥', relation: 'self', recipientDocument: samplePerson.document } as const;
    expect((await refusal('documents:handOver', { ...handOver, signature: ONE_DOT })).code).toBe('signature_too_little');
    expect(await ok('documents:handOver', { ...handOver, signature: SAMPLE_SIGNATURE })).toMatchObject({ state: 'handed_over' });

    const entry = (image: string) => nameListEntry('张晓明', {}, { signature: { kind: 'drawn', image } });
    expect((await refusal('nameList:add', entry(ONE_DOT))).code).toBe('signature_too_little');
    expect(count('memorial_entry')).toBe(0);
    await ok('nameList:add', entry(SAMPLE_SIGNATURE));
    expect(count('memorial_entry')).toBe(1);
  });
});
