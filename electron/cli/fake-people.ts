import type { CallInput } from '../../shared/contract/calls';
import { addCalendarDays, ageOn, type CalendarDate } from '../../shared/domain/age';
import { CONSENT_TEXT_VERSION } from '../../shared/domain/consents';
import { organs, type Organ } from '../../shared/domain/programs';
import { createRandom } from '../../shared/random/seeded-random';
import { provinces, yunnanPrefectures } from '../../shared/reference/regions';
import { checkCharacter } from '../../shared/validation/identity-document';
import { sampleSignaturePng } from './sample-signature';

/**
 * Realistic fake registrants for demos (`cli seed`) and benchmarks: person number `index` of a run
 * seeded with `seed` is always the same registration input, whatever order people are made in, so a
 * seeded run is reproducible and a benchmark can regenerate any stored person's document number
 * without keeping a list. Pure: no clock, no I/O; the caller says which day ages are counted on.
 *
 * Every input passes the `registration:create` schema, and every person of one run (one `seed` and one
 * `today`) has a document number of their own: the birth date and the 3-digit sequence are not drawn
 * at random but derived from the index by a bijection (see {@link documentSlot}).
 */

export type FakeRegistration = CallInput<'registration:create'>;

export interface FakePeopleOptions {
  /** Seeds the run: the same seed gives the same people. */
  seed: number;
  /** The day ages are counted on (YYYY-MM-DD): everyone is 18–80 on it. */
  today: CalendarDate;
}

// ---- The deterministic random source (the PRNG is shared/random/seeded-random.ts) ----

/** Mixes two integers into a 32-bit seed (murmur3's finaliser), so neighbouring indexes get unrelated streams. */
function mix(a: number, b: number): number {
  let h = (Math.imul(a >>> 0, 0x9e3779b1) ^ (b >>> 0)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

type Random = () => number;

function pick<T>(random: Random, list: readonly T[]): T {
  const value = list[Math.floor(random() * list.length)];
  if (value === undefined) throw new RangeError('pick from an empty list');
  return value;
}

function digits(random: Random, count: number): string {
  let text = '';
  for (let i = 0; i < count; i += 1) text += String(Math.floor(random() * 10));
  return text;
}

// ---- Document numbers: unique per index ----

/**
 * Birth dates lie in a window of this many days ending {@link YOUNGEST_DAYS} before `today`. 18 years
 * are at most 6 575 days and 81 years at least 29 584, so with these figures everyone is 18 (with
 * some days to spare, should a run straddle midnight) and nobody has turned 81.
 */
const YOUNGEST_DAYS = 6_588;
const BIRTH_WINDOW_DAYS = 22_980;
/** Sequences 001–999 (000 is not issued). */
const SEQUENCES = 999;
/** How many distinct (birth date, sequence) slots one run has: the most people a run can make. */
export const MAX_FAKE_PEOPLE = BIRTH_WINDOW_DAYS * SEQUENCES;
/** Coprime with MAX_FAKE_PEOPLE (2² · 3⁴ · 5 · 37 · 383), so multiplying by it permutes the slots. */
const SLOT_STRIDE = 9_999_991;

/**
 * The index's (birth-day offset, sequence) slot: `index · stride + offset mod slots` is a bijection on
 * the slots, so two indexes below {@link MAX_FAKE_PEOPLE} never share a birth date and sequence (hence
 * never a document number), while consecutive indexes land far apart (realistic spread of ages and
 * sexes). The seed shifts the permutation, so two seeds give different people.
 */
function documentSlot(index: number, seed: number): { dayOffset: number; sequence: string } {
  if (!Number.isSafeInteger(index) || index < 0 || index >= MAX_FAKE_PEOPLE) {
    throw new RangeError(`fake person index out of range: ${index} (0–${MAX_FAKE_PEOPLE - 1})`);
  }
  // index · stride stays below 2^53 (2.3e7 · 1e7), so the arithmetic is exact.
  const slot = (index * SLOT_STRIDE + (mix(seed, 0x5eed) % MAX_FAKE_PEOPLE)) % MAX_FAKE_PEOPLE;
  return { dayOffset: slot % BIRTH_WINDOW_DAYS, sequence: String(1 + Math.floor(slot / BIRTH_WINDOW_DAYS)).padStart(3, '0') };
}

function withCheckCharacter(first17: string): string {
  const check = checkCharacter(first17);
  if (check === null) throw new RangeError(`not 17 digits: ${first17}`);
  return first17 + check;
}

/** Districts (last two digits of the address code) as real codes have them: 01 the city, 02… its districts. */
const DISTRICTS = ['01', '02', '03', '11', '12', '21', '22', '23', '24', '25', '26', '27', '28'] as const;
const MAINLAND_PROVINCES = provinces.map((province) => province.code).filter((code) => Number(code) >= 11 && Number(code) <= 65);

/** An address code: most registrants of a Yunnan station are from Yunnan's prefectures, the rest from anywhere. */
function addressCode(random: Random): string {
  if (random() < 0.6) return pick(random, yunnanPrefectures).code + pick(random, DISTRICTS);
  return `${pick(random, MAINLAND_PROVINCES)}01${pick(random, DISTRICTS)}`;
}

/** Residence permits of Hong Kong, Macao and Taiwan residents, with a phone of their home region. */
const RESIDENCE_PERMITS = [
  { prefix: '810000', phone: (random: Random) => `+852${pick(random, ['5', '6', '9'])}${digits(random, 7)}` },
  { prefix: '820000', phone: (random: Random) => `+8536${digits(random, 7)}` },
  { prefix: '830000', phone: (random: Random) => `+8869${digits(random, 8)}` },
] as const;

// ---- Names, phones, ethnic groups ----

const SURNAMES = [
  '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗',
  '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾', '肖', '田', '董', '袁', '潘', '于', '蒋', '蔡',
  '余', '杜', '叶', '程', '苏', '魏', '吕', '丁', '任', '沈', '姚', '卢', '姜', '崔', '钟', '谭', '陆', '汪', '范', '金',
  '石', '廖', '贾', '夏', '韦', '付', '方', '白', '邹', '孟', '熊', '秦', '邱', '江', '尹', '薛', '段', '雷', '侯', '龙',
  '史', '陶', '黎', '贺', '顾', '毛', '郝', '龚', '邵', '万', '钱', '严', '覃', '武', '戴', '莫', '孔', '向', '汤', '普',
] as const;
const COMPOUND_SURNAMES = ['欧阳', '司马', '诸葛', '上官', '皇甫', '东方', '令狐', '慕容'] as const;
const MALE_GIVEN = [
  '伟', '强', '磊', '军', '勇', '杰', '涛', '斌', '超', '明', '刚', '平', '辉', '鹏', '华', '飞', '鑫', '波', '宇', '浩',
  '建国', '建华', '志强', '志明', '俊杰', '子轩', '浩然', '宇航', '文博', '国庆', '海涛', '晓东', '永红', '家豪', '天佑', '思远',
] as const;
const FEMALE_GIVEN = [
  '芳', '娜', '敏', '静', '丽', '艳', '娟', '霞', '秀英', '桂英', '玉兰', '丽华', '婷', '雪', '琳', '颖', '倩', '洁', '慧', '燕',
  '欣怡', '梓涵', '诗涵', '雨欣', '晓燕', '春梅', '海燕', '美玲', '佳怡', '思琪', '子涵', '淑珍', '红梅', '雅婷', '梦瑶', '嘉欣',
] as const;
/**
 * Given names with characters outside the Basic Multilingual Plane (𠮷 U+20BB7, 𡈼 U+2123C): a name
 * field that counts UTF-16 units or a font without CJK Extension B shows them wrongly.
 */
const RARE_GIVEN = ['𠮷祥', '𠮷庆', '文𠮷', '𡈼玉', '𡈼华', '丽𡈼'] as const;
/**
 * Uyghur and Kazakh names in Chinese, given name and father's name joined by the middle dot, as the
 * resident ID writes them.
 */
const DOTTED_NAME_PARTS = [
  '阿依古丽', '买买提', '艾力', '古丽娜尔', '吐尔逊', '艾尔肯', '阿不都拉', '帕提古丽', '热合曼', '迪丽拜尔',
  '玉素甫', '依明', '米热古丽', '努尔兰', '叶尔兰', '阿依努尔', '托合提', '热依拉',
] as const;
/** Ethnic groups common in Yunnan besides the Han: Yi, Bai, Hani, Dai, Lisu, Naxi, Miao, Zhuang, Hui. */
const YUNNAN_GROUPS = ['07', '14', '16', '18', '20', '27', '06', '08', '03'] as const;

/** A registrant's name and ethnic group, and how to name people of their family. */
interface Naming {
  name: string;
  ethnicGroup: string;
  /** A relative's or friend's name that fits the registrant's (same surname for a relative). */
  relative(random: Random, sex: 'male' | 'female'): string;
  friend(random: Random, sex: 'male' | 'female'): string;
}

function dottedName(random: Random): string {
  const first = pick(random, DOTTED_NAME_PARTS);
  const second = pick(random, DOTTED_NAME_PARTS);
  return second === first ? `${first}·买买提` : `${first}·${second}`;
}

function hanName(random: Random, sex: 'male' | 'female', surname: string = pick(random, SURNAMES)): string {
  return surname + pick(random, sex === 'male' ? MALE_GIVEN : FEMALE_GIVEN);
}

function naming(random: Random, sex: 'male' | 'female'): Naming {
  const kind = random();
  if (kind < 0.01) {
    return { name: dottedName(random), ethnicGroup: random() < 0.8 ? '05' : '17', relative: dottedName, friend: dottedName };
  }
  const surname = random() < 0.02 ? pick(random, COMPOUND_SURNAMES) : pick(random, SURNAMES);
  const given = kind < 0.015 ? pick(random, RARE_GIVEN) : pick(random, sex === 'male' ? MALE_GIVEN : FEMALE_GIVEN);
  return {
    name: surname + given,
    ethnicGroup: random() < 0.85 ? '01' : pick(random, YUNNAN_GROUPS),
    relative: (r, s) => hanName(r, s, surname),
    friend: (r, s) => hanName(r, s),
  };
}

/** Mobile number prefixes in use (China Mobile, Unicom, Telecom, Broadnet). */
const MOBILE_PREFIXES = [
  '130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '153', '155', '157', '158', '159',
  '166', '172', '176', '177', '178', '180', '181', '182', '183', '185', '186', '187', '188', '189', '191', '192', '198', '199',
] as const;

function mobile(random: Random): string {
  return pick(random, MOBILE_PREFIXES) + digits(random, 8);
}

/** A Kunming landline (area code 0871, local numbers of 8 digits beginning 6). */
function landline(random: Random): string {
  return `0871-6${digits(random, 7)}`;
}

/** A phone unlike every phone in `taken`, so that emergency contacts never repeat the volunteer's own. */
function otherPhone(random: Random, taken: readonly string[], make: (random: Random) => string): string {
  for (;;) {
    const phone = make(random);
    if (!taken.includes(phone)) return phone;
  }
}

// ---- Programs ----

const BLOOD_TYPES = ['A+', 'B+', 'O+', 'AB+', 'A+', 'B+', 'O+', 'O-', 'A-', 'unknown'] as const;

function organSubset(random: Random): Organ[] {
  const chosen = organs.filter(() => random() < 0.45);
  return chosen.length === 0 || chosen.length === organs.length ? ['kidney', 'liver'] : chosen;
}

type Choice = FakeRegistration['programs'][number];

function bodyChoice(random: Random, names: Naming, today: CalendarDate): Choice {
  if (random() < 0.5) return { program: 'body', paperwork: null };
  // The executor is a relative with a resident ID of their own; any valid number will do.
  const birth = addCalendarDays(today, -(9_000 + Math.floor(random() * 12_000))).replaceAll('-', '');
  const executorId = withCheckCharacter(`${addressCode(random)}${birth}${String(1 + Math.floor(random() * 999)).padStart(3, '0')}`);
  return {
    program: 'body',
    paperwork: {
      executor: { kind: 'relative', name: names.relative(random, 'male'), phone: mobile(random), document: { kind: 'resident_id', number: executorId } },
      relatives: [{ relation: 'spouse', name: names.friend(random, 'female'), agrees: true }],
      noCloseRelatives: false,
    },
  };
}

function stemCellChoice(random: Random, ownPhone: string, names: Naming): Choice {
  const first = otherPhone(random, [ownPhone], mobile);
  const second = otherPhone(random, [ownPhone, first], random() < 0.3 ? landline : mobile);
  return {
    program: 'stem_cell',
    healthScreenPassed: true,
    bloodType: pick(random, BLOOD_TYPES),
    emergencyContacts: [
      { name: names.relative(random, 'male'), relation: 'relative', phone: first },
      { name: names.friend(random, 'female'), relation: 'friend', phone: second },
    ],
  };
}

/**
 * What a person registers: organ (all or some), cornea, body (often with cornea), or, for volunteers
 * of stem-cell age, a stem-cell sign-up (sometimes with organ donation too).
 */
function programChoices(random: Random, context: { stemCellAge: boolean; phone: string; names: Naming; today: CalendarDate }): Choice[] {
  const roll = random();
  if (context.stemCellAge && roll < 0.15) {
    const stemCell = stemCellChoice(random, context.phone, context.names);
    return random() < 0.3 ? [stemCell, { program: 'organ', organs: { kind: 'all' } }] : [stemCell];
  }
  if (roll < 0.45) return [{ program: 'organ', organs: { kind: 'all' } }, { program: 'cornea' }];
  if (roll < 0.6) return [{ program: 'organ', organs: { kind: 'all' } }];
  if (roll < 0.7) return [{ program: 'organ', organs: { kind: 'selected', organs: organSubset(random) } }];
  if (roll < 0.8) return [{ program: 'cornea' }];
  if (roll < 0.95) return [bodyChoice(random, context.names, context.today), { program: 'cornea' }];
  return [bodyChoice(random, context.names, context.today)];
}

/** The stem-cell age range of the default settings (18–45), checked a fortnight ahead to leave room. */
const STEM_CELL_MAX_AGE = 45;
const STEM_CELL_MARGIN_DAYS = 14;

// ---- The person ----

/** The birth date and document number of person `index`: cheap, for callers that need only these. */
export function fakeDocument(index: number, options: FakePeopleOptions): { kind: 'resident_id' | 'residence_permit'; number: string; birthDate: CalendarDate } {
  const random = createRandom(mix(options.seed, index));
  const { dayOffset, sequence } = documentSlot(index, options.seed);
  const birthDate = addCalendarDays(options.today, -(YOUNGEST_DAYS + dayOffset));
  // About one registrant in a hundred holds a residence permit of Hong Kong, Macao or Taiwan.
  const permit = random() < 0.01 ? pick(random, RESIDENCE_PERMITS) : null;
  const address = permit?.prefix ?? addressCode(random);
  return {
    kind: permit ? 'residence_permit' : 'resident_id',
    number: withCheckCharacter(`${address}${birthDate.replaceAll('-', '')}${sequence}`),
    birthDate,
  };
}

/** Person number `index` of the run: a complete `registration:create` input. */
export function fakeRegistration(index: number, options: FakePeopleOptions): FakeRegistration {
  const document = fakeDocument(index, options);
  // A second stream for everything but the document, so fakeDocument stays a prefix of the work.
  const random = createRandom(mix(options.seed ^ 0x7f4a7c15, index));
  const sex = Number(document.number.charAt(16)) % 2 === 1 ? 'male' : 'female';
  const permit = RESIDENCE_PERMITS.find((entry) => document.number.startsWith(entry.prefix));
  const names = naming(random, sex);
  const phone = permit && random() < 0.7 ? permit.phone(random) : mobile(random);
  const stemCellAge = ageOn(document.birthDate, addCalendarDays(options.today, STEM_CELL_MARGIN_DAYS)) <= STEM_CELL_MAX_AGE;
  return {
    person: {
      document: { kind: document.kind, number: document.number },
      name: names.name,
      phone,
      // Residence permits do not record the ethnic group; resident IDs do.
      ethnicGroup: permit ? null : names.ethnicGroup,
    },
    programs: programChoices(random, { stemCellAge, phone, names, today: options.today }),
    consents: {
      textVersion: CONSENT_TEXT_VERSION,
      donation_intent: true,
      provincial_sync: random() < 0.9,
      follow_up_contact: random() < 0.7,
      memorial_publication: random() < 0.4,
    },
    // Most sign on the screen; some on the paper form at the desk.
    signature: random() < 0.85 ? { kind: 'drawn', image: sampleSignaturePng() } : { kind: 'paper' },
  };
}
