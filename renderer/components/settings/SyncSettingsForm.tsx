import { useCallback, useState } from 'react';
import { useT } from '../../i18n/index';
import { call } from '../../api/client';
import { FactsSection } from '../FactsSection';
import { SaveFooter } from '../SaveFooter';
import { Field } from '../Field';
import { typedOrNull, typedWholeNumber, useFormText } from '../../hooks/useFormText';
import { useLatestResult } from '../../hooks/useLatestResult';
import { useSubmit } from '../../hooks/useSubmit';
import { setsSyncEndpoint } from '../../../shared/contract/sync-calls';
import type { Role } from '../../../shared/domain/roles';
import type { CallOutput } from '../../../shared/contract/calls';

type Settings = CallOutput<'sync:status'>['settings'];
type FormText = { endpoint: string; batchSize: string; twoPersonApproval: boolean };

function toText(settings: Settings): FormText {
  return { endpoint: settings.endpoint ?? '', batchSize: String(settings.batchSize), twoPersonApproval: settings.twoPersonApproval };
}

/**
 * Where and how the station reports, for a supervisor or an administrator; the station audits the change.
 * Only an administrator changes the endpoint: a supervisor sees it, unchangeable.
 */
export function SyncSettingsForm({ current, onSaved, role }: { current: Settings; onSaved: () => void; role: Role }) {
  const { t } = useT();
  const mayChangeEndpoint = (setsSyncEndpoint as readonly Role[]).includes(role);
  const [text, setText] = useFormText(current, toText);
  const [saved, setSaved] = useState(false);
  const result = useLatestResult();
  const beginResult = result.begin;

  const save = useCallback(() => {
    beginResult();
    setSaved(false);
    return call('sync:settings', { endpoint: typedOrNull(text.endpoint), batchSize: typedWholeNumber(text.batchSize), twoPersonApproval: text.twoPersonApproval });
  }, [text, beginResult]);
  const done = useCallback(() => {
    setSaved(true);
    onSaved();
  }, [onSaved]);
  const form = useSubmit(save, done);
  const edit = (change: Partial<FormText>) => setText((shown) => ({ ...shown, ...change }));

  return (
    <form className="form-section sync-panel" onSubmit={form.onSubmit} noValidate aria-labelledby="sync-settings-title">
      <h2 id="sync-settings-title">{t('sync:settings.title')}</h2>
      <Field id="sync-endpoint" label={t('sync:settings.endpoint')} hint={t(mayChangeEndpoint ? 'sync:settings.endpointHint' : 'sync:settings.endpointAdminOnly')} issue={form.issueFor('endpoint')}>
        <input
          id="sync-endpoint"
          type="url"
          value={text.endpoint}
          onChange={(event) => edit({ endpoint: event.target.value })}
          readOnly={!mayChangeEndpoint}
          autoComplete="off"
          spellCheck={false}
        />
      </Field>
      <Field id="sync-batch-size" label={t('sync:settings.batchSize')} hint={t('sync:settings.batchSizeHint')} issue={form.issueFor('batchSize')}>
        <input id="sync-batch-size" inputMode="numeric" value={text.batchSize} onChange={(event) => edit({ batchSize: event.target.value })} autoComplete="off" />
      </Field>
      <label className="choice">
        <input type="checkbox" checked={text.twoPersonApproval} onChange={(event) => edit({ twoPersonApproval: event.target.checked })} />
        {t('sync:settings.twoPersonApproval')}
      </label>
      <SaveFooter label={t('sync:settings.save')} busy={form.busy} errorCode={result.shown ? form.errorCode : null} savedText={result.shown && saved ? t('sync:settings.saved') : null} savedTestId="settings-saved" />
    </form>
  );
}

/** The settings as they stand, for staff who may not change them. */
export function SyncSettingsView({ current }: { current: Settings }) {
  const { t } = useT();
  return (
    <FactsSection
      id="sync-settings-title"
      title={t('sync:settings.current')}
      className="sync-panel"
      facts={[
        { label: t('sync:settings.endpoint'), value: current.endpoint ?? t('sync:settings.notSet'), mono: true },
        { label: t('sync:settings.batchSize'), value: current.batchSize },
        { label: t('sync:settings.twoPersonApproval'), value: current.twoPersonApproval ? t('sync:settings.on') : t('sync:settings.off') },
      ]}
    />
  );
}
