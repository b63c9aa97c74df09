import { useT } from '../i18n/index';

/** Numbers, shares and months in the language on screen. */
export function useFiguresFormat() {
  const { i18n } = useT();
  const language = i18n.language;
  const whole = new Intl.NumberFormat(language, { maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat(language, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  // Reach shares are small (0.54 %): two decimals keep them readable.
  const percent = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 2 });
  const month = new Intl.DateTimeFormat(language, { year: 'numeric', month: 'short', timeZone: 'UTC' });
  return {
    whole: (value: number) => whole.format(value),
    decimal: (value: number) => decimal.format(value),
    percent: (share: number) => percent.format(share),
    /** `2026-01` → 2026年1月 / Jan 2026. */
    month: (yearMonth: string) => month.format(new Date(Date.UTC(Number(yearMonth.slice(0, 4)), Number(yearMonth.slice(5, 7)) - 1, 1))),
  };
}
