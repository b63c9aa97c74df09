import { useState, type FormEvent } from 'react';
import { useT } from '../../i18n/index';
import type { FieldIssue } from '../../../shared/contract/errors';
import { previousYear, yearToDate } from '../../../shared/domain/figures';
import { Field } from '../../components/Field';
import type { FiguresQuery } from './types';

interface PeriodPickerProps {
  /** The station's date today, for the presets. */
  today: string;
  query: FiguresQuery;
  /** The station's own site first; a selector appears once there is more than one. */
  sites: readonly string[];
  issues: readonly FieldIssue[];
  busy: boolean;
  onShow: (query: FiguresQuery) => void;
}

/** The period (two dates, or a preset) and the site the figures are for. */
export function PeriodPicker({ today, query, sites, issues, busy, onShow }: PeriodPickerProps) {
  const { t } = useT();
  const [from, setFrom] = useState(query.from);
  const [to, setTo] = useState(query.to);
  const [site, setSite] = useState(query.site ?? sites[0] ?? '');
  const issueFor = (path: string) => issues.find((issue) => issue.path === path);
  const show = (period: { from: string; to: string }) => {
    setFrom(period.from);
    setTo(period.to);
    onShow({ ...period, ...(site ? { site } : {}) });
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    show({ from, to });
  };
  return (
    <form className="figures-period" onSubmit={onSubmit} noValidate aria-label={t('figures:period.label')}>
      <div className="period-switch" role="group" aria-label={t('figures:period.label')}>
        <button type="button" onClick={() => show(yearToDate(today))} disabled={busy}>
          {t('figures:period.thisYear')}
        </button>
        <button type="button" onClick={() => show(previousYear(today))} disabled={busy}>
          {t('figures:period.lastYear')}
        </button>
      </div>
      <Field id="figures-from" label={t('figures:period.from')} issue={issueFor('from')}>
        <input id="figures-from" type="date" value={from} onChange={(event) => setFrom(event.target.value)} required />
      </Field>
      <Field id="figures-to" label={t('figures:period.to')} issue={issueFor('to')}>
        <input id="figures-to" type="date" value={to} onChange={(event) => setTo(event.target.value)} required />
      </Field>
      {sites.length > 1 ? (
        <Field id="figures-site" label={t('figures:site')} issue={issueFor('site')}>
          <select id="figures-site" value={site || sites[0]} onChange={(event) => setSite(event.target.value)}>
            {sites.map((code) => (
              <option key={code} value={code}>
                {code}
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {t('figures:period.show')}
        </button>
      </div>
    </form>
  );
}
