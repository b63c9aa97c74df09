import { useT } from '../i18n/index';
import { STATION_TIME_ZONE, stationDate } from '../../shared/domain/age';

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Formats a calendar date (`YYYY-MM-DD`: a birth date, the end of a cooling-off period) for the
 * language on screen. Staff screens use `medium` (Mar 7, 1990), as `useFormatDateTime` does for the
 * timestamps beside them; the kiosk writes the month out with `long` (March 7, 1990) for visitors.
 *
 * A calendar date has no time zone, so it is formatted in UTC, where it was parsed: the day never
 * shifts with the computer's zone. A full timestamp is shown as its date at the station, and a value
 * that is neither is shown as it came rather than breaking the screen.
 */
export function useFormatDate(dateStyle: 'medium' | 'long' = 'medium'): (date: string) => string {
  const { i18n } = useT();
  const calendarDay = new Intl.DateTimeFormat(i18n.language, { dateStyle, timeZone: 'UTC' });
  const stationDay = new Intl.DateTimeFormat(i18n.language, { dateStyle, timeZone: STATION_TIME_ZONE });
  return (date) => {
    const calendar = CALENDAR_DATE.test(date);
    const moment = new Date(calendar ? `${date}T00:00:00Z` : date);
    if (Number.isNaN(moment.getTime())) return date;
    return (calendar ? calendarDay : stationDay).format(moment);
  };
}

/** Today on the station's calendar as YYYY-MM-DD (the latest birth or donation date a date field offers). */
export function localToday(): string {
  return stationDate(new Date());
}
