import { useT } from '../i18n/index';
import { STATION_TIME_ZONE } from '../../shared/domain/age';

/**
 * Dates, times and figures of sessions for the language on screen. Times are the station's (Beijing),
 * whatever zone the computer showing them is set to: a session at 09:00 is at 09:00 for everyone.
 */
export function useSessionFormat() {
  const { t, i18n } = useT();
  const language = i18n.language;
  const day = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: STATION_TIME_ZONE });
  const longDay = new Intl.DateTimeFormat(language, { dateStyle: 'full', timeZone: STATION_TIME_ZONE });
  const clock = new Intl.DateTimeFormat(language, { timeStyle: 'short', hourCycle: 'h23', timeZone: STATION_TIME_ZONE });
  const moment = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23', timeZone: STATION_TIME_ZONE });
  const percent = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 });
  const decimal = new Intl.NumberFormat(language, { maximumFractionDigits: 2 });
  return {
    day: (iso: string) => day.format(new Date(iso)),
    longDay: (iso: string) => longDay.format(new Date(iso)),
    time: (iso: string) => clock.format(new Date(iso)),
    moment: (iso: string) => moment.format(new Date(iso)),
    timeRange: (startsAt: string, endsAt: string) => t('sessions:timeRange', { start: clock.format(new Date(startsAt)), end: clock.format(new Date(endsAt)) }),
    percent: (share: number) => percent.format(share),
    decimal: (value: number) => decimal.format(value),
  };
}
