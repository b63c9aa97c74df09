import { pinyin } from 'pinyin-pro';
import { foldForNameSearch } from '../../../shared/domain/memorial-names';

/**
 * The search keys of a memorial name, computed once when the entry is stored (pinyin-pro stays in the
 * main process; the renderer never converts anything). A name is found by any run of its characters,
 * by the start of its pinyin (`zhangx`) and by the start of its pinyin initials (`zxm`).
 *
 * A surname is read as a surname (pinyin-pro's surname mode: 单 shan, 曾 zeng, 解 xie, 仇 qiu, 区 ou,
 * 查 zha), but people also type the everyday reading (dan, ceng, jie), so the other readings of an
 * ambiguous character are kept as further variants: both readings find the name.
 */

/** Readings kept for the first character (the surname, where the ambiguity matters most) and for the others. */
const SURNAME_READINGS = 4;
const GIVEN_NAME_READINGS = 2;
/** Spellings kept per name: the contextual reading first, then those that differ from it in the fewest characters. */
const MAX_SPELLINGS = 8;

/** One syllable of a Chinese name (its readings, the contextual one first), or one word of a Latin-script name. */
type Unit = readonly string[];

const LATIN_LETTER = /^\p{Script=Latin}$/u;

/**
 * Characters names are written with that pinyin-pro cannot read, each with the common character it is
 * a form of and read as: 𠮷 (U+20BB7, 吉 with 土 on top, outside the basic plane) is read ji, like 吉.
 * Without this a name such as 𠮷野·家 would have no syllable for it, and `jyj` would not find it.
 */
const READ_AS: ReadonlyMap<string, string> = new Map([['\u{20BB7}', '吉']]);

/** The name with each character of {@link READ_AS} written as the common form it is read as. */
function asReadable(name: string): string {
  return Array.from(name.normalize('NFC'), (character) => READ_AS.get(character) ?? character).join('');
}

/** The name cut into units: Chinese characters pinyin-pro can read, and Latin words; anything else separates. */
function unitsOf(name: string): Unit[] {
  const units: Unit[] = [];
  let word = '';
  const endWord = () => {
    if (word !== '') units.push([word.toLowerCase()]);
    word = '';
  };
  for (const part of pinyin(asReadable(name), { mode: 'surname', toneType: 'none', type: 'all' })) {
    if (part.isZh && part.pinyin !== '') {
      endWord();
      const others = pinyin(part.origin, { multiple: true, toneType: 'none', type: 'array' });
      const limit = units.length === 0 ? SURNAME_READINGS : GIVEN_NAME_READINGS;
      units.push([...new Set([part.pinyin, ...others])].filter((reading) => reading !== '').slice(0, limit));
    } else if (LATIN_LETTER.test(part.origin)) {
      word += part.origin;
    } else {
      endWord();
    }
  }
  endWord();
  return units;
}

/**
 * The readings of a name, each a list of syllables: the contextual reading first, then the readings
 * that differ from it in one unit, then in two, and so on, up to {@link MAX_SPELLINGS}.
 */
function readingsOf(units: Unit[]): string[][] {
  const found: string[][] = [];
  const ambiguous = units.map((unit, index) => (unit.length > 1 ? index : -1)).filter((index) => index >= 0);
  // Choose `changes` of the ambiguous units to read otherwise, in order, until enough spellings are found.
  const visit = (from: number, changes: number, chosen: Map<number, number>): void => {
    if (found.length >= MAX_SPELLINGS) return;
    if (changes === 0) {
      found.push(units.map((unit, index) => unit[chosen.get(index) ?? 0]!));
      return;
    }
    for (let i = from; i < ambiguous.length; i += 1) {
      const index = ambiguous[i]!;
      for (let reading = 1; reading < units[index]!.length; reading += 1) {
        visit(i + 1, changes - 1, new Map(chosen).set(index, reading));
        if (found.length >= MAX_SPELLINGS) return;
      }
    }
  };
  for (let changes = 0; changes <= ambiguous.length && found.length < MAX_SPELLINGS; changes += 1) visit(0, changes, new Map());
  return found;
}

/** The pinyin initials of a name, one per reading kept (`单雄信` → `sxx`, `dxx`, …), the contextual one first. */
export function pinyinInitials(name: string): string[] {
  return initialsOf(readingsOf(unitsOf(name)));
}

/**
 * The whole pinyin of a name, one per reading kept (`曾国藩` → `zengguofan`, `cengguofan`, …). `ü` is
 * kept both as `v` (as pinyin keyboards type it) and as `u` (as people often write it).
 */
export function pinyinSpellings(name: string): string[] {
  return spellingsOf(readingsOf(unitsOf(name)));
}

function initialsOf(readings: string[][]): string[] {
  const initials = readings.map((syllables) => foldForNameSearch(syllables.map((syllable) => syllable[0] ?? '').join('')));
  return [...new Set(initials)].filter((key) => key !== '');
}

function spellingsOf(readings: string[][]): string[] {
  const spellings = readings.map((syllables) => syllables.join(''));
  const keyed = spellings.flatMap((spelling) => [foldForNameSearch(spelling), foldForNameSearch(spelling.replace(/ü/gu, 'u'))]);
  return [...new Set(keyed)].filter((key) => key !== '');
}

export interface NameSearchKeys {
  /** Every key a search may start with: the suffixes of the folded name, its spellings and initials. */
  keys: string[];
  /** Orders names within a year as a printed list would: by pinyin, then by the name itself. */
  sortKey: string;
}

/** Every run of characters a name ends with, folded (`张晓明` → `张晓明`, `晓明`, `明`). */
function suffixesOf(name: string): string[] {
  const characters = Array.from(foldForNameSearch(name));
  return characters.map((_, index) => characters.slice(index).join(''));
}

/**
 * The search keys and sort key of a name, as stored with a published entry. A name with a character of
 * {@link READ_AS} is also found by the common form (`吉野家` finds 𠮷野·家), which any keyboard can type.
 */
export function nameSearchKeys(name: string): NameSearchKeys {
  const folded = foldForNameSearch(name);
  const suffixes = [...suffixesOf(name), ...suffixesOf(asReadable(name))];
  const readings = readingsOf(unitsOf(name));
  const primary = readings[0] ?? [];
  return {
    keys: [...new Set([...suffixes, ...spellingsOf(readings), ...initialsOf(readings)])],
    sortKey: `${primary.join(' ')}|${folded}`,
  };
}

/** The range of keys a folded search matches: every key that starts with it. */
export function keyRange(foldedQuery: string): { from: string; to: string } {
  return { from: foldedQuery, to: `${foldedQuery}\u{10FFFF}` };
}
