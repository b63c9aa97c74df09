import { useCallback, useState } from 'react';
import { useT } from '../../i18n/index';
import { SectionForm } from './SectionForm';
import type { SettingsView } from './types';

/** How the public screens greet each visitor: in the normal or in the elder-friendly (large-text) mode. */
export function KioskSettingsForm({ view, onSaved }: { view: SettingsView; onSaved: (next: SettingsView) => void }) {
  const { t } = useT();
  const [elderModeDefault, setElderModeDefault] = useState(view.kiosk.values.elderModeDefault);
  const values = useCallback(() => ({ section: 'kiosk' as const, elderModeDefault }), [elderModeDefault]);
  return (
    <SectionForm section="kiosk" title={t('elder:settings.title')} values={values} onSaved={onSaved}>
      {() => (
        <>
          <label className="choice">
            <input
              id="setting-elderModeDefault"
              type="checkbox"
              checked={elderModeDefault}
              onChange={(event) => setElderModeDefault(event.target.checked)}
              aria-describedby="setting-elderModeDefault-hint"
            />
            {t('elder:settings.elderModeDefault')}
          </label>
          <small className="field__hint" id="setting-elderModeDefault-hint">
            {t('elder:settings.elderModeDefaultHint')}
          </small>
        </>
      )}
    </SectionForm>
  );
}
