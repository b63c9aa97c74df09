import { foldFullwidthAscii } from '../../../shared/validation/fullwidth';

/** Yuan as staff type them: whole yuan, or yuan and one or two decimals (`1200`, `1200.5`, `1200.50`). */
const YUAN_TEXT = /^(\d{1,9})(?:\.(\d{1,2}))?$/;

/**
 * An amount typed in yuan as a whole number of fen (分), the unit every aid call takes. Full-width digits
 * from a Chinese input method count as digits and a thousands separator is ignored; anything else (three
 * decimals, letters, nothing) goes as NaN, so that the station names the field and says why.
 */
export function yuanTextToFen(text: string): number {
  const match = YUAN_TEXT.exec(foldFullwidthAscii(text).replaceAll(',', '').trim());
  if (!match) return Number.NaN;
  const [, whole = '0', decimals = ''] = match;
  return Number(whole) * 100 + Number(decimals.padEnd(2, '0'));
}

/** An amount in fen as yuan text for a field (`120050` → `1200.50`). */
export function fenToYuanText(fen: number): string {
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}
