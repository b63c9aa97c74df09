import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useT } from '../../i18n/index';
import type { ErrorCode, FieldIssue } from '../../../shared/contract/errors';
import { qingmingPartySizes } from '../../../shared/domain/visitors';
import { asApiError, call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { KeypadInput } from '../../components/NumericKeypad';
import { typedWholeNumber } from '../../hooks/useFormText';

/** How often the running count is fetched again, for the sign-ins made at the park's other kiosks. */
const COUNT_REFRESH_MS = 30_000;

/** How long "signed in" stays under the buttons after a tap. */
const DONE_NOTICE_MS = 8_000;

interface QingmingKioskProps {
  /** The visitor wants to leave a name or a message: the full form, for this visitor only. */
  onFullForm: () => void;
}

/**
 * The peak-day kiosk: one tap on the party size signs a group in with the purpose Qingming, and the
 * running count of today's visitors (people) stays on screen. Nothing of the previous group is shown
 * but its size.
 */
export function QingmingKiosk({ onFullForm }: QingmingKioskProps) {
  const { t } = useT();
  const [people, setPeople] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [lastSize, setLastSize] = useState<number | null>(null);
  const [moreSize, setMoreSize] = useState('');
  const [issue, setIssue] = useState<FieldIssue | undefined>(undefined);
  const [errorCode, setErrorCode] = useState<ErrorCode | null>(null);

  const refreshCount = useCallback(async () => {
    try {
      setPeople((await call('memorial:todayCount', undefined)).people);
    } catch {
      // The count is a courtesy: the buttons keep working without it, and the next refresh tries again.
    }
  }, []);

  useEffect(() => {
    void refreshCount();
    const timer = setInterval(() => void refreshCount(), COUNT_REFRESH_MS);
    return () => clearInterval(timer);
  }, [refreshCount]);

  useEffect(() => {
    if (lastSize === null) return undefined;
    const timer = setTimeout(() => setLastSize(null), DONE_NOTICE_MS);
    return () => clearTimeout(timer);
  }, [lastSize]);

  const signIn = useCallback(
    async (partySize: number) => {
      setBusy(true);
      setErrorCode(null);
      setIssue(undefined);
      try {
        const signedIn = await call('visitor:signIn', { partySize, purpose: 'qingming' });
        setLastSize(signedIn.partySize);
        setMoreSize('');
        await refreshCount();
      } catch (error) {
        const apiError = asApiError(error);
        setErrorCode(apiError.code);
        setIssue(apiError.issues.find((found) => found.path === 'partySize'));
        setLastSize(null);
      } finally {
        setBusy(false);
      }
    },
    [refreshCount],
  );

  const onMore = (event: FormEvent) => {
    event.preventDefault();
    void signIn(typedWholeNumber(moreSize));
  };

  return (
    <section className="panel memorial-kiosk qingming" aria-labelledby="qingming-title">
      <h1 id="qingming-title">{t('memorial:qingming.title')}</h1>
      <p className="qingming__count" data-testid="today-count" aria-live="polite">
        {people === null ? t('memorial:qingming.countLoading') : t('memorial:qingming.count', { count: people })}
      </p>
      <p className="lead">{t('memorial:qingming.intro')}</p>
      <div className="qingming__sizes">
        {qingmingPartySizes.map((size) => (
          <button key={size} type="button" onClick={() => void signIn(size)} disabled={busy}>
            {t('memorial:qingming.group', { count: size })}
          </button>
        ))}
      </div>
      <form className="qingming__more" onSubmit={onMore} noValidate>
        <Field id="qingming-more" label={t('memorial:qingming.moreSize')} issue={issue}>
          <KeypadInput id="qingming-more" keys="digits" inputMode="numeric" value={moreSize} onChange={(e) => setMoreSize(e.target.value)} autoComplete="off" />
        </Field>
        <button type="submit" className="primary" disabled={busy}>
          {t('memorial:qingming.moreSubmit')}
        </button>
      </form>
      <p className="qingming__done" role="status">
        {lastSize === null ? '' : t('memorial:qingming.signedIn', { count: lastSize })}
      </p>
      <ErrorBanner code={errorCode} />
      <div className="qingming__other">
        <button type="button" onClick={onFullForm}>
          {t('memorial:qingming.fullForm')}
        </button>
      </div>
    </section>
  );
}
