import { useCallback } from 'react';
import { useT } from '../../i18n/index';
import { FactsSection } from '../../components/FactsSection';
import { typedWholeNumber, useFormText } from '../../hooks/useFormText';
import { SectionForm } from './SectionForm';
import { SettingField } from './SettingField';
import type { SettingsView } from './types';

function toText(values: SettingsView['aid']['values']): string {
  return String(values.minNoticeDays);
}

/** Aid for donor families: the shortest public notice (公示) a granted case may be posted for. */
export function AidSettingsForm({ view, onSaved }: { view: SettingsView; onSaved: (next: SettingsView) => void }) {
  const { t } = useT();
  const [days, setDays] = useFormText(view.aid.values, toText);
  const bounds = view.bounds.minNoticeDays;
  const values = useCallback(() => ({ section: 'aid' as const, minNoticeDays: typedWholeNumber(days) }), [days]);
  return (
    <SectionForm section="aid" title={t('settings:aid.title')} values={values} onSaved={onSaved}>
      {(issueFor) => (
        <>
          <p className="field__hint" data-testid="settings-aid-applies">
            {t('settings:aid.appliesTo')}
          </p>
          <SettingField
            id="setting-minNoticeDays"
            label={t('settings:aid.minNoticeDays')}
            hint={t('settings:range', { value: view.aid.defaults.minNoticeDays, min: bounds.min, max: bounds.max })}
            issue={issueFor('minNoticeDays')}
            bounds={bounds}
          >
            <input
              id="setting-minNoticeDays"
              inputMode="numeric"
              value={days}
              onChange={(event) => {
                const next = event.target.value;
                setDays(() => next);
              }}
              autoComplete="off"
            />
          </SettingField>
        </>
      )}
    </SectionForm>
  );
}

/** The aid settings as they stand, for a supervisor, who may read but not change them. */
export function AidSettingsFacts({ view }: { view: SettingsView }) {
  const { t } = useT();
  return (
    <FactsSection
      id="settings-aid-title"
      title={t('settings:aid.title')}
      className="settings-card"
      testId="settings-aid"
      facts={[{ label: t('settings:aid.minNoticeDays'), value: view.aid.values.minNoticeDays, testId: 'fact-minNoticeDays' }]}
    />
  );
}
