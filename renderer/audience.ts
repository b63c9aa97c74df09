import { createContext, useCallback, useContext } from 'react';
import { useT } from './i18n/index';

/** Who reads the screen: the public at a kiosk, or signed-in staff (set by the app around every screen). */
export type Audience = 'public' | 'staff';

export const AudienceContext = createContext<Audience>('public');

/** The namespaces whose texts may have a staff wording under `staff.<key>`. */
type RefusalNamespace = 'errors' | 'validation';

/**
 * Translates an error code or a validation reason. Some general texts speak to a visitor ("please ask
 * staff"); for staff such a text has its own wording under `staff.<key>` in the same file, used when
 * staff are at the screen. Every other text is the same for both.
 */
export function useRefusalText(): (namespace: RefusalNamespace, key: string, params?: Record<string, string | number>) => string {
  const { t, i18n } = useT();
  const audience = useContext(AudienceContext);
  return useCallback(
    (namespace, key, params) => {
      const staffKey = `${namespace}:staff.${key}`;
      const chosen = audience === 'staff' && i18n.exists(staffKey) ? staffKey : `${namespace}:${key}`;
      // The key is built from a code or reason at run time; both namespaces translate every one of them.
      return t(chosen as 'errors:internal', params);
    },
    [audience, i18n, t],
  );
}
