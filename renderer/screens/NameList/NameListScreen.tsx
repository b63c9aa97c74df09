import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useT } from '../../i18n/index';
import type { CallOutput } from '../../../shared/contract/calls';
import type { ErrorCode, FieldIssue } from '../../../shared/contract/errors';
import { NAME_SEARCH_LIMIT } from '../../../shared/domain/memorial-names';
import { asApiError, call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { IdleCountdown } from '../../components/IdleCountdown';
import { IssueMessage } from '../../components/IssueMessage';
import { useIdleWipe } from '../../hooks/useIdleWipe';
import './name-list.css';

type SearchResult = CallOutput<'nameList:search'>;

/** How long typing pauses before the list follows what was typed. */
const TYPING_PAUSE_MS = 300;

type Shown = { state: 'idle' } | { state: 'found'; query: string; result: SearchResult };
type IdleOptions = Pick<CallOutput<'settings:kioskOptions'>, 'browseIdleSeconds' | 'countdownSeconds'>;

/**
 * The public memorial name list (纪念名录) for the kiosk: large type, one search box for characters,
 * pinyin or initials, and the names found grouped by year of engraving, newest first. Names are shown
 * in full: each is public by its family's consent, and only such names can be found.
 */
export function NameListScreen() {
  const { t } = useT();
  const [query, setQuery] = useState('');
  const [shown, setShown] = useState<Shown>({ state: 'idle' });
  const [errorCode, setErrorCode] = useState<ErrorCode | null>(null);
  const [issue, setIssue] = useState<FieldIssue | undefined>(undefined);
  // Only the answer to the latest search is shown, however the answers arrive.
  const latest = useRef(0);
  const [idle, setIdle] = useState<IdleOptions | null>(null);

  useEffect(() => {
    call('settings:kioskOptions', undefined).then(
      ({ browseIdleSeconds, countdownSeconds }) => setIdle({ browseIdleSeconds, countdownSeconds }),
      // Without the idle times the list still works; a search then stays until someone clears it.
      () => undefined,
    );
  }, []);
  // A search left on screen is the last visitor's: after the browsing idle time the list starts over.
  const clearSearch = useCallback(() => setQuery(''), []);
  const wipe = useIdleWipe({
    active: query !== '' && idle !== null,
    idleSeconds: idle?.browseIdleSeconds ?? 0,
    countdownSeconds: idle?.countdownSeconds ?? 0,
    onWipe: clearSearch,
  });

  const search = useCallback(async (text: string) => {
    const ticket = ++latest.current;
    if (text.trim() === '') {
      setShown({ state: 'idle' });
      setIssue(undefined);
      setErrorCode(null);
      return;
    }
    try {
      const result = await call('nameList:search', { query: text });
      if (ticket !== latest.current) return;
      setShown({ state: 'found', query: text.trim(), result });
      setIssue(undefined);
      setErrorCode(null);
    } catch (error) {
      if (ticket !== latest.current) return;
      const refusal = asApiError(error);
      const fieldIssue = refusal.issues.find((candidate) => candidate.path === 'query');
      setIssue(fieldIssue);
      setErrorCode(fieldIssue ? null : refusal.code);
      setShown({ state: 'idle' });
    }
  }, []);

  useEffect(() => {
    const timer = setTimeout(() => void search(query), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [query, search]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void search(query);
  };

  const result = shown.state === 'found' ? shown.result : null;
  const shownCount = result?.groups.reduce((sum, group) => sum + group.names.length, 0) ?? 0;
  return (
    <section className="panel panel--wide name-list" aria-labelledby="name-list-title">
      <h1 id="name-list-title">{t('nameList:title')}</h1>
      <p className="lead">{t('nameList:intro')}</p>
      <form role="search" className="name-list__search" onSubmit={onSubmit} noValidate>
        <label htmlFor="name-query">{t('nameList:searchLabel')}</label>
        <div className="name-list__search-row">
          <input
            id="name-query"
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            autoComplete="off"
            spellCheck={false}
            aria-describedby={issue ? 'name-query-hint name-query-error' : 'name-query-hint'}
            aria-invalid={issue ? true : undefined}
          />
          <button type="submit" className="primary">
            {t('nameList:submit')}
          </button>
          <button type="button" onClick={() => setQuery('')} disabled={query === ''}>
            {t('nameList:clear')}
          </button>
        </div>
        <small id="name-query-hint" className="field__hint">
          {t('nameList:searchHint')}
        </small>
        <IssueMessage id="name-query-error" issue={issue} as="p" />
      </form>
      <ErrorBanner code={errorCode} />
      <div aria-live="polite">
        {shown.state === 'idle' && !issue ? <p className="empty name-list__prompt">{t('nameList:prompt')}</p> : null}
        {result && result.total === 0 ? (
          <p className="empty name-list__prompt" data-testid="name-list-empty">
            {t('nameList:empty', { query: shown.state === 'found' ? shown.query : '' })}
          </p>
        ) : null}
        {result && result.total > 0 ? (
          <p className="name-list__total" data-testid="name-list-total">
            {t('nameList:total', { count: result.total })}
          </p>
        ) : null}
      </div>
      {result && result.total > shownCount ? <p className="lead">{t('nameList:shownFirst', { shown: NAME_SEARCH_LIMIT })}</p> : null}
      {result?.groups.map((group) => (
        <section key={group.year} className="name-list__year" aria-labelledby={`name-year-${group.year}`} data-year={group.year}>
          <h2 id={`name-year-${group.year}`}>
            {t('nameList:year', { year: group.year })}
            <span className="name-list__year-count">{t('nameList:yearCount', { count: group.names.length })}</span>
          </h2>
          <ul className="name-list__names">
            {group.names.map((name) => (
              <li key={name.id} className="name-list__name" data-testid="memorial-name">
                <span className="name-list__person">{name.name}</span>
                <span className="name-list__kind">{t(`nameList:donationKind.${name.donationKind}`)}</span>
                <span className="name-list__location">{t('nameList:location', { location: name.wallLocation })}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
      {wipe.secondsLeft !== null ? <IdleCountdown seconds={wipe.secondsLeft} returnsTo="startPage" onContinue={wipe.keepGoing} /> : null}
    </section>
  );
}
