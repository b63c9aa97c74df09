import { useCallback, useState } from 'react';
import { useT } from '../../i18n/index';
import { call } from '../../api/client';
import { FactsSection } from '../../components/FactsSection';
import { SaveFooter } from '../../components/SaveFooter';
import { Field } from '../../components/Field';
import { useSubmit } from '../../hooks/useSubmit';
import type { BackupStatus } from './types';

type Settings = BackupStatus['settings'];

/** Folder, number kept and interval, for an administrator; the station audits the change. */
export function BackupSettingsForm({ current, onSaved }: { current: Settings; onSaved: () => void }) {
  const { t } = useT();
  const [folder, setFolder] = useState(current.folder ?? '');
  const [keep, setKeep] = useState(String(current.keep));
  const [interval, setInterval] = useState(String(current.intervalHours));
  const [saved, setSaved] = useState(false);
  // Settings saved at another desk refill the form, so that saving here does not quietly undo them.
  const [shown, setShown] = useState(current);
  if (JSON.stringify(shown) !== JSON.stringify(current)) {
    setShown(current);
    setFolder(current.folder ?? '');
    setKeep(String(current.keep));
    setInterval(String(current.intervalHours));
  }

  const save = useCallback(() => {
    setSaved(false);
    // Empty or unreadable numbers go as NaN, for the schema to name the field.
    const asNumber = (text: string) => (text.trim() === '' ? Number.NaN : Number(text.trim()));
    return call('backup:settings', { folder: folder.trim() === '' ? null : folder.trim(), keep: asNumber(keep), intervalHours: asNumber(interval) });
  }, [folder, keep, interval]);
  const done = useCallback(() => {
    setSaved(true);
    onSaved();
  }, [onSaved]);
  const form = useSubmit(save, done);

  return (
    <form className="form-section backup-panel" onSubmit={form.onSubmit} noValidate aria-labelledby="backup-settings-title">
      <h2 id="backup-settings-title">{t('backup:settings.title')}</h2>
      <Field id="backup-folder" label={t('backup:settings.folder')} hint={t('backup:settings.folderHint')} issue={form.issueFor('folder')}>
        <input id="backup-folder" value={folder} onChange={(event) => setFolder(event.target.value)} autoComplete="off" spellCheck={false} />
      </Field>
      <Field id="backup-keep" label={t('backup:settings.keep')} hint={t('backup:settings.keepHint')} issue={form.issueFor('keep')}>
        <input id="backup-keep" inputMode="numeric" value={keep} onChange={(event) => setKeep(event.target.value)} autoComplete="off" />
      </Field>
      <Field id="backup-interval" label={t('backup:settings.interval')} hint={t('backup:settings.intervalHint')} issue={form.issueFor('intervalHours')}>
        <input id="backup-interval" inputMode="numeric" value={interval} onChange={(event) => setInterval(event.target.value)} autoComplete="off" />
      </Field>
      <SaveFooter label={t('backup:settings.save')} busy={form.busy} errorCode={form.errorCode} savedText={saved ? t('backup:settings.saved') : null} savedTestId="backup-settings-saved" />
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
