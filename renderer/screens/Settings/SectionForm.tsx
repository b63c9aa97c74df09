import { useCallback, useState, type ReactNode } from 'react';
import { useT } from '../../i18n/index';
import type { FieldIssue } from '../../../shared/contract/errors';
import { call } from '../../api/client';
import { SaveFooter } from '../../components/SaveFooter';
import { useSubmit } from '../../hooks/useSubmit';
import type { SectionChange, SettingsView } from './types';

interface SectionFormProps {
  section: SectionChange['section'];
  title: string;
  /** The section's new values, read when the form is saved. */
  values: () => SectionChange;
  onSaved: (next: SettingsView) => void;
  children: (issueFor: (path: string) => FieldIssue | undefined) => ReactNode;
}

/** One section of the settings, saved on its own, with the refusal or the saved confirmation under it. */
export function SectionForm({ section, title, values, onSaved, children }: SectionFormProps) {
  const { t } = useT();
  const [saved, setSaved] = useState(false);
  const save = useCallback(() => {
    setSaved(false);
    return call('settings:change', values());
  }, [values]);
  const done = useCallback(
    (next: SettingsView) => {
      setSaved(true);
      onSaved(next);
    },
    [onSaved],
  );
  const form = useSubmit(save, done);
  const titleId = `settings-${section}-title`;
  return (
    <form className="form-section settings-card" onSubmit={form.onSubmit} noValidate aria-labelledby={titleId} data-testid={`settings-${section}`}>
      <h2 id={titleId}>{title}</h2>
      {children(form.issueFor)}
      <SaveFooter label={t('settings:save')} busy={form.busy} errorCode={form.errorCode} savedText={saved ? t('settings:saved') : null} savedTestId={`settings-${section}-saved`} />
    </form>
  );
}
