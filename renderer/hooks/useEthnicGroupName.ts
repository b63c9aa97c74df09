import { useT } from '../i18n/index';
import { findEthnicGroup } from '../../shared/validation/ethnic-group';

/** An ethnic group's name in the language on screen (the reference list carries both); an unknown code is shown as recorded. */
export function useEthnicGroupName(): (code: string) => string {
  const { i18n } = useT();
  return (code) => {
    const group = findEthnicGroup(code);
    if (!group) return code;
    return i18n.language === 'en' ? group.en : group.zh;
  };
}
