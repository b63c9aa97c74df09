import { switchLanguage, useT } from '../i18n/index';
import { languages } from '../../shared/i18n/languages';

/** Switches every text on screen at once; each language names itself. */
export function LanguageSwitch() {
  const { t, i18n } = useT();
  return (
    <div className="language-switch" role="group" aria-label={t('language.label')}>
      {languages.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          aria-pressed={i18n.language === language}
          onClick={() => switchLanguage(language)}
        >
          {t(`language.${language}`)}
        </button>
      ))}
    </div>
  );
}
