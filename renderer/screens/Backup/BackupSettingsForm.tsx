import { useCallback, useState } from 'react';
import { useT } from '../../i18n/index';
import { call } from '../../api/client';
import { FactsSection } from '../../components/FactsSection';
import { SaveFooter } from '../../components/SaveFooter';
import { Field } from '../../components/Field';
import { typedOrNull, typedWholeNumber, useFormText } from '../../hooks/useFormText';
import { useLatestResult } from '../../hooks/useLatestResult';
import { useSubmit } from '../../hooks/useSubmit';
import type { BackupStatus } from './types';

type Settings = BackupStatus['settings'];
type FormText = { folder: string; keep: string; interval: string };

function toText(settings: Settings): FormText {
  return { folder: settings.folder ?? '', keep: String(settings.keep), interval: String(settings.intervalHours) };
}

/** Folder, number kept and interval, for an administrator; the station audits the change. */
export function BackupSettingsForm({ current, onSaved }: { current: Settings; onSaved: () => void }) {
  const { t } = useT();
  const [text, setText] = useFormText(current, toText);
  const [saved, setSaved] = useState(false);
  const result = useLatestResult();
  const beginResult = result.begin;

  const save = useCallback(() => {
    beginResult();
    setSaved(false);
    return call('backup:settings', { folder: typedOrNull(text.folder), keep: typedWholeNumber(text.keep), intervalHours: typedWholeNumber(text.interval) });
  }, [text, beginResult]);
  const done = useCallback(() => {
    setSaved(true);
    onSaved();
  }, [onSaved]);
  const form = useSubmit(save, done);
  const edit = (change: Partial<FormText>) => setText((shown) => ({ ...shown, ...change }));

  return (
    <form className="form-section backup-panel" onSubmit={form.onSubmit} noValidate aria-labelledby="backup-settings-title">
      <h2 id="backup-settings-title">{t('backup:settings.title')}</h2>
      <Field id="backup-folder" label={t('backup:settings.folder')} hint={t('backup:settings.folderHint')} issue={form.issueFor('folder')}>
        <input id="backup-folder" value={text.folder} onChange={(event) => edit({ folder: event.target.value })} autoComplete="off" spellCheck={false} />
      </Field>
      <Field id="backup-keep" label={t('backup:settings.keep')} hint={t('backup:settings.keepHint')} issue={form.issueFor('keep')}>
        <input id="backup-keep" inputMode="numeric" value={text.keep} onChange={(event) => edit({ keep: event.target.value })} autoComplete="off" />
      </Field>
      <Field id="backup-interval" label={t('backup:settings.interval')} hint={t('backup:settings.intervalHint')} issue={form.issueFor('intervalHours')}>
        <input id="backup-interval" inputMode="numeric" value={text.interval} onChange={(event) => edit({ interval: event.target.value })} autoComplete="off" />
      </Field>
      <SaveFooter label={t('backup:settings.save')} busy={form.busy} errorCode={result.shown ? form.errorCode : null} savedText={result.shown && saved ? t('backup:settings.saved') : null} savedTestId="backup-settings-saved" />
    </form>
  );
}

/** The settings as they stand, for a supervisor. */
export function BackupSettingsView({ current }: { current: Settings }) {
  const { t } = useT();
  return (
    <FactsSection
      id="backup-settings-title"
      title={t('backup:settings.current')}
      className="backup-panel"
      facts={[
        { label: t('backup:settings.folder'), value: current.folder ?? t('backup:settings.notSet'), mono: true },
        { label: t('backup:settings.keep'), value: current.keep },
        { label: t('backup:settings.interval'), value: current.intervalHours },
      ]}
    />
  );
}
