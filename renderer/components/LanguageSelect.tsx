import { useT } from '../i18n/index';
import { isLanguage, languages, type Language } from '../../shared/i18n/languages';

/** The language a document is printed in, each named in itself. */
export function LanguageSelect({ id, value, onChange }: { id: string; value: Language; onChange: (language: Language) => void }) {
  const { t } = useT();
  return (
    <select id={id} value={value} onChange={(e) => isLanguage(e.target.value) && onChange(e.target.value)}>
      {languages.map((language) => (
        <option key={language} value={language} lang={language}>
          {t(`common:language.${language}`)}
        </option>
      ))}
    </select>
  );
}
