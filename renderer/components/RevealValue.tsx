import { useCallback, useEffect, useState } from 'react';
import { useT } from '../i18n/index';
import type { ErrorCode } from '../../shared/contract/errors';
import { asApiError, call } from '../api/client';
import { ErrorBanner } from './ErrorBanner';

/** How long a revealed value stays on screen before it is masked again. */
export const REVEAL_SECONDS = 30;

type RevealField = 'name' | 'document' | 'phone';

interface RevealValueProps {
  personId: string;
  field: RevealField;
  masked: string;
}

/**
 * A masked value with the button that shows it in full. Each reveal is a call the station audits;
 * the value is kept in this component only, so it is forgotten after {@link REVEAL_SECONDS} or as soon
 * as the record is closed. Give it `key={masked}` so that a changed value (a new phone) drops an earlier reveal.
 */
export function RevealValue({ personId, field, masked }: RevealValueProps) {
  const { t } = useT();
  const [value, setValue] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [errorCode, setErrorCode] = useState<ErrorCode | null>(null);

  useEffect(() => {
    if (value === null) return undefined;
    const timer = setTimeout(() => setValue(null), REVEAL_SECONDS * 1000);
    return () => clearTimeout(timer);
  }, [value]);

  const reveal = useCallback(async () => {
    setBusy(true);
    try {
      setValue((await call('person:reveal', { personId, field })).value);
      setErrorCode(null);
    } catch (error) {
      setErrorCode(asApiError(error).code);
    } finally {
      setBusy(false);
    }
  }, [personId, field]);

  return (
    <span className="reveal">
      <span className={value === null ? 'reveal__value' : 'reveal__value reveal__value--full'} data-testid={`person-${field}`}>
        {value ?? masked}
      </span>
      {value === null ? (
        <button type="button" className="small" onClick={() => void reveal()} disabled={busy}>
          {t(`records:reveal.${field}`)}
        </button>
      ) : (
        <button type="button" className="small" onClick={() => setValue(null)}>
          {t('records:reveal.hide')}
        </button>
      )}
      <ErrorBanner code={errorCode} />
    </span>
  );
}
