import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useT } from '../../i18n/index';
import type { CallOutput } from '../../../shared/contract/calls';
import { call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { useFormatDate } from '../../hooks/useFormatDate';
import { useLoad } from '../../hooks/useLoad';
import { DoNotContactMark } from './DoNotContactMark';

type Families = CallOutput<'family:list'>;

function fetchFamilies(query: string): Promise<Families> {
  const trimmed = query.trim();
  return call('family:list', { query: trimmed === '' ? undefined : trimmed });
}

/** The families the station cares for, the donor's name masked; each opens its page. */
export function FamilyList({ onOpenFamily }: { onOpenFamily: (familyId: string) => void }) {
  const { t } = useT();
  const formatDate = useFormatDate();
  const [typed, setTyped] = useState('');
  const { data, errorCode, issues, load } = useLoad(fetchFamilies);

  useEffect(() => {
    void load('');
  }, [load]);

  const onSearch = useCallback(
    (event: FormEvent) => {
      event.preventDefault();
      void load(typed);
    },
    [load, typed],
  );

  return (
    <section className="panel panel--wide" aria-labelledby="family-list-title">
      <h2 id="family-list-title">{t('familyDesk:list.title')}</h2>
      <form className="filters form-grid" onSubmit={onSearch} noValidate role="search">
        <Field id="family-query" label={t('familyDesk:list.query')} hint={t('familyDesk:list.queryHint')} issue={issues.find((issue) => issue.path === 'query')}>
          <input id="family-query" type="search" value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" />
        </Field>
        <div className="filters__actions">
          <button type="submit">{t('familyDesk:list.search')}</button>
        </div>
      </form>
      <ErrorBanner code={issues.length > 0 ? null : errorCode} />
      {data ? <p data-testid="family-total">{t('familyDesk:list.total', { count: data.total })}</p> : null}
      {data?.families.length === 0 ? <p className="empty">{t('familyDesk:list.empty')}</p> : null}
      {data && data.families.length > 0 ? (
        <div className="table-scroll">
          <table className="data-table" data-testid="family-list">
            <thead>
              <tr>
                <th scope="col">{t('familyDesk:list.donor')}</th>
                <th scope="col">{t('familyDesk:page.registration')}</th>
                <th scope="col">{t('familyDesk:list.programme')}</th>
                <th scope="col">{t('familyDesk:list.donatedOn')}</th>
                <th scope="col">{t('familyDesk:list.doNotContact')}</th>
                <th scope="col">{t('familyDesk:list.nextDue')}</th>
                <th scope="col">{t('familyDesk:list.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {data.families.map((family) => (
                <tr key={family.id} data-testid="family-row" data-family={family.id}>
                  <th scope="row">{family.donorName}</th>
                  <td className="mono">{family.registrationNumber}</td>
                  <td>{t(`registration:program.${family.programme}`)}</td>
                  <td>{formatDate(family.donatedOn)}</td>
                  <td>
                    <DoNotContactMark doNotContact={family.doNotContact} />
                  </td>
                  <td>{family.nextDueOn === null ? t('familyDesk:list.nothingDue') : formatDate(family.nextDueOn)}</td>
                  <td>
                    <button type="button" className="small" onClick={() => onOpenFamily(family.id)} aria-label={t('familyDesk:list.openOne', { name: family.donorName, number: family.registrationNumber })}>
                      {t('familyDesk:list.open')}
                    </button>
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
