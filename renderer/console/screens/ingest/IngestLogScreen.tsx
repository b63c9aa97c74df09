import { useState, type FormEvent } from 'react';
import { ingestOutcomes, type IngestLogEntryView, type IngestOutcomeCode } from '../../../../shared/console/ingest-calls';
import { batchErrorCodes, recordRejectCodes, type BatchErrorCode, type RecordRejectCode } from '../../../../shared/domain/sync';
import { useFormatDateTime } from '../../../hooks/useFormatDateTime';
import { consoleCall } from '../../api/client';
import { useConsoleT } from '../../i18n';
import { ConsoleErrorBanner } from '../../parts/ConsoleErrorBanner';
import { useConsoleLoad } from '../../parts/useConsoleLoad';

const PAGE_SIZE = 50;

interface LogFilter {
  station: string;
  outcome: IngestOutcomeCode | '';
}

const isBatchErrorCode = (code: string): code is BatchErrorCode => (batchErrorCodes as readonly string[]).includes(code);
const isRecordRejectCode = (code: string): code is RecordRejectCode => (recordRejectCodes as readonly string[]).includes(code);

/**
 * The ingest log a page at a time, newest first, filtered by station and outcome: each refusal's reason and
 * each rejected line's code in the screen's language (the station's own texts for the protocol's codes).
 */
export function IngestLogScreen() {
  const { t } = useConsoleT();
  const formatDateTime = useFormatDateTime('medium');
  const [filter, setFilter] = useState<LogFilter>({ station: '', outcome: '' });
  const [typed, setTyped] = useState<LogFilter>(filter);
  // The cursors of the pages walked so far (null for the newest).
  const [pages, setPages] = useState<(string | null)[]>([null]);
  const page = pages.at(-1) ?? null;
  const load = useConsoleLoad(
    () =>
      consoleCall('ingest:log', {
        page,
        pageSize: PAGE_SIZE,
        ...(filter.station.trim() ? { station: filter.station.trim().toUpperCase() } : {}),
        ...(filter.outcome ? { outcome: filter.outcome } : {}),
      }),
    `ingest:${filter.station}:${filter.outcome}:${page ?? 'newest'}`,
  );

  function apply(event: FormEvent) {
    event.preventDefault();
    setFilter(typed);
    setPages([null]);
  }

  const reasonOf = (code: string) => (isBatchErrorCode(code) ? t(`sync:batchError.${code}`) : t('consoleIngest:list.unknownReason', { code }));
  const rejectionOf = (code: string) => (isRecordRejectCode(code) ? t(`sync:recordCode.${code}`) : t('consoleIngest:list.unknownReason', { code }));

  function detailOf(entry: IngestLogEntryView) {
    const lines: string[] = [];
    if (entry.refusalCode) lines.push(reasonOf(entry.refusalCode));
    if (entry.counts) lines.push(t('consoleIngest:list.counts', entry.counts));
    for (const [code, count] of Object.entries(entry.rejectedByCode ?? {})) lines.push(t('consoleIngest:list.rejectedCode', { reason: rejectionOf(code), count }));
    if (entry.alert) lines.push(t('consoleIngest:list.alert'));
    return lines;
  }

  return (
    <section className="panel panel--wide console-screen">
      <h1>{t('consoleIngest:title')}</h1>
      <p className="lead">{t('consoleIngest:intro')}</p>
      <form className="console-filter" onSubmit={apply}>
        <div className="field">
          <label htmlFor="ingest-station">{t('consoleIngest:filter.station')}</label>
          <input id="ingest-station" value={typed.station} placeholder={t('consoleIngest:filter.anyStation')} onChange={(event) => setTyped({ ...typed, station: event.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="ingest-outcome">{t('consoleIngest:filter.outcome')}</label>
          <select id="ingest-outcome" value={typed.outcome} onChange={(event) => setTyped({ ...typed, outcome: event.target.value as LogFilter['outcome'] })}>
            <option value="">{t('consoleIngest:filter.anyOutcome')}</option>
            {ingestOutcomes.map((outcome) => (
              <option key={outcome} value={outcome}>
                {t(`consoleIngest:outcome.${outcome}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t('consoleIngest:filter.apply')}</button>
      </form>
      <ConsoleErrorBanner code={load.error} />
      {load.data && load.data.entries.length === 0 ? <p>{t('consoleIngest:list.empty')}</p> : null}
      {load.data && load.data.entries.length > 0 ? (
        <div className="console-table-scroll">
          <table className="data-table" aria-label={t('consoleIngest:list.caption')}>
            <thead>
              <tr>
                <th>{t('consoleIngest:list.at')}</th>
                <th>{t('consoleIngest:list.station')}</th>
                <th>{t('consoleIngest:list.batch')}</th>
                <th>{t('consoleIngest:list.via')}</th>
                <th>{t('consoleIngest:list.outcome')}</th>
                <th>{t('consoleIngest:list.size')}</th>
                <th>{t('consoleIngest:list.detail')}</th>
              </tr>
            </thead>
            <tbody>
              {load.data.entries.map((entry) => (
                <tr key={entry.seq} data-testid="ingest-entry" data-outcome={entry.outcome}>
                  <td className="nowrap">{formatDateTime(entry.receivedAt)}</td>
                  <td className="mono">{entry.stationCode ?? t('console:none')}</td>
                  <td className="mono">{entry.batchId ?? t('console:none')}</td>
                  <td>{t(`consoleIngest:via.${entry.via}`)}</td>
                  <td>{t(`consoleIngest:outcome.${entry.outcome}`)}</td>
                  <td className="numeric">{t('consoleIngest:list.bytes', { size: entry.bytes })}</td>
                  <td data-testid="ingest-detail">
                    {detailOf(entry).map((line) => (
                      <div key={line}>{line}</div>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <div className="console-pager">
        <button type="button" disabled={pages.length === 1} onClick={() => setPages([null])}>
          {t('console:first')}
        </button>
        <button type="button" disabled={pages.length === 1} onClick={() => setPages(pages.slice(0, -1))}>
          {t('console:previous')}
        </button>
        <button type="button" disabled={!load.data?.nextPage} onClick={() => load.data?.nextPage && setPages([...pages, load.data.nextPage])}>
          {t('console:next')}
        </button>
      </div>
    </section>
  );
}
