import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useT } from '../../i18n/index';
import type { CallOutput } from '../../../shared/contract/calls';
import type { ErrorCode, FieldIssue } from '../../../shared/contract/errors';
import { memorialEntryStates, type MemorialEntryState } from '../../../shared/domain/memorial-names';
import { asApiError, call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { useOpenScreen, type ScreenTarget } from '../../navigation';
import { AddEntryForm, type AddEntryStart } from './AddEntryForm';
import { EntryCard } from './EntryCard';
import type { DeskDone, MemorialEntryView } from './types';
import '../../components/records.css';
import './name-list-desk.css';

type EntryList = CallOutput<'nameList:list'>;

interface Filters {
  state: MemorialEntryState | '';
  query: string;
}

/** The add form's start when the desk was opened for a donor (from the family's page); null otherwise. */
function startOf(target: ScreenTarget): AddEntryStart | null {
  return target.personId === undefined ? null : { personId: target.personId, entry: target.nameListEntry ?? null };
}

/**
 * Staff desk of the name list: add a name with the family's consent, find entries, withdraw a consent.
 * Opened from a family's page, it shows the add form begun for that donor, and the way back to the family.
 */
export function NameListDeskScreen({ target = {} }: { target?: ScreenTarget }) {
  const { t } = useT();
  const openScreen = useOpenScreen();
  // Used for the first form only: once the donor's entry is saved, a further form starts empty.
  const [start, setStart] = useState<AddEntryStart | null>(() => startOf(target));
  const [filters, setFilters] = useState<Filters>({ state: '', query: '' });
  const [typedQuery, setTypedQuery] = useState('');
  const [list, setList] = useState<EntryList | null>(null);
  const [errorCode, setErrorCode] = useState<ErrorCode | null>(null);
  const [queryIssue, setQueryIssue] = useState<FieldIssue | undefined>(undefined);
  const [adding, setAdding] = useState(start !== null);
  const [withdrawing, setWithdrawing] = useState<string | null>(null);
  const [done, setDone] = useState<DeskDone | null>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);

  const load = useCallback(async () => {
    try {
      const query = filters.query.trim();
      setList(await call('nameList:list', { state: filters.state || undefined, query: query === '' ? undefined : query }));
      setErrorCode(null);
      setQueryIssue(undefined);
    } catch (error) {
      const refusal = asApiError(error);
      const issue = refusal.issues.find((candidate) => candidate.path === 'query');
      setQueryIssue(issue);
      setErrorCode(issue ? null : refusal.code);
    }
  }, [filters]);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    if (done) statusRef.current?.scrollIntoView({ block: 'nearest' });
  }, [done]);

  const onAdded = useCallback(
    (entry: MemorialEntryView) => {
      setAdding(false);
      setStart(null);
      setDone({ action: 'add', name: entry.name });
      void load();
    },
    [load],
  );

  const onWithdrawn = useCallback(() => {
    setWithdrawing(null);
    setDone({ action: 'withdraw' });
    void load();
  }, [load]);

  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    setFilters((current) => ({ ...current, query: typedQuery }));
  };

  return (
    <>
      <section className="panel panel--wide" aria-labelledby="name-desk-title">
        <h1 id="name-desk-title">{t('nameListDesk:title')}</h1>
        <p className="lead">{t('nameListDesk:intro')}</p>
        {done ? (
          <p role="status" className="success" ref={statusRef} data-testid="name-desk-done">
            {done.action === 'add' ? t('nameListDesk:add.done', { name: done.name }) : t('nameListDesk:withdraw.done')}
          </p>
        ) : null}
        {adding ? (
          <AddEntryForm onDone={onAdded} onCancel={() => setAdding(false)} start={start ?? undefined} />
        ) : (
          <div className="actions">
            <button
              type="button"
              className="primary"
              onClick={() => {
                setDone(null);
                setAdding(true);
              }}
            >
              {t('nameListDesk:add.open')}
            </button>
            {target.familyId === undefined ? null : (
              <button type="button" onClick={() => openScreen('familyCare', { familyId: target.familyId })}>
                {t('nameListDesk:add.backToFamily')}
              </button>
            )}
          </div>
        )}
      </section>
      <section className="panel panel--wide" aria-labelledby="name-entries-title">
        <h2 id="name-entries-title">{t('nameListDesk:list.title')}</h2>
        <form className="filters form-grid" onSubmit={onSearch} noValidate role="search">
          <Field id="name-desk-state" label={t('nameListDesk:list.state')}>
            <select
              id="name-desk-state"
              value={filters.state}
              onChange={(e) => setFilters((current) => ({ ...current, state: e.target.value as MemorialEntryState | '' }))}
            >
              <option value="">{t('nameListDesk:list.allStates')}</option>
              {memorialEntryStates.map((state) => (
                <option key={state} value={state}>
                  {t(`nameListDesk:state.${state}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field id="name-desk-query" label={t('nameListDesk:list.query')} issue={queryIssue}>
            <input id="name-desk-query" type="search" value={typedQuery} onChange={(e) => setTypedQuery(e.target.value)} autoComplete="off" />
          </Field>
          <div className="filters__actions">
            <button type="submit">{t('nameListDesk:list.search')}</button>
            <button type="button" onClick={() => void load()}>
              {t('nameListDesk:list.reload')}
            </button>
          </div>
        </form>
        <ErrorBanner code={errorCode} />
        {list ? <p data-testid="name-desk-total">{t('nameListDesk:list.total', { count: list.total })}</p> : null}
        {list?.entries.length === 0 ? <p className="empty">{t('nameListDesk:list.empty')}</p> : null}
        {list?.entries.map((entry) => (
          <EntryCard
            key={entry.id}
            entry={entry}
            withdrawing={withdrawing === entry.id}
            onWithdraw={(open) => {
              setDone(null);
              setWithdrawing(open ? entry.id : null);
            }}
            onWithdrawn={onWithdrawn}
          />
        ))}
      </section>
    </>
  );
}
