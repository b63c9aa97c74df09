import { useT } from '../../i18n/index';

/** Formats an amount in fen as yuan in the language on screen (`¥1,200.50`, `CN¥1,200.50`). */
export function useFormatYuan(): (fen: number) => string {
  const { i18n } = useT();
  const format = new Intl.NumberFormat(i18n.language, { style: 'currency', currency: 'CNY', minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return (fen) => format.format(fen / 100);
}
