import { useCallback, useState } from 'react';
import { useT } from '../../i18n/index';
import type { CallOutput } from '../../../shared/contract/calls';
import { stationKinds, type StationKind } from '../../../shared/domain/station';
import { provinces, yunnanPrefectures } from '../../../shared/reference/regions';
import { call } from '../../api/client';
import { AccountFields, emptyAccountDraft } from '../../components/AccountFields';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { useSubmit } from '../../hooks/useSubmit';
import { useRegionName } from '../../hooks/useRegionName';
import { RecoveryCodeSheet } from '../../components/RecoveryCodeSheet';
import { RestoreFromBackupForm } from './RestoreFromBackupForm';
import './setup.css';

type Station = CallOutput<'station:setup'>;

const regionGroups = [
  ['provinces', provinces],
  ['yunnanPrefectures', yunnanPrefectures],
] as const;

/**
 * First run: who this station is, then its recovery code, shown once. Everything else waits until it is
 * recorded. A station being rebuilt is restored from a backup and its recovery code instead.
 */
export function SetupScreen({ onDone }: { onDone: (station: Station) => void }) {
  const { t } = useT();
  const [restoring, setRestoring] = useState(false);
  const [created, setCreated] = useState<Station | null>(null);
  if (created) {
    return <RecoveryCodeSheet issued={created.recovery} stationName={created.name} onDone={() => onDone(created)} doneLabel={t('setup:recovery.continue')} />;
  }
  if (restoring) return <RestoreFromBackupForm onCancel={() => setRestoring(false)} />;
  return <StationForm onDone={setCreated} onRestore={() => setRestoring(true)} />;
}

function StationForm({ onDone, onRestore }: { onDone: (station: Station) => void; onRestore: () => void }) {
  const { t } = useT();
  const regionName = useRegionName();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<StationKind | ''>('');
  const [regionCode, setRegionCode] = useState('');
  const [admin, setAdmin] = useState(emptyAccountDraft);

  const action = useCallback(
    () => call('station:setup', { code, name, kind: kind as StationKind, regionCode, admin }),
    [code, name, kind, regionCode, admin],
  );
  const form = useSubmit(action, onDone);

  return (
    <section className="panel" aria-labelledby="setup-title">
      <h1 id="setup-title">{t('setup:title')}</h1>
      <p className="lead">{t('setup:intro')}</p>
      <form onSubmit={form.onSubmit} noValidate>
        <Field id="station-code" label={t('setup:code')} hint={t('setup:codeHint')} issue={form.issueFor('code')}>
          <input id="station-code" value={code} onChange={(e) => setCode(e.target.value)} autoComplete="off" />
        </Field>
        <Field id="station-name" label={t('setup:name')} issue={form.issueFor('name')}>
          <input id="station-name" value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
        </Field>
        <Field id="station-kind" label={t('setup:kind')} issue={form.issueFor('kind')}>
          <select id="station-kind" value={kind} onChange={(e) => setKind(e.target.value as StationKind)}>
            <option value="">{t('common:choose')}</option>
            {stationKinds.map((k) => (
              <option key={k} value={k}>
                {t(`common:stationKind.${k}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="station-region" label={t('setup:region')} issue={form.issueFor('regionCode')}>
          <select id="station-region" value={regionCode} onChange={(e) => setRegionCode(e.target.value)}>
            <option value="">{t('common:choose')}</option>
            {regionGroups.map(([groupKey, regions]) => (
              <optgroup key={groupKey} label={t(`setup:${groupKey}`)}>
                {regions.map((region) => (
                  <option key={region.code} value={region.code}>
                    {regionName(region.code)}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </Field>
        <fieldset className="form-section">
          <legend>{t('setup:admin.title')}</legend>
          <p className="lead">{t('setup:admin.intro')}</p>
          <AccountFields
            idPrefix="admin"
            pathPrefix="admin."
            values={admin}
            onChange={(field, value) => setAdmin((current) => ({ ...current, [field]: value }))}
            issueFor={form.issueFor}
            labels={{
              username: t('setup:admin.username'),
              usernameHint: t('setup:admin.usernameHint'),
              displayName: t('setup:admin.displayName'),
              password: t('setup:admin.password'),
              passwordHint: t('setup:admin.passwordHint'),
              pin: t('setup:admin.pin'),
              pinHint: t('setup:admin.pinHint'),
            }}
          />
        </fieldset>
        <ErrorBanner code={form.errorCode} />
        <button type="submit" className="primary" disabled={form.busy}>
          {t('setup:submit')}
        </button>
      </form>
      <p className="setup-restore">
        {t('setup:restore.offer')}{' '}
        <button type="button" onClick={onRestore}>
          {t('setup:restore.open')}
        </button>
      </p>
    </section>
  );
}
