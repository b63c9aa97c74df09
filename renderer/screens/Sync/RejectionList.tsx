import { useState } from 'react';
import { useT } from '../../i18n/index';
import type { ErrorCode } from '../../../shared/contract/errors';
import { asApiError, call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useLatestResult } from '../../hooks/useLatestResult';
import type { SyncRejection } from './types';
import { useSyncText } from './useSyncText';

interface RejectionListProps {
  records: SyncRejection[];
  /** Supervisors and administrators may send a rejected version again unchanged. */
  mayResend: boolean;
  onResent: (records: SyncRejection[]) => void;
}

/**
 * Records the province rejected, with its code and its own words. A registration is named by its
 * number, which staff search for on the records screen (the app opens screens, not people, from here).
 */
export function RejectionList({ records, mayResend, onResent }: RejectionListProps) {
  const { t } = useT();
  const text = useSyncText();
  const [errorCode, setErrorCode] = useState<ErrorCode | null>(null);
  const [resent, setResent] = useState(false);
  const [busy, setBusy] = useState(false);
  const result = useLatestResult();

  const resend = async (seq: number) => {
    result.begin();
    setBusy(true);
    setErrorCode(null);
    setResent(false);
    try {
      onResent((await call('sync:resend', { seq })).records);
      setResent(true);
    } catch (error) {
      setErrorCode(asApiError(error).code);
    } finally {
      setBusy(false);
    }
  };

  const none = t('sync:none');
  return (
    <section className="sync-rejections" aria-labelledby="sync-rejections-title">
      <h2 id="sync-rejections-title">{t('sync:rejections.title')}</h2>
      <p className="lead">{t('sync:rejections.intro')}</p>
      <ErrorBanner code={result.shown ? errorCode : null} />
      {result.shown && resent ? (
        <p role="status" className="success" data-testid="rejection-resent">
          {t('sync:rejections.resent')}
        </p>
      ) : null}
      {records.length === 0 ? (
        <p className="empty" data-testid="rejections-empty">
          {t('sync:rejections.empty')}
        </p>
      ) : (
        <div className="table-scroll">
          <table className="data-table" data-testid="sync-rejections">
            <thead>
              <tr>
                <th scope="col">{t('sync:rejections.kind')}</th>
                <th scope="col">{t('sync:rejections.record')}</th>
                <th scope="col">{t('sync:rejections.version')}</th>
                <th scope="col">{t('sync:rejections.code')}</th>
                <th scope="col">{t('sync:rejections.reason')}</th>
                <th scope="col">{t('sync:rejections.path')}</th>
                {mayResend ? <th scope="col">{t('sync:rejections.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {records.map((record) => (
                <tr key={record.seq} data-seq={record.seq} data-code={record.code}>
                  <td>{text.kind(record.kind)}</td>
                  <td className="mono">{record.registrationNumber ?? record.entityId}</td>
                  <td className="numeric">{record.version}</td>
                  <td>{text.recordCode(record.code)}</td>
                  {/* The province's own words, as given (it masks personal values itself, §9.1). */}
                  <td data-testid="rejection-reason">{record.reason ?? none}</td>
                  <td className="mono">{record.path ?? none}</td>
                  {mayResend ? (
                    <td>
                      <button type="button" className="small" disabled={busy} onClick={() => void resend(record.seq)}>
                        {t('sync:rejections.resend')}
                      </button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
