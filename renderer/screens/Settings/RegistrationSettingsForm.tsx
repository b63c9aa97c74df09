import { useCallback } from 'react';
import { useT } from '../../i18n/index';
import { typedWholeNumber, useFormText } from '../../hooks/useFormText';
import { SectionForm } from './SectionForm';
import { SettingField } from './SettingField';
import type { SettingsView } from './types';

type Values = SettingsView['registration']['values'];
const numericItems = ['stemCellMinAge', 'stemCellMaxAge', 'coolingOffDays', 'kioskIdleSeconds'] as const;
type Text = Record<(typeof numericItems)[number], string> & { bodyChangeNeedsNotarisation: boolean };

function toText(values: Values): Text {
  return {
    stemCellMinAge: String(values.stemCellMinAge),
    stemCellMaxAge: String(values.stemCellMaxAge),
    coolingOffDays: String(values.coolingOffDays),
    kioskIdleSeconds: String(values.kioskIdleSeconds),
    bodyChangeNeedsNotarisation: values.bodyChangeNeedsNotarisation,
  };
}

/** Stem-cell age range, cooling-off, kiosk idle time and the notarisation rule of body donations. */
export function RegistrationSettingsForm({ view, onSaved }: { view: SettingsView; onSaved: (next: SettingsView) => void }) {
  const { t } = useT();
  const [text, setText] = useFormText(view.registration.values, toText);
  const defaults = view.registration.defaults;
  const values = useCallback(
    () => ({
      section: 'registration' as const,
      stemCellMinAge: typedWholeNumber(text.stemCellMinAge),
      stemCellMaxAge: typedWholeNumber(text.stemCellMaxAge),
      coolingOffDays: typedWholeNumber(text.coolingOffDays),
      kioskIdleSeconds: typedWholeNumber(text.kioskIdleSeconds),
      bodyChangeNeedsNotarisation: text.bodyChangeNeedsNotarisation,
    }),
    [text],
  );
  return (
    <SectionForm section="registration" title={t('settings:registration.title')} values={values} onSaved={onSaved}>
      {(issueFor) => (
        <>
          {numericItems.map((item) => {
            const bounds = view.bounds[item];
            return (
              <SettingField
                key={item}
                id={`setting-${item}`}
                label={t(`settings:registration.${item}`)}
                hint={t('settings:range', { value: defaults[item], min: bounds.min, max: bounds.max })}
                issue={issueFor(item)}
                bounds={bounds}
              >
                <input
                  id={`setting-${item}`}
                  inputMode="numeric"
                  value={text[item]}
                  onChange={(event) => {
                    const next = event.target.value;
                    setText((current) => ({ ...current, [item]: next }));
                  }}
                  autoComplete="off"
                />
              </SettingField>
            );
          })}
          <label className="choice">
            <input
              type="checkbox"
              checked={text.bodyChangeNeedsNotarisation}
              onChange={(event) => {
                const next = event.target.checked;
                setText((current) => ({ ...current, bodyChangeNeedsNotarisation: next }));
              }}
            />
            {t('settings:registration.bodyChangeNeedsNotarisation')}
          </label>
          <small className="field__hint">{t('settings:default', { value: defaults.bodyChangeNeedsNotarisation ? t('settings:yes') : t('settings:no') })}</small>
        </>
      )}
    </SectionForm>
  );
}
