import { describe, expect, it } from 'vitest';
import { buildCardBlock, writeField, type ResidentCardImage } from '../../electron/idcard/card-image';
import { CARD_BLOCK_BYTES, cardKindOf, fieldText, parseCardBlock, residentLayout } from '../../electron/idcard/card-layout';
import { sampleCardBlock, sampleCardImages, unknownKindBlock, withCheckCharacter } from '../../electron/idcard/sample-cards';

const TODAY = new Date(2026, 11, 6, 12, 0, 0);

/** A resident card with one field replaced. */
function residentWith(changes: Partial<Omit<ResidentCardImage, 'kind'>>): Buffer {
  return buildCardBlock({ ...sampleCardImages.resident, ...changes });
}

describe('the card image', () => {
  it('writes a resident card byte for byte as GA 490 lays it out: UCS-2LE, space-padded, no flag', () => {
    const block = sampleCardBlock('resident');
    expect(block).toHaveLength(CARD_BLOCK_BYTES);
    // 李 is U+674E: little-endian 4E 67; the name's 15 characters end with spaces (20 00).
    expect([...block.subarray(0, 4)]).toEqual([0x4e, 0x67, 0xfa, 0x5e]);
    expect([...block.subarray(28, 30)]).toEqual([0x20, 0x00]);
    expect(block.subarray(30, 32).toString('utf16le')).toBe('1');
    expect(block.subarray(32, 36).toString('utf16le')).toBe('01');
    expect(block.subarray(122, 158).toString('utf16le')).toBe('110101199001011237');
    expect(block.subarray(204, 220).toString('utf16le')).toBe('20400115');
    expect([...block.subarray(248, 250)]).toEqual([0x20, 0x00]);
  });

  it('sets the flag at byte 248 on the other kinds, and splits a long Latin name over the 2023 card\'s two ranges', () => {
    expect([...sampleCardBlock('permit').subarray(248, 250)]).toEqual([0x4a, 0x00]);
    expect([...sampleCardBlock('foreigner-2017').subarray(248, 250)]).toEqual([0x49, 0x00]);
    const y = sampleCardBlock('foreigner-2023');
    expect([...y.subarray(248, 250)]).toEqual([0x59, 0x00]);
    expect(y.subarray(52, 122).toString('utf16le')).toBe('VAN DER BERG-SCHOUTEN, JOHANNES ALEXANDER'.slice(0, 35));
    expect(y.subarray(220, 242).toString('utf16le').trimEnd()).toBe('XANDER');
  });
});

describe('parsing a card block', () => {
  it('reads a resident ID: number, name, sex, birth date, ethnic group and validity', () => {
    expect(parseCardBlock(sampleCardBlock('resident'), TODAY)).toEqual({
      outcome: 'valid',
      fields: {
        documentKind: 'resident_id',
        documentNumber: '110101199001011237',
        name: '李建华',
        latinName: null,
        sex: 'male',
        birthDate: '1990-01-01',
        ethnicGroup: '01',
        validUntil: '2040-01-15',
      },
    });
  });

  it('reads a long-term card (长期) as valid with no end date', () => {
    const parsed = parseCardBlock(sampleCardBlock('resident-female'), TODAY);
    expect(parsed).toMatchObject({ outcome: 'valid', fields: { sex: 'female', ethnicGroup: '07', validUntil: null, birthDate: '1968-06-15' } });
  });

  it("reads a residence permit ('J'), a 2017 ('I') and a 2023 ('Y') foreigner's card as the station's document kinds", () => {
    expect(parseCardBlock(sampleCardBlock('permit'), TODAY)).toMatchObject({
      outcome: 'valid',
      fields: { documentKind: 'residence_permit', documentNumber: '810000199203040021', name: '陈嘉欣', ethnicGroup: null, sex: 'female' },
    });
    expect(parseCardBlock(sampleCardBlock('foreigner-2017'), TODAY)).toMatchObject({
      outcome: 'valid',
      fields: { documentKind: 'foreign_permanent_2017', documentNumber: 'CAN310085070112', name: '马克莱', latinName: 'MARTIN, CLAIRE', birthDate: '1985-07-01' },
    });
    expect(parseCardBlock(sampleCardBlock('foreigner-2023'), TODAY)).toMatchObject({
      outcome: 'valid',
      fields: {
        documentKind: 'foreign_permanent_2023',
        documentNumber: sampleCardImages['foreigner-2023'].number,
        // No Chinese name on the card: the Latin name, joined from its two ranges, stands in.
        name: 'VAN DER BERG-SCHOUTEN, JOHANNES ALEXANDER',
        latinName: 'VAN DER BERG-SCHOUTEN, JOHANNES ALEXANDER',
        sex: 'male',
        ethnicGroup: null,
      },
    });
  });

  it('never decodes the address or the issuing authority: they are not among the fields', () => {
    const parsed = parseCardBlock(sampleCardBlock('resident'), TODAY);
    expect(JSON.stringify(parsed)).not.toContain('示例路');
    expect(JSON.stringify(parsed)).not.toContain('公安局');
  });

  it('gives an expired card its kind and end date only', () => {
    expect(parseCardBlock(sampleCardBlock('resident-expired'), TODAY)).toEqual({ outcome: 'expired', documentKind: 'resident_id', expiredOn: '2025-06-01' });
    // The last day of validity is still valid.
    expect(parseCardBlock(residentWith({ validUntil: '20261206' }), TODAY)).toMatchObject({ outcome: 'valid' });
    expect(parseCardBlock(residentWith({ validUntil: '20261205' }), TODAY)).toMatchObject({ outcome: 'expired' });
  });

  it('strips NULs and control characters around a field, and reads 97/98 as no ethnic group from the list', () => {
    const block = residentWith({ name: '\u0000李建华\u0007', nation: '98' });
    expect(parseCardBlock(block, TODAY)).toMatchObject({ outcome: 'valid', fields: { name: '李建华', ethnicGroup: null } });
  });

  it('refuses malformed blocks with a typed reason, never throwing', () => {
    const refused = (block: Uint8Array) => parseCardBlock(block, TODAY);
    expect(refused(Buffer.alloc(255))).toEqual({ outcome: 'refused', refusal: 'block_size' });
    expect(refused(Buffer.alloc(0))).toEqual({ outcome: 'refused', refusal: 'block_size' });
    expect(refused(unknownKindBlock())).toEqual({ outcome: 'refused', refusal: 'card_kind_unknown' });
    expect(refused(residentWith({ number: withCheckCharacter('11010119900101123').slice(0, 17) + '0' }))).toMatchObject({ refusal: 'field_invalid', field: 'number' });
    // A number padded with a NUL (17 digits and a NUL): refused, not read as a shorter number.
    const padded = sampleCardBlock('resident');
    padded.writeUInt16LE(0, 122 + 34);
    expect(refused(padded)).toMatchObject({ refusal: 'field_invalid', field: 'number' });
    expect(refused(residentWith({ birthDate: '19900230' }))).toMatchObject({ field: 'birthDate' });
    expect(refused(residentWith({ birthDate: '19900102' }))).toMatchObject({ field: 'birthDate' });
    expect(refused(residentWith({ sex: '2' }))).toMatchObject({ field: 'sex' });
    expect(refused(residentWith({ sex: '9' }))).toMatchObject({ field: 'sex' });
    expect(refused(residentWith({ nation: '57' }))).toMatchObject({ field: 'nation' });
    expect(refused(residentWith({ validUntil: '2040011' }))).toMatchObject({ field: 'validUntil' });
    expect(refused(residentWith({ validFrom: '' }))).toMatchObject({ field: 'validFrom' });
    expect(refused(residentWith({ name: '   ' }))).toMatchObject({ field: 'name' });
    // A permit number on a card without the permit's flag is not a resident ID.
    expect(refused(residentWith({ number: sampleCardImages.permit.number }))).toMatchObject({ field: 'number' });
    expect(refused('not a block' as unknown as Uint8Array)).toEqual({ outcome: 'refused', refusal: 'block_size' });
  });

  it('reads the flag from the block itself: a resident layout under a J flag is checked as a permit', () => {
    const block = sampleCardBlock('resident');
    writeField(block, { start: 248, size: 2 }, 'J');
    expect(cardKindOf(block)).toBe('residence_permit');
    expect(parseCardBlock(block, TODAY)).toMatchObject({ outcome: 'refused', documentKind: 'residence_permit', field: 'number' });
    block.writeUInt16LE(0x4900, 248);
    expect(cardKindOf(block)).toBeNull();
  });

  it('trims fields of ASCII and ideographic spaces', () => {
    const block = Buffer.alloc(CARD_BLOCK_BYTES);
    writeField(block, residentLayout.name, '\u3000王 五\u3000');
    expect(fieldText(block, residentLayout.name)).toBe('王 五');
  });
});
