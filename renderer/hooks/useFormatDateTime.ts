import { useT } from '../i18n/index';

/** Formats an ISO timestamp for the language on screen, in the station's local time. */
export function useFormatDateTime(): (iso: string) => string {
  const { i18n } = useT();
  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (iso) => format.format(new Date(iso));
}
