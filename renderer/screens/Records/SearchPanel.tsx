import { useCallback, useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n/index';
import type { CallOutput } from '../../../shared/contract/calls';
import { call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { useSubmit } from '../../hooks/useSubmit';
import { StateBadge } from './StateBadge';

type SearchResults = CallOutput<'registration:search'>;

interface SearchPanelProps {
  /** Changes whenever a record changed, so that the results shown are searched again. */
  refreshKey: number;
  openPersonId: string | null;
  onOpen: (personId: string) => void;
  onRecordRefusal: () => void;
}

/** Finds people by registration number, document number or exact full name; the results are masked. */
export function SearchPanel({ refreshKey, openPersonId, onOpen, onRecordRefusal }: SearchPanelProps) {
  const { t } = useT();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<SearchResults | null>(null);
  /** The query the results answer: a refresh repeats it, not what is being typed meanwhile. */
  const searched = useRef<string | null>(null);

  const search = useCallback(() => call('registration:search', { query }), [query]);
  const onFound = useCallback(
    (found: SearchResults) => {
      searched.current = query;
      setResults(found);
    },
    [query],
  );
  const form = useSubmit(search, onFound);

  useEffect(() => {
    const last = searched.current;
    if (refreshKey === 0 || last === null) return;
    call('registration:search', { query: last }).then(setResults, () => {
      // The results stay as they were; the record panel shows the change itself.
    });
  }, [refreshKey]);

  return (
    <section className="panel panel--wide" aria-labelledby="records-title">
      <h1 id="records-title">{t('records:title')}</h1>
      <p className="lead">{t('records:search.intro')}</p>
      <form onSubmit={form.onSubmit} noValidate role="search" className="search-form">
        <Field id="records-query" label={t('records:search.query')} hint={t('records:search.hint')} issue={form.issueFor('query')}>
          <input id="records-query" type="search" value={query} onChange={(e) => setQuery(e.target.value)} autoComplete="off" spellCheck={false} />
        </Field>
        <div className="actions">
          <button type="submit" className="primary" disabled={form.busy}>
            {t('records:search.submit')}
          </button>
          <button type="button" onClick={onRecordRefusal}>
            {t('records:refusal.open')}
          </button>
        </div>
      </form>
      <ErrorBanner code={form.errorCode} />
      {results === null ? null : <ResultList results={results} openPersonId={openPersonId} onOpen={onOpen} />}
    </section>
  );
}

interface ResultListProps {
  results: SearchResults;
  openPersonId: string | null;
  onOpen: (personId: string) => void;
}

function ResultList({ results, openPersonId, onOpen }: ResultListProps) {
  const { t } = useT();
  if (results.matchedBy === 'none' || results.results.length === 0) return <p className="empty">{t('records:search.none')}</p>;
  return (
    <>
      <p data-testid="search-summary">{t(`records:search.matchedBy.${results.matchedBy}`, { count: results.results.length })}</p>
      <div className="table-scroll">
        <table className="data-table" data-testid="search-results">
          <thead>
            <tr>
              <th scope="col">{t('records:person.name')}</th>
              <th scope="col">{t('records:document.title')}</th>
              <th scope="col">{t('records:registrations.title')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('records:search.open')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {results.results.map((person) => (
              <tr key={person.personId} className={person.personId === openPersonId ? 'row--open' : undefined}>
                <td>
                  <span data-testid="result-name">{person.name}</span>
                  {person.refusal ? <span className="badge badge--refusal">{t('records:refusal.badge')}</span> : null}
                </td>
                <td>
                  <span className="result-document-kind">{t(`registration:documentKind.${person.documentKind}`)}</span>{' '}
                  <span className="mono" data-testid="result-document">
                    {person.document}
                  </span>
                </td>
                <td>
                  <ul className="registration-list">
                    {person.registrations.map((registration) => (
                      <li key={registration.id}>
                        <span className="mono">{registration.number}</span> {t(`registration:program.${registration.program}`)}{' '}
                        <StateBadge state={registration.state} />
                      </li>
                    ))}
                  </ul>
                </td>
                <td>
                  <button type="button" className="small" onClick={() => onOpen(person.personId)}>
                    {t('records:search.open')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
