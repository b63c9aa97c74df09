import { useState, type FormEvent } from 'react';
import type { CareFiguresView } from '../../../../shared/console/figures-calls';
import { aidCaseStates } from '../../../../shared/domain/aid';
import { useFiguresFormat } from '../../../hooks/useFiguresFormat';
import { consoleCall } from '../../api/client';
import { useConsoleT } from '../../i18n';
import { ConsoleErrorBanner } from '../../parts/ConsoleErrorBanner';
import { useConsoleLoad } from '../../parts/useConsoleLoad';
import { FigureTable, type FigureColumn } from './FigureTable';

type CareTally = CareFiguresView['totals'];

/** The figures of a group's care, in the order the summary and the tables show them. */
const tallyFields = ['familiesOnFile', 'familiesCaredFor', 'contacts', 'contactsPerFamily', 'invitations', 'accepted', 'attended', 'doNotContact'] as const;

interface CareFiguresSectionProps {
  /** The year shown first: the year the figures screen's period ends in. */
  initialYear: number;
}

/**
 * The province's care for donor families in a year, as the stations report it (figures only, no family named):
 * families on file and cared for, contacts, remembrance invitations, do-not-contact families, per prefecture and
 * station, and humanitarian aid per programme by state with what was paid.
 */
export function CareFiguresSection({ initialYear }: CareFiguresSectionProps) {
  const { t, i18n } = useConsoleT();
  const format = useFiguresFormat();
  const [year, setYear] = useState(initialYear);
  const [typed, setTyped] = useState(String(initialYear));
  const load = useConsoleLoad(() => consoleCall('figures:care', { year }), `figures:care:${year}`);
  const language = i18n.language === 'en' ? 'en' : 'zh-CN';

  function apply(event: FormEvent) {
    event.preventDefault();
    setYear(Number(typed));
  }

  const value = (tally: CareTally, field: (typeof tallyFields)[number]) => {
    const figure = tally[field];
    if (figure === null) return t('consoleFigures:none');
    return field === 'contactsPerFamily' ? format.decimal(figure) : format.whole(figure);
  };
  const tallyColumns = <Row extends CareTally>(): Array<FigureColumn<Row>> =>
    tallyFields.map((field) => ({ heading: t(`consoleFigures:care.${field}`), numeric: true, cell: (row: Row) => value(row, field) }));
  const prefecture = (row: CareFiguresView['byPrefecture'][number]) => (row.prefectureName ? (language === 'en' ? row.prefectureName.en : row.prefectureName.zh) : row.prefectureCode);

  const figures = load.data;
  return (
    <section className="console-form" aria-labelledby="care-figures-title" data-testid="care-figures">
      <h2 id="care-figures-title">{t('consoleFigures:care.title')}</h2>
      <p>{t('consoleFigures:care.intro')}</p>
      <form className="console-filter" onSubmit={apply}>
        <div className="field">
          <label htmlFor="care-figures-year">{t('consoleFigures:care.year')}</label>
          <input id="care-figures-year" type="number" min={2000} max={2100} value={typed} onChange={(event) => setTyped(event.target.value)} />
        </div>
        <button type="submit">{t('consoleFigures:care.show')}</button>
      </form>
      <ConsoleErrorBanner code={load.error} />
      {figures ? (
        <>
          <p data-testid="care-figures-year">{t('consoleFigures:care.shown', { year: figures.year })}</p>
          <FigureTable
            caption={t('consoleFigures:care.summaryCaption')}
            testId="care-summary"
            rows={tallyFields}
            rowKey={(field) => field}
            rowHeading={{ heading: t('consoleFigures:care.indicator'), cell: (field) => t(`consoleFigures:care.${field}`) }}
            columns={[{ heading: t('consoleFigures:care.value'), numeric: true, cell: (field) => value(figures.totals, field) }]}
          />
          <FigureTable
            caption={t('consoleFigures:care.prefecturesCaption')}
            testId="care-prefectures"
            rows={figures.byPrefecture}
            rowKey={(row) => row.prefectureCode}
            rowHeading={{ heading: t('consoleFigures:care.prefecture'), cell: prefecture }}
            columns={tallyColumns()}
          />
          <FigureTable
            caption={t('consoleFigures:care.stationsCaption')}
            testId="care-stations"
            rows={figures.byStation}
            rowKey={(row) => row.stationCode}
            rowHeading={{ heading: t('consoleFigures:care.station'), cell: (row) => row.stationCode, className: 'mono' }}
            columns={tallyColumns()}
          />
          <FigureTable
            caption={t('consoleFigures:care.aidCaption')}
            testId="care-aid"
            rows={figures.aid}
            rowKey={(row) => row.programme}
            rowHeading={{ heading: t('consoleFigures:care.programme'), cell: (row) => t(`consoleFigures:care.programmes.${row.programme}`) }}
            columns={[
              ...aidCaseStates.map((state) => ({ heading: t(`consoleFigures:care.states.${state}`), numeric: true, cell: (row: CareFiguresView['aid'][number]) => format.whole(row.cases[state] ?? 0) })),
              { heading: t('consoleFigures:care.paid'), numeric: true, cell: (row) => format.whole(row.paid) },
              { heading: t('consoleFigures:care.paidYuan'), numeric: true, cell: (row) => format.decimal(row.paidYuan) },
            ]}
          />
        </>
      ) : null}
    </section>
  );
}
