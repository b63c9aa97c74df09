import { useState } from 'react';
import { useT } from '../../i18n/index';
import type { ErrorCode } from '../../../shared/contract/errors';
import { asApiError, call } from '../../api/client';
import { ConfirmPrompt } from '../../components/ConfirmPrompt';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useFormatDateTime } from '../../hooks/useFormatDateTime';
import { useLatestResult } from '../../hooks/useLatestResult';
import type { SyncBatch } from './types';
import { useSyncText } from './useSyncText';

interface BatchTableProps {
  batches: SyncBatch[];
  /** Supervisors and administrators approve or take back batches waiting for a second person. */
  mayApprove: boolean;
  onChanged: () => void;
}

type Done = { action: 'approved'; batchId: string } | { action: 'declined'; batches: string[] };

/** The newest batches, their state and the province's counts, with the two-person approval's buttons. */
export function BatchTable({ batches, mayApprove, onChanged }: BatchTableProps) {
  const { t } = useT();
  const [errorCode, setErrorCode] = useState<ErrorCode | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  const [declining, setDeclining] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const result = useLatestResult();

  const act = async (work: () => Promise<Done>) => {
    result.begin();
    setBusy(true);
    setErrorCode(null);
    setDone(null);
    try {
      setDone(await work());
    } catch (error) {
      setErrorCode(asApiError(error).code);
    } finally {
      setBusy(false);
      onChanged();
    }
  };
  const approve = (batchId: string) => act(async () => ({ action: 'approved', batchId: (await call('sync:approve', { batchId })).batchId }));
  const decline = (batchId: string) => act(async () => ({ action: 'declined', batches: (await call('sync:decline', { batchId })).declined }));

  return (
    <section className="sync-batches" aria-labelledby="sync-batches-title">
      <h2 id="sync-batches-title">{t('sync:batches.title')}</h2>
      <ErrorBanner code={result.shown ? errorCode : null} />
      {result.shown && done ? (
        <p role="status" className="success" data-testid="batch-done">
          {done.action === 'approved' ? t('sync:batches.approved', { batchId: done.batchId }) : t('sync:batches.declined', { batches: done.batches.join(', ') })}
        </p>
      ) : null}
      {declining ? (
        <ConfirmPrompt
          id="sync-decline"
          text={t('sync:batches.declineConfirm', { batchId: declining })}
          yes={t('sync:batches.declineYes')}
          no={t('sync:batches.declineNo')}
          onYes={() => {
            const batchId = declining;
            setDeclining(null);
            void decline(batchId);
          }}
          onNo={() => setDeclining(null)}
        />
      ) : null}
      {batches.length === 0 ? (
        <p className="empty">{t('sync:batches.empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table" data-testid="sync-batches">
            <thead>
              <tr>
                <th scope="col">{t('sync:batches.batchId')}</th>
                <th scope="col">{t('sync:batches.created')}</th>
                <th scope="col">{t('sync:batches.records')}</th>
                <th scope="col">{t('sync:batches.state')}</th>
                <th scope="col">{t('sync:batches.sentVia')}</th>
                <th scope="col">{t('sync:batches.attempts')}</th>
                <th scope="col">{t('sync:batches.lastError')}</th>
                <th scope="col">{t('sync:batches.ackCounts')}</th>
                {mayApprove ? <th scope="col">{t('sync:batches.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {batches.map((batch) => (
                <BatchRow
                  key={batch.batchId}
                  batch={batch}
                  mayApprove={mayApprove}
                  busy={busy}
                  onApprove={() => void approve(batch.batchId)}
                  onDecline={() => {
                    setDone(null);
                    setDeclining(batch.batchId);
                  }}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

interface BatchRowProps {
  batch: SyncBatch;
  mayApprove: boolean;
  busy: boolean;
  onApprove: () => void;
  onDecline: () => void;
}

function BatchRow({ batch, mayApprove, busy, onApprove, onDecline }: BatchRowProps) {
  const { t } = useT();
  const text = useSyncText();
  const formatDateTime = useFormatDateTime();
  const partiallyRejected = batch.state === 'acknowledged' && (batch.rejected ?? 0) > 0;
  const none = t('sync:none');
  return (
    <tr data-batch={batch.batchId} data-state={partiallyRejected ? 'partially_rejected' : batch.state}>
      <td className="mono">{batch.batchId}</td>
      <td className="time">{formatDateTime(batch.createdAt)}</td>
      <td className="numeric">{t('sync:batches.recordCounts', { records: batch.recordCount, omitted: batch.omittedCount, resent: batch.resentCount })}</td>
      <td data-testid="batch-state">
        <span className={`badge sync-badge sync-badge--${partiallyRejected ? 'partially-rejected' : batch.state}`}>
          {partiallyRejected ? t('sync:batchState.partiallyRejected') : t(`sync:batchState.${batch.state}`)}
        </span>
      </td>
      <td>{batch.sentVia ? t(`sync:batches.via.${batch.sentVia}`) : none}</td>
      <td className="numeric">{batch.sendAttempts}</td>
      <td data-testid="batch-error">{batch.lastError ? text.problem(batch.lastError) : none}</td>
      <td className="numeric" data-testid="batch-ack-counts">
        {batch.accepted === null ? none : t('sync:batches.ackCountValues', { accepted: batch.accepted, duplicate: batch.duplicate ?? 0, rejected: batch.rejected ?? 0 })}
      </td>
      {mayApprove ? (
        <td>
          {batch.state === 'pending_approval' ? (
            <div className="sync-row-actions">
              <button type="button" className="small" disabled={busy} onClick={onApprove}>
                {t('sync:batches.approve')}
              </button>
              <button type="button" className="small danger-outline" disabled={busy} onClick={onDecline}>
                {t('sync:batches.decline')}
              </button>
            </div>
          ) : null}
        </td>
      ) : null}
    </tr>
  );
}
