import { useCallback, useEffect, useState } from 'react';
import { useT } from '../../i18n/index';
import type { CallOutput } from '../../../shared/contract/calls';
import { call } from '../../api/client';
import { SaveFooter } from '../../components/SaveFooter';
import { useSubmit } from '../../hooks/useSubmit';
import { SettingField } from './SettingField';

type Station = CallOutput<'station:rename'>;

/**
 * The administrator corrects the station's name (never its code). Documents printed afterwards carry the
 * new name; the header follows at once through `onRenamed`.
 */
export function StationNameForm({ onRenamed }: { onRenamed: (station: Station) => void }) {
  const { t } = useT();
  const [name, setName] = useState('');
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    call('station:get', undefined).then(
      (station) => setName(station?.name ?? ''),
      // Without the current name the field starts empty; saving still says what is wrong.
      () => setName(''),
    );
  }, []);

  const rename = useCallback(() => {
    setSaved(false);
    return call('station:rename', { name });
  }, [name]);
  const done = useCallback(
    (station: Station) => {
      setName(station.name);
      setSaved(true);
      onRenamed(station);
    },
    [onRenamed],
  );
  const form = useSubmit(rename, done);

  return (
    <form className="form-section settings-card" onSubmit={form.onSubmit} noValidate aria-labelledby="settings-stationName-title" data-testid="settings-stationName">
      <h2 id="settings-stationName-title">{t('settings:stationName.title')}</h2>
      <SettingField id="setting-stationName" label={t('settings:stationName.name')} hint={t('settings:stationName.hint')} issue={form.issueFor('name')}>
        <input
          id="setting-stationName"
          value={name}
          onChange={(event) => setName(event.target.value)}
          autoComplete="off"
          aria-invalid={form.issueFor('name') ? true : undefined}
          aria-describedby={form.issueFor('name') ? 'setting-stationName-error' : undefined}
        />
      </SettingField>
      <SaveFooter
        label={t('settings:stationName.save')}
        busy={form.busy}
        errorCode={form.errorCode}
        savedText={saved ? t('settings:stationName.saved') : null}
        savedTestId="settings-stationName-saved"
      />
    </form>
  );
}
