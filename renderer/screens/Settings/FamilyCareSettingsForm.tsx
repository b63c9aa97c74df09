import { useCallback } from 'react';
import { useT } from '../../i18n/index';
import { FactsSection } from '../../components/FactsSection';
import { typedWholeNumber, useFormText } from '../../hooks/useFormText';
import { foldFullwidthAscii } from '../../../shared/validation/fullwidth';
import { SectionForm } from './SectionForm';
import { SettingField } from './SettingField';
import type { SettingsView } from './types';

type Values = SettingsView['familyCare']['values'];
interface Text {
  followUpOffsetsDays: string;
  qingmingLeadDays: string;
}

/** A list of days as staff read and type it: `14, 91, 365`. */
function dayListText(days: readonly number[]): string {
  return days.join(', ');
}

/**
 * The days typed into the list, separated by commas (also the Chinese `，` and `、`) or spaces; full-width
 * digits read as digits. A part that is not a whole number goes as NaN, for the station to name the list.
 */
function typedDayList(text: string): number[] {
  return foldFullwidthAscii(text)
    .split(/[\s,，、]+/u)
    .filter((part) => part !== '')
    .map((part) => (/^\d+$/u.test(part) ? Number(part) : Number.NaN));
}

function toText(values: Values): Text {
  return { followUpOffsetsDays: dayListText(values.followUpOffsetsDays), qingmingLeadDays: String(values.qingmingLeadDays) };
}

/**
 * The donor families' care plan: the follow-ups after a donation and the lead of the yearly Qingming visit.
 * A change applies to families opened afterwards and to Qingming visits not yet laid, as the hint says.
 */
export function FamilyCareSettingsForm({ view, onSaved }: { view: SettingsView; onSaved: (next: SettingsView) => void }) {
  const { t } = useT();
  const [text, setText] = useFormText(view.familyCare.values, toText);
  const defaults = view.familyCare.defaults;
  const dayBounds = view.bounds.followUpOffsetDays;
  const most = view.bounds.followUpOffsetCount.max;
  const leadBounds = view.bounds.qingmingLeadDays;
  const values = useCallback(
    () => ({
      section: 'familyCare' as const,
      followUpOffsetsDays: typedDayList(text.followUpOffsetsDays),
      qingmingLeadDays: typedWholeNumber(text.qingmingLeadDays),
    }),
    [text],
  );
  return (
    <SectionForm section="familyCare" title={t('settings:familyCare.title')} values={values} onSaved={onSaved}>
      {(issueFor) => (
        <>
          <p className="field__hint" data-testid="settings-familyCare-applies">
            {t('settings:familyCare.appliesTo')}
          </p>
          <SettingField
            id="setting-followUpOffsetsDays"
            label={t('settings:familyCare.followUpOffsetsDays')}
            hint={t('settings:familyCare.followUpOffsetsDaysHint', { value: dayListText(defaults.followUpOffsetsDays), min: dayBounds.min, max: dayBounds.max, most })}
            issue={issueFor('followUpOffsetsDays')}
            bounds={dayBounds}
            params={{ most }}
          >
            <input
              id="setting-followUpOffsetsDays"
              inputMode="numeric"
              value={text.followUpOffsetsDays}
              onChange={(event) => {
                const next = event.target.value;
                setText((current) => ({ ...current, followUpOffsetsDays: next }));
              }}
              autoComplete="off"
            />
          </SettingField>
          <SettingField
            id="setting-qingmingLeadDays"
            label={t('settings:familyCare.qingmingLeadDays')}
            hint={t('settings:range', { value: defaults.qingmingLeadDays, min: leadBounds.min, max: leadBounds.max })}
            issue={issueFor('qingmingLeadDays')}
            bounds={leadBounds}
          >
            <input
              id="setting-qingmingLeadDays"
              inputMode="numeric"
              value={text.qingmingLeadDays}
              onChange={(event) => {
                const next = event.target.value;
                setText((current) => ({ ...current, qingmingLeadDays: next }));
              }}
              autoComplete="off"
            />
          </SettingField>
        </>
      )}
    </SectionForm>
  );
}

/** The care plan as it stands, for a supervisor, who may read but not change it. */
export function FamilyCareSettingsFacts({ view }: { view: SettingsView }) {
  const { t } = useT();
  const values = view.familyCare.values;
  return (
    <FactsSection
      id="settings-familyCare-title"
      title={t('settings:familyCare.title')}
      className="settings-card"
      testId="settings-familyCare"
      facts={[
        { label: t('settings:familyCare.followUpOffsetsDays'), value: dayListText(values.followUpOffsetsDays), testId: 'fact-followUpOffsetsDays' },
        { label: t('settings:familyCare.qingmingLeadDays'), value: values.qingmingLeadDays, testId: 'fact-qingmingLeadDays' },
      ]}
    />
  );
}
