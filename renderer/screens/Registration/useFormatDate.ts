import { useT } from '../../i18n/index';

/** A calendar date (YYYY-MM-DD) written out in the language on screen, e.g. 1990年3月7日 or March 7, 1990. */
export function useFormatDate(): (date: string) => string {
  const { i18n } = useT();
  // UTC on both sides, so that the day never shifts with the computer's time zone.
  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long', timeZone: 'UTC' });
  return (date) => {
    const moment = new Date(`${date}T00:00:00Z`);
    return Number.isNaN(moment.getTime()) ? date : format.format(moment);
  };
}

/** Today on the computer's calendar as YYYY-MM-DD (the latest birth date a date field offers). */
export function localToday(): string {
  const now = new Date();
  return [now.getFullYear(), now.getMonth() + 1, now.getDate()].map((part, index) => String(part).padStart(index === 0 ? 4 : 2, '0')).join('-');
}
