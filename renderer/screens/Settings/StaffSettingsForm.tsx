import { useCallback } from 'react';
import { useT } from '../../i18n/index';
import { typedWholeNumber, useFormText } from '../../hooks/useFormText';
import { SectionForm } from './SectionForm';
import { SettingField } from './SettingField';
import type { SettingsView } from './types';

function toText(values: SettingsView['staff']['values']): string {
  return String(values.idleLockMinutes);
}

/** How long a staff screen may stay idle before it locks. */
export function StaffSettingsForm({ view, onSaved }: { view: SettingsView; onSaved: (next: SettingsView) => void }) {
  const { t } = useT();
  const [minutes, setMinutes] = useFormText(view.staff.values, toText);
  const bounds = view.bounds.idleLockMinutes;
  const values = useCallback(() => ({ section: 'staff' as const, idleLockMinutes: typedWholeNumber(minutes) }), [minutes]);
  return (
    <SectionForm section="staff" title={t('settings:staff.title')} values={values} onSaved={onSaved}>
      {(issueFor) => (
        <SettingField
          id="setting-idleLockMinutes"
          label={t('settings:staff.idleLockMinutes')}
          hint={t('settings:range', { value: view.staff.defaults.idleLockMinutes, min: bounds.min, max: bounds.max })}
          issue={issueFor('idleLockMinutes')}
          bounds={bounds}
        >
          <input
            id="setting-idleLockMinutes"
            inputMode="numeric"
            value={minutes}
            onChange={(event) => {
              const next = event.target.value;
              setMinutes(() => next);
            }}
            autoComplete="off"
          />
        </SettingField>
      )}
    </SectionForm>
  );
}
