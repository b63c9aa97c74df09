import { useCallback, useState } from 'react';
import { useT } from '../../i18n/index';
import { provinceKeyUses } from '../../../shared/validation/sync';
import { call } from '../../api/client';
import { ErrorBanner } from '../ErrorBanner';
import { Field } from '../Field';
import { useFormatDateTime } from '../../hooks/useFormatDateTime';
import { useLatestResult } from '../../hooks/useLatestResult';
import { useSubmit } from '../../hooks/useSubmit';
import type { CallOutput } from '../../../shared/contract/calls';

type ProvinceKey = CallOutput<'sync:status'>['provinceKeys'][number];

/** A key's fingerprint in blocks of four, for reading aloud over the telephone. */
function fingerprintBlocks(id: string): string {
  return (id.match(/.{1,4}/g) ?? []).join(' ');
}

interface ProvinceKeysProps {
  keys: ProvinceKey[];
  stationKeyId: string | null;
  /** Only an administrator imports the province's keys. */
  mayImport: boolean;
  onImported: () => void;
}

/** The station's own key and the province's, with fingerprints in blocks to read aloud on the telephone. */
export function ProvinceKeys({ keys, stationKeyId, mayImport, onImported }: ProvinceKeysProps) {
  const { t } = useT();
  const formatDateTime = useFormatDateTime();
  return (
    <section className="form-section sync-panel sync-keys" aria-labelledby="sync-keys-title">
      <h2 id="sync-keys-title">{t('sync:keys.title')}</h2>
      <p className="lead">{t('sync:keys.intro')}</p>
      <p data-testid="station-key">
        {t('sync:keys.stationKey')}:{' '}
        {stationKeyId ? <code className="fingerprint">{fingerprintBlocks(stationKeyId)}</code> : <span className="empty">{t('sync:keys.stationKeyNone')}</span>}
      </p>
      <h3>{t('sync:keys.province')}</h3>
      {keys.length === 0 ? (
        <p className="empty" data-testid="province-keys-none">
          {t('sync:keys.none')}
        </p>
      ) : (
        <div className="table-scroll">
          <table className="data-table" data-testid="province-keys">
            <thead>
              <tr>
                <th scope="col">{t('sync:keys.use')}</th>
                <th scope="col">{t('sync:keys.fingerprint')}</th>
                <th scope="col">{t('sync:keys.importedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {keys.map((key) => (
                <tr key={key.id} data-use={key.use}>
                  <td>{t(`sync:keys.useName.${key.use}`)}</td>
                  <td>
                    <code className="fingerprint">{fingerprintBlocks(key.id)}</code>
                  </td>
                  <td className="time">{formatDateTime(key.importedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {mayImport ? <KeyImportForm onImported={onImported} /> : null}
    </section>
  );
}

function KeyImportForm({ onImported }: { onImported: () => void }) {
  const { t } = useT();
  const [use, setUse] = useState<(typeof provinceKeyUses)[number]>('signing');
  const [pem, setPem] = useState('');
  const [imported, setImported] = useState<ProvinceKey | null>(null);
  const result = useLatestResult();
  const beginResult = result.begin;
  const save = useCallback(() => {
    beginResult();
    setImported(null);
    return call('sync:importProvinceKey', { use, pem });
  }, [use, pem, beginResult]);
  const done = useCallback(
    (key: ProvinceKey) => {
      setImported(key);
      setPem('');
      onImported();
    },
    [onImported],
  );
  const form = useSubmit(save, done);
  return (
    <form className="sync-key-import" onSubmit={form.onSubmit} noValidate aria-labelledby="sync-key-import-title">
      <h3 id="sync-key-import-title">{t('sync:keys.import.title')}</h3>
      <Field id="sync-key-use" label={t('sync:keys.import.use')} issue={form.issueFor('use')}>
        <select id="sync-key-use" value={use} onChange={(event) => setUse(event.target.value as typeof use)}>
          {provinceKeyUses.map((option) => (
            <option key={option} value={option}>
              {t(`sync:keys.useName.${option}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field id="sync-key-pem" label={t('sync:keys.import.pem')} hint={t('sync:keys.import.pemHint')} issue={form.issueFor('pem')}>
        <textarea id="sync-key-pem" rows={6} className="mono" value={pem} onChange={(event) => setPem(event.target.value)} spellCheck={false} />
      </Field>
      <div className="actions">
        <button type="submit" className="primary" disabled={form.busy}>
          {t('sync:keys.import.submit')}
        </button>
      </div>
      <ErrorBanner code={!result.shown || form.errorCode === 'validation_failed' ? null : form.errorCode} />
      {result.shown && imported ? (
        <p role="status" className="success" data-testid="key-imported">
          {t('sync:keys.import.done', { fingerprint: fingerprintBlocks(imported.id) })}
        </p>
      ) : null}
    </form>
  );
}
