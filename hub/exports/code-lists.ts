/**
 * The national code lists the exports use (`docs/platforms/README`-level detail lives in each platform's
 * note), converted from the station's own vocabulary (docs/sync-protocol.md §5.3). Each conversion returns
 * the code as text, or null when the station's value has no code in the list.
 */

/** GB/T 2261.1-2003 sex: 1 男, 2 女; 0 未知 when the record names none. */
export function sexCode(sex: string | null): string {
  if (sex === 'male') return '1';
  if (sex === 'female') return '2';
  return '0';
}

/** WMDA/EMDIS D_SEX (CMDP's international vocabulary): M or F, null when unknown. */
export function wmdaSex(sex: string | null): string | null {
  if (sex === 'male') return 'M';
  if (sex === 'female') return 'F';
  return null;
}

/**
 * WS 364.3 CV02.01.101 identity-document type: 01 居民身份证, 03 护照, 06 港澳居民来往内地通行证,
 * 07 台湾居民来往大陆通行证. The residence permit and both permanent-residence cards have no code in the
 * list: 99 其他, with the station's kind beside it (`localDocumentKind`).
 */
export function documentTypeCode(documentKind: string): string {
  switch (documentKind) {
    case 'resident_id':
      return '01';
    case 'passport':
      return '03';
    case 'hk_macao_travel_permit':
      return '06';
    case 'taiwan_travel_permit':
      return '07';
    default:
      return '99';
  }
}

/**
 * GB/T 2659 (ISO 3166 numeric) nationality, from what the document itself tells: 156 for the resident ID;
 * 344 Hong Kong, 446 Macao, 158 Taiwan from the residence permit's address code or the travel permit's
 * letter; the 2023 permanent-residence card's digits 4–6. Null when the document does not tell (a passport,
 * the 2017 card's alpha-3 code).
 */
export function nationalityCode(documentKind: string, documentNumber: string): string | null {
  switch (documentKind) {
    case 'resident_id':
      return '156';
    case 'residence_permit':
      return { '81': '344', '82': '446', '83': '158' }[documentNumber.slice(0, 2)] ?? null;
    case 'hk_macao_travel_permit':
      return documentNumber.startsWith('H') ? '344' : documentNumber.startsWith('M') ? '446' : null;
    case 'taiwan_travel_permit':
      return '158';
    case 'foreign_permanent_2023':
      return /^9\d{5}/.test(documentNumber) ? documentNumber.slice(3, 6) : null;
    default:
      return null;
  }
}

/** GB/T 3304 ethnic group: the station keeps the two-digit code already; null for foreign documents. */
export function ethnicGroupCode(ethnicGroup: string | null): string | null {
  return ethnicGroup !== null && /^\d{2}$/.test(ethnicGroup) ? ethnicGroup : null;
}

/** GB/T 2260 region of a resident ID's address code (its first six digits); null for other documents. */
export function documentRegionCode(documentKind: string, documentNumber: string): string | null {
  return documentKind === 'resident_id' && /^\d{6}/.test(documentNumber) ? documentNumber.slice(0, 6) : null;
}

/**
 * GB/T 4761-2008 family relation: 10 配偶, 50 父母, 97 其他亲属, 99 非亲属. The station records an adult
 * child without telling son (20) from daughter (30), a relative without its degree: both are 97.
 */
export function relationCode(relation: string): string {
  switch (relation) {
    case 'spouse':
      return '10';
    case 'parent':
      return '50';
    case 'friend':
      return '99';
    default:
      return '97';
  }
}

/** A date `YYYY-MM-DD` as the eight digits WS 363 D8 wants; null stays null. */
export function d8(date: string | null): string | null {
  return date === null ? null : date.replaceAll('-', '');
}

/** China Standard Time (UTC+8, no daylight saving) offset in milliseconds. */
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The day of a moment in China Standard Time, as D8 (`20261120`). */
export function chinaDay(moment: string): string {
  return new Date(Date.parse(moment) + CHINA_OFFSET_MS).toISOString().slice(0, 10).replaceAll('-', '');
}

/** The organs of the 2024 regulations (Art. 2), as the platforms name them. */
export const ORGAN_NAMES: Readonly<Record<string, string>> = {
  heart: '心脏',
  lung: '肺脏',
  liver: '肝脏',
  kidney: '肾脏',
  pancreas: '胰腺',
  small_intestine: '小肠',
};

/** A registration's state as the register's status: 有效, 已撤销 or 已实现 (a donation carried out). */
export function registrationStatus(state: string): string {
  if (state === 'withdrawn') return '已撤销';
  if (state === 'realised') return '已实现';
  return '有效';
}

/** ABO and Rh of the station's blood type (`O+`, `AB-`, `unknown`) in WMDA's D_ABO vocabulary. */
export function bloodGroup(bloodType: string | null): { abo: string | null; rh: string | null } {
  const match = bloodType === null ? null : /^(A|B|AB|O)([+-])$/.exec(bloodType);
  return match === null ? { abo: null, rh: null } : { abo: match[1]!, rh: match[2]! };
}

/**
 * The station's stem-cell status as WMDA's D_STATUS and D_STAT_REASON: a withdrawn volunteer is DE
 * (deleted) for a personal reason (PR); every other status is AV (available).
 */
export function wmdaStatus(stemCellStatus: string | null, state: string): { status: string; reason: string | null } {
  if (state === 'withdrawn' || stemCellStatus === 'withdrawn') return { status: 'DE', reason: 'PR' };
  return { status: 'AV', reason: null };
}
