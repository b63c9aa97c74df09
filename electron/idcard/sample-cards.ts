import { checkCharacter } from '../../shared/validation/identity-document';
import { buildCardBlock, type CardImage } from './card-image';

/**
 * Cards of fictional people for the simulated reader and the tests: one of each kind the station knows,
 * a long-term card, an expired one and one with an unknown type flag. Every number is valid (its check
 * character computed here), so a card reads exactly as a real one would.
 */

/** 17 digits and their GB 11643 check character. */
export function withCheckCharacter(first17: string): string {
  const check = checkCharacter(first17);
  if (check === null) throw new Error(`not 17 digits: ${first17}`);
  return `${first17}${check}`;
}

const common = { address: '云南省昆明市五华区示例路1号', authority: '昆明市公安局五华分局' };

/** The sample cards by the name the simulator's `place` command takes. */
export const sampleCardImages = {
  resident: {
    kind: 'resident_id',
    name: '李建华',
    sex: '1',
    nation: '01',
    birthDate: '19900101',
    number: withCheckCharacter('11010119900101123'),
    validFrom: '20200115',
    validUntil: '20400115',
    ...common,
  },
  'resident-female': {
    kind: 'resident_id',
    name: '杨秀英',
    sex: '2',
    nation: '07',
    birthDate: '19680615',
    number: withCheckCharacter('53010219680615002'),
    validFrom: '20180301',
    validUntil: '长期',
    ...common,
  },
  'resident-expired': {
    kind: 'resident_id',
    name: '王志强',
    sex: '1',
    nation: '03',
    birthDate: '19751120',
    number: withCheckCharacter('44051319751120503'),
    validFrom: '20050601',
    validUntil: '20250601',
    ...common,
  },
  permit: {
    kind: 'residence_permit',
    name: '陈嘉欣',
    sex: '2',
    birthDate: '19920304',
    number: withCheckCharacter('81000019920304002'),
    validFrom: '20220801',
    validUntil: '20270801',
    passNumber: 'H12345678',
    issueCount: '01',
    ...common,
  },
  'foreigner-2017': {
    kind: 'foreign_permanent_2017',
    latinName: 'MARTIN, CLAIRE',
    sex: '2',
    number: 'CAN310085070112',
    nationality: 'CAN',
    name: '马克莱',
    validFrom: '20190510',
    validUntil: '20290510',
    birthDate: '19850701',
    version: '01',
    authorityCode: '1500',
  },
  'foreigner-2023': {
    kind: 'foreign_permanent_2023',
    name: '',
    sex: '1',
    renewals: '00',
    birthDate: '19810803',
    latinName: 'VAN DER BERG-SCHOUTEN, JOHANNES ALEXANDER',
    number: withCheckCharacter('95352819810803003'),
    validFrom: '20240110',
    validUntil: '20340110',
    country: 'NLD',
    previousNumber: '',
  },
} satisfies Record<string, CardImage>;

export type SampleCardName = keyof typeof sampleCardImages;
export const sampleCardNames = Object.keys(sampleCardImages) as SampleCardName[];

/** The byte-exact block of a sample card. */
export function sampleCardBlock(name: SampleCardName): Buffer {
  return buildCardBlock(sampleCardImages[name]);
}

/** A block whose type flag is none the station knows ('Z'): what a future card would look like. */
export function unknownKindBlock(): Buffer {
  const block = sampleCardBlock('resident');
  block.write('Z', 248, 2, 'utf16le');
  return block;
}
