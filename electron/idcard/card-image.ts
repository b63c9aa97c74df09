import {
  CARD_BLOCK_BYTES,
  cardFlags,
  FLAG_RANGE,
  foreigner2017Layout,
  foreigner2023Layout,
  permitLayout,
  residentLayout,
  type ByteRange,
} from './card-layout';

/**
 * Byte-exact text blocks built from a card's fields, the way a chip holds them: each field UCS-2LE,
 * padded with spaces to its range, the type flag at byte 248. The simulated reader serves them and the
 * tests parse them; dates are written YYYYMMDD (or 长期 for a long-term card), sex as '1' or '2'.
 */

/** A resident ID's printed fields. */
export interface ResidentCardImage {
  kind: 'resident_id';
  name: string;
  sex: CardSexCode;
  nation: string;
  birthDate: string;
  address: string;
  number: string;
  authority: string;
  validFrom: string;
  validUntil: string;
}

/** A Hong Kong, Macao or Taiwan residence permit's fields ('J'). */
export interface PermitCardImage extends Omit<ResidentCardImage, 'kind' | 'nation'> {
  kind: 'residence_permit';
  passNumber: string;
  issueCount: string;
}

/** A 2017 foreigner's permanent residence card's fields ('I'). */
export interface Foreigner2017CardImage {
  kind: 'foreign_permanent_2017';
  latinName: string;
  sex: CardSexCode;
  number: string;
  nationality: string;
  name: string;
  validFrom: string;
  validUntil: string;
  birthDate: string;
  version: string;
  authorityCode: string;
}

/** A 2023 foreigner's permanent residence card's fields ('Y'); a Latin name longer than 35 characters runs on. */
export interface Foreigner2023CardImage {
  kind: 'foreign_permanent_2023';
  name: string;
  sex: CardSexCode;
  renewals: string;
  birthDate: string;
  latinName: string;
  number: string;
  validFrom: string;
  validUntil: string;
  country: string;
  previousNumber: string;
}

/** The sex code as written: '1' male, '2' female (any other text makes a card the parser refuses). */
export type CardSexCode = '1' | '2' | (string & {});

export type CardImage = ResidentCardImage | PermitCardImage | Foreigner2017CardImage | Foreigner2023CardImage;

/** Writes `text` into its range, space-padded; text longer than the range is cut at the range's end. */
export function writeField(block: Buffer, field: ByteRange, text: string): void {
  const characters = field.size / 2;
  const padded = text.slice(0, characters).padEnd(characters, ' ');
  block.write(padded, field.start, field.size, 'utf16le');
}

function writeAll<L extends Record<string, ByteRange>>(block: Buffer, layout: L, values: Record<keyof L, string>): void {
  for (const name of Object.keys(layout) as Array<keyof L & string>) writeField(block, layout[name] as ByteRange, values[name]);
}

/** The 256-byte block of a card. The reserved bytes are spaces, as readers return them. */
export function buildCardBlock(image: CardImage): Buffer {
  const block = Buffer.alloc(CARD_BLOCK_BYTES);
  writeField(block, { start: 0, size: CARD_BLOCK_BYTES }, '');
  switch (image.kind) {
    case 'resident_id':
      writeAll(block, residentLayout, image);
      break;
    case 'residence_permit':
      writeAll(block, permitLayout, { ...image, nation: '' });
      break;
    case 'foreign_permanent_2017':
      writeAll(block, foreigner2017Layout, image);
      break;
    case 'foreign_permanent_2023': {
      const firstPart = foreigner2023Layout.latinName.size / 2;
      writeAll(block, foreigner2023Layout, { ...image, latinName: image.latinName.slice(0, firstPart), latinNameRest: image.latinName.slice(firstPart) });
      break;
    }
  }
  if (image.kind !== 'resident_id') writeField(block, FLAG_RANGE, cardFlags[image.kind]);
  return block;
}
