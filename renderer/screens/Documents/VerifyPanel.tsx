import { useState, type FormEvent } from 'react';
import { useT } from '../../i18n/index';
import type { CallOutput } from '../../../shared/contract/calls';
import type { ErrorCode } from '../../../shared/contract/errors';
import { asApiError, call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { useFormatDate } from '../../hooks/useFormatDate';

type Verification = CallOutput<'documents:verify'>;

/** A field a scanner types the QR payload into (ending with Enter), and what the station says it is. */
export function VerifyPanel() {
  const { t } = useT();
  const formatDate = useFormatDate();
  const [payload, setPayload] = useState('');
  const [verification, setVerification] = useState<Verification | null>(null);
  const [errorCode, setErrorCode] = useState<ErrorCode | null>(null);

  const verify = async (event: FormEvent) => {
    event.preventDefault();
    setVerification(null);
    try {
      setVerification(await call('documents:verify', { payload }));
      setErrorCode(null);
    } catch (error) {
      setErrorCode(asApiError(error).code);
    }
  };

  return (
    <section className="panel panel--wide" aria-labelledby="verify-title">
      <h2 id="verify-title">{t('documentDesk:verify.title')}</h2>
      <p className="lead">{t('documentDesk:verify.intro')}</p>
      <form className="verify-form" onSubmit={(e) => void verify(e)} noValidate>
        <Field id="verify-payload" label={t('documentDesk:verify.payload')}>
          <input id="verify-payload" value={payload} onChange={(e) => setPayload(e.target.value)} autoComplete="off" spellCheck={false} />
        </Field>
        <div className="actions">
          <button type="submit" className="primary">
            {t('documentDesk:verify.submit')}
          </button>
        </div>
      </form>
      <ErrorBanner code={errorCode} />
      {verification ? (
        <div role="status" className={`verify-result verify-result--${verification.result}`} data-testid="verify-result" data-result={verification.result}>
          <p>{t(`documentDesk:verify.result.${verification.result}`)}</p>
          {verification.serial ? (
            <dl className="facts facts--inline">
              <dt>{t('documentDesk:verify.serial')}</dt>
              <dd className="mono">{verification.serial}</dd>
              <dt>{t('documentDesk:verify.kind')}</dt>
              <dd>{verification.kind ? t(`documentDesk:kind.${verification.kind}`) : null}</dd>
              <dt>{t('documentDesk:verify.issuedOn')}</dt>
              <dd>{verification.issuedOn ? formatDate(verification.issuedOn) : null}</dd>
              <dt>{t('documentDesk:verify.subject')}</dt>
              <dd>{verification.subject}</dd>
            </dl>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
