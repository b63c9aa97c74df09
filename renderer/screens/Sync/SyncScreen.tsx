import { useCallback, useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n/index';
import type { ErrorCode } from '../../../shared/contract/errors';
import type { Role } from '../../../shared/domain/roles';
import { asApiError, call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { LatestResultScope } from '../../hooks/useLatestResult';
import { mayCall } from '../../session';
import { AckImport } from './AckImport';
import { BatchTable } from './BatchTable';
import { ExportPanel } from './ExportPanel';
import { ProvinceKeys } from '../../components/settings/ProvinceKeys';
import { RejectionList } from './RejectionList';
import { SendPanel } from './SendPanel';
import { SyncSettingsForm, SyncSettingsView } from '../../components/settings/SyncSettingsForm';
import { SyncSummary } from './SyncSummary';
import type { SyncBatch, SyncRejection, SyncStatus } from './types';
import '../../components/records.css';
import '../../components/sync.css';

/** While something moves the status is read every second, so the progress bar moves; otherwise every ten. */
const BUSY_POLL_MS = 1_000;
const IDLE_POLL_MS = 10_000;

/** A send started from this screen: followed until the station reports a run that finished after it. */
type AwaitedRun = { previousFinishedAt: string | null } | null;

/**
 * Staff screen of the reporting to the provincial system: where it stands, USB export and
 * acknowledgements, sending over the network, the batches (with two-person approval), the records the
 * province rejected, the settings and the keys. Its panels share one result area: an action's banner
 * replaces the one before.
 */
export function SyncScreen({ role }: { role: Role }) {
  const { t } = useT();
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [batches, setBatches] = useState<SyncBatch[]>([]);
  const [rejections, setRejections] = useState<SyncRejection[]>([]);
  const [errorCode, setErrorCode] = useState<ErrorCode | null>(null);
  const [awaitedRun, setAwaitedRun] = useState<AwaitedRun>(null);
  const [exporting, setExporting] = useState(false);
  /** Counts status reads, so the next one is scheduled even when a read failed. */
  const [reads, setReads] = useState(0);
  const wasActive = useRef(false);
  const activeBatch = useRef<string | null>(null);
  const mayReadRejections = mayCall(role, 'sync:rejections');

  const loadLists = useCallback(async () => {
    try {
      setBatches((await call('sync:batches', undefined)).batches);
      if (mayReadRejections) setRejections((await call('sync:rejections', undefined)).records);
    } catch (error) {
      setErrorCode(asApiError(error).code);
    }
  }, [mayReadRejections]);

  const loadStatus = useCallback(async () => {
    try {
      const next = await call('sync:status', undefined);
      setStatus(next);
      setErrorCode(null);
      // A transfer that just ended, or took a batch a step further, changed the batches: read them again once.
      const batchNow = next.activity?.batchId ? `${next.activity.step}:${next.activity.batchId}` : null;
      const active = next.activity !== null || next.sending !== null;
      if ((wasActive.current && !active) || (batchNow !== null && batchNow !== activeBatch.current)) void loadLists();
      wasActive.current = active;
      activeBatch.current = batchNow;
      setAwaitedRun((awaited) => (awaited && next.sending === null && (next.lastRun?.finishedAt ?? null) !== awaited.previousFinishedAt ? null : awaited));
    } catch (error) {
      setErrorCode(asApiError(error).code);
    } finally {
      setReads((count) => count + 1);
    }
  }, [loadLists]);

  const reload = useCallback(async () => {
    await Promise.all([loadStatus(), loadLists()]);
  }, [loadStatus, loadLists]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const busy = status?.activity != null || status?.sending != null || awaitedRun !== null || exporting;
  useEffect(() => {
    if (reads === 0) return undefined;
    const timer = setTimeout(() => void loadStatus(), busy ? BUSY_POLL_MS : IDLE_POLL_MS);
    return () => clearTimeout(timer);
  }, [reads, busy, loadStatus]);

  const onSendStarted = useCallback(() => {
    setAwaitedRun({ previousFinishedAt: status?.lastRun?.finishedAt ?? null });
    wasActive.current = true;
    void loadStatus();
  }, [status, loadStatus]);

  const onChanged = useCallback(() => void reload(), [reload]);
  const onSendCancelled = useCallback(() => {
    setAwaitedRun(null);
    void reload();
  }, [reload]);
  const onResent = useCallback(
    (records: SyncRejection[]) => {
      setRejections(records);
      // The row now waits to be sent again: the counts change with it.
      void loadStatus();
    },
    [loadStatus],
  );

  return (
    <section className="panel panel--wide sync-screen" aria-labelledby="sync-title">
      <h1 id="sync-title">{t('sync:title')}</h1>
      <p className="lead">{t('sync:intro')}</p>
      <ErrorBanner code={errorCode} />
      {status === null ? (
        errorCode ? null : <p className="loading">{t('loading')}</p>
      ) : (
        <LatestResultScope>
          <SyncSummary status={status} />
          <div className="sync-panels">
            {mayCall(role, 'sync:export') ? <ExportPanel onRunning={setExporting} onDone={onChanged} /> : null}
            {mayCall(role, 'sync:importAck') ? <AckImport onImported={onChanged} /> : null}
            {mayCall(role, 'sync:send') ? <SendPanel status={status} onStarted={onSendStarted} onCancelled={onSendCancelled} /> : null}
          </div>
          <BatchTable batches={batches} mayApprove={mayCall(role, 'sync:approve')} onChanged={onChanged} />
          {mayReadRejections ? <RejectionList records={rejections} mayResend={mayCall(role, 'sync:resend')} onResent={onResent} /> : null}
          <div className="sync-panels">
            {mayCall(role, 'sync:settings') ? <SyncSettingsForm current={status.settings} onSaved={onChanged} role={role} /> : <SyncSettingsView current={status.settings} />}
            <ProvinceKeys keys={status.provinceKeys} stationKeyId={status.stationKeyId} mayImport={mayCall(role, 'sync:importProvinceKey')} onImported={onChanged} />
          </div>
        </LatestResultScope>
      )}
    </section>
  );
}
