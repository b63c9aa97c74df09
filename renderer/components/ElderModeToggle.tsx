import { useT } from '../i18n/index';
import { useElderMode } from '../hooks/useElderMode';

/**
 * The visitor's one tap into (or out of) the elder-friendly mode: large text, high contrast, large
 * targets. It stays for this visitor and goes back to the station's default at the idle wipe.
 */
export function ElderModeToggle() {
  const { t } = useT();
  const { on, toggle } = useElderMode();
  return (
    <button type="button" className="elder-toggle" aria-pressed={on} title={t('elder:toggleHint')} onClick={toggle} data-testid="elder-toggle">
      <span className="elder-toggle__mark" aria-hidden="true">
        {on ? '✓' : 'A+'}
      </span>
      {t('elder:toggle')}
    </button>
  );
}
