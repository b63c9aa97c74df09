import { useState, type FormEvent } from 'react';
import { useT } from '../../i18n/index';
import type { FieldIssue } from '../../../shared/contract/errors';
import { Field } from '../../components/Field';

interface YearPickerProps {
  /** The station's year today, for the presets. */
  thisYear: number;
  /** The year on screen. */
  shown: number;
  issues: readonly FieldIssue[];
  busy: boolean;
  onShow: (year: number) => void;
}

/** The year the dashboard covers: this year, last year, or one typed in (the station refuses one still to come). */
export function YearPicker({ thisYear, shown, issues, busy, onShow }: YearPickerProps) {
  const { t } = useT();
  const [year, setYear] = useState(String(shown));
  const show = (next: number) => {
    setYear(String(next));
    onShow(next);
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    // Whatever was typed goes to the station, which says what is wrong with it.
    onShow(Number(year));
  };
  return (
    <form className="figures-period" onSubmit={onSubmit} noValidate aria-label={t('dashboard:year.label')}>
      <div className="period-switch" role="group" aria-label={t('dashboard:year.label')}>
        <button type="button" onClick={() => show(thisYear)} disabled={busy}>
          {t('dashboard:year.thisYear')}
        </button>
        <button type="button" onClick={() => show(thisYear - 1)} disabled={busy}>
          {t('dashboard:year.lastYear')}
        </button>
      </div>
      <Field id="dashboard-year" label={t('dashboard:year.field')} issue={issues.find((issue) => issue.path === 'year')}>
        <input id="dashboard-year" type="number" inputMode="numeric" value={year} onChange={(event) => setYear(event.target.value)} required />
      </Field>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {t('dashboard:year.show')}
        </button>
      </div>
    </form>
  );
}
