import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useT } from '../../i18n/index';
import { contract, type CallOutput } from '../../../shared/contract/calls';
import type { ErrorCode, FieldIssue } from '../../../shared/contract/errors';
import type { Role } from '../../../shared/domain/roles';
import { asApiError, call } from '../../api/client';
import { ErrorBanner } from '../ErrorBanner';
import { Field } from '../Field';
import { typedWholeNumber } from '../../hooks/useFormText';

type MemorialSettings = CallOutput<'memorial:settings'>;

/** Qingming mode (staff who keep records) and the retention period (supervisors and administrators). */
export function MemorialSettingsPanel({ role }: { role: Role }) {
  const { t } = useT();
  const [settings, setSettings] = useState<MemorialSettings | null>(null);
  const [days, setDays] = useState('');
  const [busy, setBusy] = useState(false);
  const [errorCode, setErrorCode] = useState<ErrorCode | null>(null);
  const [issue, setIssue] = useState<FieldIssue | undefined>(undefined);
  const [saved, setSaved] = useState(false);
  const mayChangeRetention = (contract['memorial:setRetentionDays'].roles as readonly Role[]).includes(role);

  const show = useCallback((current: MemorialSettings) => {
    setSettings(current);
    setDays(String(current.visitorRetentionDays));
  }, []);

  useEffect(() => {
    call('memorial:settings', undefined)
      .then(show)
      .catch((error: unknown) => setErrorCode(asApiError(error).code));
  }, [show]);

  const run = useCallback(
    async (change: () => Promise<MemorialSettings>) => {
      setBusy(true);
      setErrorCode(null);
      setIssue(undefined);
      setSaved(false);
      try {
        show(await change());
        setSaved(true);
      } catch (error) {
        const apiError = asApiError(error);
        setErrorCode(apiError.code);
        setIssue(apiError.issues.find((found) => found.path === 'days'));
      } finally {
        setBusy(false);
      }
    },
    [show],
  );

  const onRetention = (event: FormEvent) => {
    event.preventDefault();
    void run(() => call('memorial:setRetentionDays', { days: typedWholeNumber(days) }));
  };

  if (settings === null) return <ErrorBanner code={errorCode} />;
  return (
    <section className="form-section" aria-labelledby="memorial-settings-title">
      <h2 id="memorial-settings-title">{t('memorial:settings.title')}</h2>
      <div className="toolbar">
        <p className="check" data-testid="qingming-state">
          {settings.qingmingMode ? t('memorial:settings.qingmingOn') : t('memorial:settings.qingmingOff')}
        </p>
        <button
          type="button"
          className={settings.qingmingMode ? undefined : 'primary'}
          onClick={() => void run(() => call('memorial:setQingmingMode', { enabled: !settings.qingmingMode }))}
          disabled={busy}
        >
          {settings.qingmingMode ? t('memorial:settings.qingmingSwitchOff') : t('memorial:settings.qingmingSwitchOn')}
        </button>
      </div>
      <p className="lead">{t('memorial:settings.qingmingHint')}</p>
      {mayChangeRetention ? (
        <form className="toolbar" onSubmit={onRetention} noValidate>
          <Field id="retention-days" label={t('memorial:settings.retentionDays')} hint={t('memorial:settings.retentionHint')} issue={issue}>
            <input id="retention-days" inputMode="numeric" value={days} onChange={(e) => setDays(e.target.value)} autoComplete="off" />
          </Field>
          <button type="submit" disabled={busy}>
            {t('memorial:settings.save')}
          </button>
        </form>
      ) : (
        <p data-testid="retention-days">{t('memorial:settings.retentionShown', { count: settings.visitorRetentionDays })}</p>
      )}
      {saved ? (
        <p className="success" role="status">
          {t('memorial:settings.saved')}
        </p>
      ) : null}
      <ErrorBanner code={errorCode === 'validation_failed' ? null : errorCode} />
    </section>
  );
}
