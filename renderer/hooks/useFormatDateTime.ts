import { useT } from '../i18n/index';
import { STATION_TIME_ZONE } from '../../shared/domain/age';

/**
 * Formats an ISO timestamp for the language on screen (`medium` adds seconds), in the station's time
 * zone and on the 24-hour clock the session screens use: every screen shows a moment at the same hour,
 * whatever zone the computer happens to be set to.
 */
export function useFormatDateTime(timeStyle: 'short' | 'medium' = 'short'): (iso: string) => string {
  const { i18n } = useT();
  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle, hourCycle: 'h23', timeZone: STATION_TIME_ZONE });
  return (iso) => format.format(new Date(iso));
}
