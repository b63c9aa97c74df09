import { useT } from '../i18n/index';
import { findRegion } from '../../shared/reference/regions';

/** A region's name in the language on screen (the reference list carries both). */
export function useRegionName(): (code: string) => string {
  const { i18n } = useT();
  return (code) => {
    const region = findRegion(code);
    if (!region) return code;
    return i18n.language === 'en' ? region.en : region.zh;
  };
}
