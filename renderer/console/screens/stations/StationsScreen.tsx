import { useState, type FormEvent } from 'react';
import type { StationHealthView } from '../../../../shared/console/stations-calls';
import { useFormatDateTime } from '../../../hooks/useFormatDateTime';
import { useRegionName } from '../../../hooks/useRegionName';
import { consoleCall } from '../../api/client';
import { useConsoleT } from '../../i18n';
import { ConsoleErrorBanner } from '../../parts/ConsoleErrorBanner';
import { useConsoleLoad } from '../../parts/useConsoleLoad';

/** Days without a file after which a station is called silent, until the person at the screen picks another. */
const DEFAULT_SILENT_DAYS = 7;

/**
 * Every station of the province and what the hub can tell of its health; a station silent for more than the
 * days chosen on the screen (a control, 7 by default) is warned about above the table and on its row.
 */
export function StationsScreen() {
  const { t } = useConsoleT();
  const formatDateTime = useFormatDateTime();
  const regionName = useRegionName();
  const [days, setDays] = useState(DEFAULT_SILENT_DAYS);
  const [typed, setTyped] = useState(String(DEFAULT_SILENT_DAYS));
  const load = useConsoleLoad(() => consoleCall('stations:overview', { silentAfterDays: days }), `stations:${days}`);
  const stations = load.data?.stations ?? [];
  const silent = stations.filter((station) => station.silent);

  function apply(event: FormEvent) {
    event.preventDefault();
    const chosen = Number(typed);
    if (Number.isInteger(chosen) && chosen >= 1 && chosen <= 365) setDays(chosen);
  }

  return (
    <section className="panel panel--wide console-screen">
      <h1>{t('consoleStations:title')}</h1>
      <p className="lead">{t('consoleStations:intro')}</p>
      <form className="console-filter" onSubmit={apply}>
        <div className="field">
          <label htmlFor="silent-days">{t('consoleStations:silentDays')}</label>
          <span className="console-filter__inline">
            <input id="silent-days" type="number" min={1} max={365} step={1} value={typed} onChange={(event) => setTyped(event.target.value)} required />
            <span>{t('consoleStations:silentDaysUnit')}</span>
          </span>
        </div>
        <button type="submit">{t('consoleStations:apply')}</button>
      </form>
      <ConsoleErrorBanner code={load.error} />
      {load.data ? (
        silent.length > 0 ? (
          <p className="console-warning" role="alert" data-testid="silent-stations">
            {t('consoleStations:silentCount', { count: silent.length, days: load.data.silentAfterDays })}
          </p>
        ) : (
          <p className="console-done" role="status">
            {t('consoleStations:allHeard', { days: load.data.silentAfterDays })}
          </p>
        )
      ) : null}
      {load.data && stations.length === 0 ? <p>{t('consoleStations:list.empty')}</p> : null}
      {stations.length > 0 ? (
        <div className="console-table-scroll">
          <table className="data-table" aria-label={t('consoleStations:list.caption')}>
            <thead>
              <tr>
                <th>{t('consoleStations:list.code')}</th>
                <th>{t('consoleStations:list.name')}</th>
                <th>{t('consoleStations:list.kind')}</th>
                <th>{t('consoleStations:list.region')}</th>
                <th>{t('consoleStations:list.key')}</th>
                <th>{t('consoleStations:list.lastBatch')}</th>
                <th>{t('consoleStations:list.lastSeen')}</th>
                <th>{t('consoleStations:list.notTaken')}</th>
                <th>{t('consoleStations:list.refused')}</th>
                <th>{t('consoleStations:list.rejected')}</th>
                <th>{t('consoleStations:list.alert')}</th>
              </tr>
            </thead>
            <tbody>
              {stations.map((station) => (
                <tr key={station.code} data-testid={`station-${station.code}`} className={station.silent ? 'console-row--warning' : undefined}>
                  <td className="mono">
                    {station.code}
                    {station.silent ? (
                      <span className="console-badge console-badge--warning" data-testid="station-silent">
                        {t('consoleStations:list.silent', { days: load.data?.silentAfterDays ?? days })}
                      </span>
                    ) : null}
                  </td>
                  <td>{station.name}</td>
                  <td>{t(`consoleStations:kind.${station.kind}`)}</td>
                  <td>{regionName(station.regionCode)}</td>
                  <td>
                    <StationKeys code={station.code} keys={station.keys} />
                  </td>
                  <td className="nowrap">
                    {station.lastBatch ? t('consoleStations:list.lastBatchValue', { seq: station.lastBatch.batchSeq, at: formatDateTime(station.lastBatch.receivedAt) }) : t('console:none')}
                  </td>
                  <td className="nowrap">{station.lastSeenAt ? formatDateTime(station.lastSeenAt) : t('consoleStations:list.never')}</td>
                  <td className="numeric">{station.batchesNotTaken}</td>
                  <td className="numeric">{station.refusedSinceLastTaken}</td>
                  <td className="numeric">{station.rejectedRecordsLast30Days}</td>
                  <td>
                    {station.auditHeadAlert ? (
                      <span className="console-badge console-badge--warning">
                        {t('consoleStations:list.alertValue', { seq: station.auditHeadAlert.batchSeq, at: formatDateTime(station.auditHeadAlert.receivedAt) })}
                      </span>
                    ) : (
                      t('console:none')
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

/**
 * The key a station signs with now, and a disclosure with every key registered for it: when each was
 * registered and when the next one replaced it (a replaced key still verifies the batches it signed).
 */
function StationKeys({ code, keys }: { code: string; keys: StationHealthView['keys'] }) {
  const { t } = useConsoleT();
  const formatDateTime = useFormatDateTime();
  const current = keys.at(-1);
  if (!current) return <>{t('console:none')}</>;
  return (
    <>
      <span className="mono" data-testid="station-key-current">
        {current.fingerprint}
      </span>
      <details className="console-key-history" data-testid="station-key-history">
        <summary>{t('consoleStations:list.keyHistory', { count: keys.length })}</summary>
        <table className="data-table" aria-label={t('consoleStations:keys.caption', { code })}>
          <thead>
            <tr>
              <th>{t('consoleStations:keys.fingerprint')}</th>
              <th>{t('consoleStations:keys.registeredAt')}</th>
              <th>{t('consoleStations:keys.replacedAt')}</th>
            </tr>
          </thead>
          <tbody>
            {keys.map((key) => (
              <tr key={key.fingerprint} data-testid="station-key" data-state={key.replacedAt === null ? 'in-use' : 'replaced'}>
                <td className="mono">{key.fingerprint}</td>
                <td className="nowrap">{formatDateTime(key.registeredAt)}</td>
                <td className="nowrap">{key.replacedAt === null ? t('consoleStations:keys.inUse') : formatDateTime(key.replacedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="field__hint">{t('consoleStations:keys.note')}</p>
      </details>
    </>
  );
}
