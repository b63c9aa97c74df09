import { useT } from '../../i18n/index';

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Formats a calendar date (`YYYY-MM-DD`, e.g. a birth date or the end of the cooling-off period) for
 * the language on screen. A calendar date has no time zone, so it is formatted as that very day (in
 * UTC, where it was parsed); a full timestamp is shown as its date at the station.
 */
export function useFormatDate(): (date: string) => string {
  const { i18n } = useT();
  const calendarDay = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeZone: 'UTC' });
  const localDay = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });
  return (date) => {
    if (CALENDAR_DATE.test(date)) return calendarDay.format(new Date(`${date}T00:00:00Z`));
    const moment = new Date(date);
    return Number.isNaN(moment.getTime()) ? date : localDay.format(moment);
  };
}
