import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FiguresTablesView, JudgedView } from '../../../../shared/console/figures-calls';
import { CountCharts } from '../../../components/charts/CountCharts';
import { TargetStatusBadge } from '../../../components/TargetStatusBadge';
import { useFiguresFormat } from '../../../hooks/useFiguresFormat';
import { consoleCall, failureOf, type ConsoleFailure } from '../../api/client';
import { useConsoleT } from '../../i18n';
import { ConsoleErrorBanner } from '../../parts/ConsoleErrorBanner';
import { downloadFile } from '../../parts/downloadFile';
import { ScrollingTable } from '../../parts/ScrollingTable';
import { useConsoleLoad } from '../../parts/useConsoleLoad';
import { CareFiguresSection } from './CareFiguresSection';
import { FigureTable } from './FigureTable';

/** Today in China Standard Time, YYYY-MM-DD: the figures' days are the province's. */
function provinceToday(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

interface Period {
  from: string;
  to: string;
}

/**
 * The province's figures over a period against its targets: the summary, charts per prefecture, month and
 * program, the tables per prefecture, station, program, month and stem-cell status, each target's status in
 * words beside its colour, and the tables as CSV or XLSX and the year's PDF report to download; then the year's
 * care for donor families (`CareFiguresSection`).
 */
export function FiguresScreen() {
  const { t, i18n } = useConsoleT();
  const { t: tr } = useTranslation('registration');
  const format = useFiguresFormat();
  const today = provinceToday();
  const [period, setPeriod] = useState<Period>({ from: `${today.slice(0, 4)}-01-01`, to: today });
  const [typed, setTyped] = useState<Period>(period);
  const [year, setYear] = useState(Number(today.slice(0, 4)));
  const [downloadError, setDownloadError] = useState<ConsoleFailure | null>(null);
  const [downloaded, setDownloaded] = useState<string | null>(null);
  const load = useConsoleLoad(() => consoleCall('figures:get', period), `figures:${period.from}:${period.to}`);
  const language = i18n.language === 'en' ? 'en' : 'zh-CN';

  function apply(event: FormEvent) {
    event.preventDefault();
    setPeriod(typed);
  }

  async function download(make: () => Promise<{ fileName: string; contentType: string; base64: string }>) {
    try {
      const file = await make();
      downloadFile(file);
      setDownloaded(file.fileName);
      setDownloadError(null);
    } catch (error) {
      setDownloadError(failureOf(error));
      setDownloaded(null);
    }
  }

  const share = (value: number | null) => (value === null ? t('consoleFigures:none') : format.percent(value));
  const judged = (value: JudgedView | null, asShare: boolean) =>
    value === null ? (
      t('consoleFigures:none')
    ) : (
      <>
        {asShare ? share(value.value) : value.value === null ? t('consoleFigures:none') : format.whole(value.value)}{' '}
        <TargetStatusBadge status={value.status} unknownLabel={value.reason ? t(`consoleFigures:unknown.${value.reason}`) : t('consoleFigures:none')} />
      </>
    );
  const program = (code: string) => tr(`program.${code}`, { defaultValue: code });
  const prefecture = (row: FiguresTablesView['prefectures'][number]) => (row.prefectureName ? (language === 'en' ? row.prefectureName.en : row.prefectureName.zh) : row.prefectureCode);

  const tables = load.data;
  return (
    <section className="panel panel--wide console-screen">
      <h1>{t('consoleFigures:title')}</h1>
      <p className="lead">{t('consoleFigures:intro')}</p>
      <form className="console-filter" onSubmit={apply}>
        <div className="field">
          <label htmlFor="figures-from">{t('consoleFigures:period.from')}</label>
          <input id="figures-from" type="date" value={typed.from} onChange={(event) => setTyped({ ...typed, from: event.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="figures-to">{t('consoleFigures:period.to')}</label>
          <input id="figures-to" type="date" value={typed.to} onChange={(event) => setTyped({ ...typed, to: event.target.value })} />
        </div>
        <button type="submit">{t('consoleFigures:period.apply')}</button>
      </form>
      <ConsoleErrorBanner code={load.error} />
      <section className="console-form" aria-labelledby="figures-downloads">
        <h2 id="figures-downloads">{t('consoleFigures:downloads.title')}</h2>
        <div className="console-actions">
          <button type="button" onClick={() => void download(() => consoleCall('figures:table', { ...period, format: 'csv', language }))}>
            {t('consoleFigures:downloads.csv')}
          </button>
          <button type="button" onClick={() => void download(() => consoleCall('figures:table', { ...period, format: 'xlsx', language }))}>
            {t('consoleFigures:downloads.xlsx')}
          </button>
        </div>
        <div className="console-filter">
          <div className="field">
            <label htmlFor="figures-year">{t('consoleFigures:downloads.year')}</label>
            <input id="figures-year" type="number" min={2000} max={2100} value={year} onChange={(event) => setYear(Number(event.target.value))} />
          </div>
          <button type="button" onClick={() => void download(() => consoleCall('figures:yearlyReport', { year }))}>
            {t('consoleFigures:downloads.yearly')}
          </button>
        </div>
        {downloaded ? (
          <p className="console-done" role="status">
            {t('consoleFigures:downloads.done', { file: downloaded })}
          </p>
        ) : null}
        <ConsoleErrorBanner code={downloadError} />
      </section>
      {tables ? (
        <>
          <p data-testid="figures-period">
            {t('consoleFigures:period.shown', { from: tables.period.from, to: tables.period.to, previousFrom: tables.previousPeriod.from, previousTo: tables.previousPeriod.to })}
          </p>
          <ScrollingTable label={t('consoleFigures:summary.caption')}>
            <table className="data-table" aria-label={t('consoleFigures:summary.caption')} data-testid="figures-summary">
              <thead>
                <tr>
                  <th>{t('consoleFigures:summary.indicator')}</th>
                  <th>{t('consoleFigures:summary.value')}</th>
                  <th>{t('consoleFigures:summary.target')}</th>
                  <th>{t('consoleFigures:summary.status')}</th>
                </tr>
              </thead>
              <tbody>
                {tables.summary
                  .filter((line) => line.unit !== 'period')
                  .map((line) => (
                    <tr key={line.indicator} data-indicator={line.indicator}>
                      <th scope="row">{t(`consoleFigures:indicator.${line.indicator}` as 'consoleFigures:indicator.registrations', { defaultValue: line.indicator })}</th>
                      <td className="numeric">{line.unit === 'share' ? share(line.value) : line.value === null ? t('consoleFigures:none') : format.whole(line.value)}</td>
                      <td className="numeric">{line.judged?.target === null || line.judged === undefined ? '' : format.percent(line.judged.target)}</td>
                      <td>
                        {line.judged ? (
                          <TargetStatusBadge status={line.judged.status} unknownLabel={line.judged.reason ? t(`consoleFigures:unknown.${line.judged.reason}`) : t('consoleFigures:none')} />
                        ) : null}
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </ScrollingTable>
          <CountCharts
            charts={[
              {
                testId: 'figures-chart-prefectures',
                title: t('consoleFigures:charts.prefectures'),
                data: tables.prefectures.map((row) => ({ label: prefecture(row), registrations: row.registrations })),
                series: [{ key: 'registrations', label: t('consoleFigures:charts.registrations') }],
                layout: 'rows',
              },
              {
                testId: 'figures-chart-months',
                title: t('consoleFigures:charts.months'),
                data: tables.months.map((row) => ({ label: format.month(row.month), registrations: row.registrations, withdrawals: row.withdrawals })),
                series: [
                  { key: 'registrations', label: t('consoleFigures:charts.registrations') },
                  { key: 'withdrawals', label: t('consoleFigures:charts.withdrawals') },
                ],
              },
              {
                testId: 'figures-chart-programs',
                title: t('consoleFigures:charts.programs'),
                data: tables.programs.map((row) => ({ label: program(row.program), registrations: row.registrations })),
                series: [{ key: 'registrations', label: t('consoleFigures:charts.registrations') }],
                layout: 'rows',
              },
            ]}
          />
          <FigureTable
            caption={t('consoleFigures:prefectures.caption')}
            testId="figures-prefectures"
            rows={tables.prefectures}
            rowKey={(row) => row.prefectureCode}
            rowHeading={{ heading: t('consoleFigures:prefectures.name'), cell: prefecture }}
            columns={[
              { heading: t('consoleFigures:prefectures.registrations'), numeric: true, cell: (row) => format.whole(row.registrations) },
              { heading: t('consoleFigures:prefectures.previous'), numeric: true, cell: (row) => (row.previousRegistrations === null ? t('consoleFigures:none') : format.whole(row.previousRegistrations)) },
              { heading: t('consoleFigures:prefectures.growth'), cell: (row) => judged(row.growth, true) },
              { heading: t('consoleFigures:prefectures.withdrawals'), numeric: true, cell: (row) => format.whole(row.withdrawals) },
              { heading: t('consoleFigures:prefectures.volunteers'), numeric: true, cell: (row) => format.whole(row.volunteers) },
              { heading: t('consoleFigures:prefectures.recontact'), cell: (row) => judged(row.recontact, true) },
              { heading: t('consoleFigures:prefectures.reach'), cell: (row) => judged(row.reach, true) },
              { heading: t('consoleFigures:prefectures.satisfaction'), cell: (row) => judged(row.satisfaction, true) },
            ]}
          />
          <FigureTable
            caption={t('consoleFigures:stations.caption')}
            testId="figures-stations"
            rows={tables.stations}
            rowKey={(row) => row.stationCode}
            rowHeading={{ heading: t('consoleFigures:stations.station'), cell: (row) => row.stationCode, className: 'mono' }}
            columns={[
              { heading: t('consoleFigures:stations.registrations'), numeric: true, cell: (row) => format.whole(row.registrations) },
              { heading: t('consoleFigures:stations.people'), numeric: true, cell: (row) => format.whole(row.people) },
              { heading: t('consoleFigures:stations.withdrawals'), numeric: true, cell: (row) => format.whole(row.withdrawals) },
              { heading: t('consoleFigures:stations.visits'), numeric: true, cell: (row) => format.whole(row.visits) },
              { heading: t('consoleFigures:stations.visitors'), numeric: true, cell: (row) => format.whole(row.visitors) },
              { heading: t('consoleFigures:stations.sessions'), numeric: true, cell: (row) => format.whole(row.sessionsHeld) },
              { heading: t('consoleFigures:stations.attendees'), numeric: true, cell: (row) => format.whole(row.attendees) },
              { heading: t('consoleFigures:stations.satisfaction'), cell: (row) => judged(row.satisfaction, true) },
            ]}
          />
          <FigureTable
            caption={t('consoleFigures:programs.caption')}
            rows={tables.programs}
            rowKey={(row) => row.program}
            rowHeading={{ heading: t('consoleFigures:programs.program'), cell: (row) => program(row.program) }}
            columns={[
              { heading: t('consoleFigures:programs.registrations'), numeric: true, cell: (row) => format.whole(row.registrations) },
              { heading: t('consoleFigures:programs.people'), numeric: true, cell: (row) => format.whole(row.people) },
              { heading: t('consoleFigures:programs.withdrawals'), numeric: true, cell: (row) => format.whole(row.withdrawals) },
            ]}
          />
          <FigureTable
            caption={t('consoleFigures:months.caption')}
            rows={tables.months}
            rowKey={(row) => row.month}
            rowHeading={{ heading: t('consoleFigures:months.month'), cell: (row) => format.month(row.month) }}
            columns={[
              { heading: t('consoleFigures:months.registrations'), numeric: true, cell: (row) => format.whole(row.registrations) },
              { heading: t('consoleFigures:months.withdrawals'), numeric: true, cell: (row) => format.whole(row.withdrawals) },
              { heading: t('consoleFigures:months.visits'), numeric: true, cell: (row) => format.whole(row.visits) },
              { heading: t('consoleFigures:months.attendees'), numeric: true, cell: (row) => format.whole(row.attendees) },
            ]}
          />
          <FigureTable
            caption={t('consoleFigures:stemCell.caption')}
            rows={tables.stemCell}
            rowKey={(row) => row.status}
            rowHeading={{ heading: t('consoleFigures:stemCell.status'), cell: (row) => tr(`stemCellStatus.${row.status}`, { defaultValue: row.status }) }}
            columns={[
              { heading: t('consoleFigures:stemCell.now'), numeric: true, cell: (row) => format.whole(row.now) },
              { heading: t('consoleFigures:stemCell.registeredInPeriod'), numeric: true, cell: (row) => format.whole(row.registeredInPeriod) },
            ]}
          />
        </>
      ) : null}
      <CareFiguresSection key={period.to.slice(0, 4)} initialYear={Number(period.to.slice(0, 4))} />
    </section>
  );
}
