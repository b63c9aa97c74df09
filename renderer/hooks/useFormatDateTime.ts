import { useT } from '../i18n/index';

/** Formats an ISO timestamp for the language on screen, in the station's local time (`medium` adds seconds). */
export function useFormatDateTime(timeStyle: 'short' | 'medium' = 'short'): (iso: string) => string {
  const { i18n } = useT();
  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle });
  return (iso) => format.format(new Date(iso));
}
