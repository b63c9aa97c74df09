import { useCallback, useState } from 'react';
import { useT } from '../../i18n/index';
import type { CallOutput } from '../../../shared/contract/calls';
import type { ErrorCode } from '../../../shared/contract/errors';
import { asApiError, call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useFormatDateTime } from '../../hooks/useFormatDateTime';
import type { PersonRecord } from './types';

/**
 * How and when the person signed. The image itself is personal data the station hands out only on an
 * explicit request (and records it), so it is fetched by a button, never with the record.
 */
export function SignatureView({ record }: { record: PersonRecord }) {
  const { t } = useT();
  const formatDateTime = useFormatDateTime();
  const [signature, setSignature] = useState<CallOutput<'person:signature'> | null>(null);
  const [busy, setBusy] = useState(false);
  const [errorCode, setErrorCode] = useState<ErrorCode | null>(null);

  const show = useCallback(async () => {
    setBusy(true);
    try {
      setSignature(await call('person:signature', { personId: record.id }));
      setErrorCode(null);
    } catch (error) {
      setErrorCode(asApiError(error).code);
    } finally {
      setBusy(false);
    }
  }, [record.id]);

  if (record.signatures.length === 0) return null;
  // Only a signature drawn on screen has an image; a paper one is kept on file at the station.
  const hasDrawn = record.signatures.some((entry) => entry.kind === 'drawn');
  return (
    <section className="signatures" aria-labelledby="signatures-title">
      <h3 id="signatures-title">{t('records:signature.title')}</h3>
      <ul>
        {record.signatures.map((entry) => (
          <li key={entry.id}>{t(`records:signature.${entry.kind}`, { time: formatDateTime(entry.at) })}</li>
        ))}
      </ul>
      {!hasDrawn ? null : signature === null ? (
        <button type="button" className="small" onClick={() => void show()} disabled={busy}>
          {t('records:signature.show')}
        </button>
      ) : (
        <div className="signature-image">
          {signature.image ? <img src={signature.image} alt={t('records:signature.alt')} /> : <p>{t('records:signature.noImage')}</p>}
          <button type="button" className="small" onClick={() => setSignature(null)}>
            {t('records:signature.hide')}
          </button>
        </div>
      )}
      <ErrorBanner code={errorCode} />
    </section>
  );
}
