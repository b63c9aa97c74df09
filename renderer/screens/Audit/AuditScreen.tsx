import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useT } from '../../i18n/index';
import type { CallInput, CallOutput } from '../../../shared/contract/calls';
import type { ErrorCode } from '../../../shared/contract/errors';
import type { FieldIssue } from '../../../shared/contract/errors';
import { auditActions, isAuditObjectType, type AuditAction } from '../../../shared/domain/audit';
import { stationDayBounds } from '../../../shared/domain/visitors';
import { asApiError, call, checkInput } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { useFormatDateTime } from '../../hooks/useFormatDateTime';
import { useRoleName } from '../../hooks/useRoleName';

type Entry = CallOutput<'audit:list'>['entries'][number];
type ChainCheck = CallOutput<'audit:verify'>;

/** Entries per page; "load more" asks for the page before the oldest entry shown. */
export const AUDIT_PAGE_SIZE = 50;

interface Filters {
  action: AuditAction | '';
  /** `YYYY-MM-DD` from a date input, the station's local day. */
  from: string;
  to: string;
}

const noFilters: Filters = { action: '', from: '', to: '' };

/** The filters as the call takes them: whole station days, from the first to the last moment. */
function listInput(filters: Filters, beforeSeq?: number): CallInput<'audit:list'> {
  const input: CallInput<'audit:list'> = { limit: AUDIT_PAGE_SIZE };
  if (filters.action) input.action = filters.action;
  if (filters.from) input.from = stationDayBounds(filters.from).from;
  // The call's `to` is inclusive: the last millisecond of the day.
  if (filters.to) input.to = new Date(Date.parse(stationDayBounds(filters.to).to) - 1).toISOString();
  if (beforeSeq !== undefined) input.beforeSeq = beforeSeq;
  return input;
}

/** The audit trail for auditors and administrators: who did what and when, and whether the chain holds. */
export function AuditScreen() {
  const { t } = useT();
  const formatDateTime = useFormatDateTime('medium');
  const roleName = useRoleName();
  const [draft, setDraft] = useState<Filters>(noFilters);
  const [applied, setApplied] = useState<Filters>(noFilters);
  const [entries, setEntries] = useState<Entry[] | null>(null);
  const [hasMore, setHasMore] = useState(false);
  const [busy, setBusy] = useState(false);
  const [errorCode, setErrorCode] = useState<ErrorCode | null>(null);
  const [check, setCheck] = useState<ChainCheck | null>(null);
  const [rangeIssue, setRangeIssue] = useState<FieldIssue | undefined>(undefined);

  const load = useCallback(async (filters: Filters, after: Entry[] = []) => {
    setBusy(true);
    try {
      const oldest = after.at(-1);
      const page = await call('audit:list', listInput(filters, oldest?.seq));
      setEntries([...after, ...page.entries]);
      setHasMore(page.entries.length === AUDIT_PAGE_SIZE);
      setErrorCode(null);
    } catch (error) {
      setErrorCode(asApiError(error).code);
    } finally {
      setBusy(false);
    }
  }, []);

  useEffect(() => {
    void load(noFilters);
  }, [load]);

  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    // A reversed range is told at the field rather than sent to match nothing.
    const issue = checkInput('audit:list', listInput(draft)).find((candidate) => candidate.path === 'to');
    setRangeIssue(issue);
    if (issue) return;
    setApplied(draft);
    void load(draft);
  };

  const clearFilters = () => {
    setDraft(noFilters);
    setApplied(noFilters);
    setRangeIssue(undefined);
    void load(noFilters);
  };

  const verify = async () => {
    setCheck(null);
    try {
      setCheck(await call('audit:verify', undefined));
      setErrorCode(null);
    } catch (error) {
      setErrorCode(asApiError(error).code);
    }
  };

  const none = t('audit:none');

  return (
    <section className="panel panel--wide" aria-labelledby="audit-title">
      <h1 id="audit-title">{t('audit:title')}</h1>
      <p className="lead">{t('audit:intro')}</p>

      <div className="toolbar">
        <button type="button" onClick={() => void verify()}>
          {t('audit:verify.button')}
        </button>
        {check ? (
          <p
            role="status"
            data-testid="chain-check"
            className={check.ok ? 'check check--ok' : 'check check--broken'}
          >
            {check.ok
              ? t('audit:verify.intact', { count: check.count })
              : t('audit:verify.broken', {
                  seq: check.brokenSeq ?? none,
                  reason: check.reason ? t(`audit:verify.reason.${check.reason}`) : none,
                })}
          </p>
        ) : null}
      </div>

      <form className="filters" onSubmit={onSearch} noValidate aria-label={t('audit:filters.label')}>
        <Field id="audit-action" label={t('audit:filters.action')}>
          <select
            id="audit-action"
            value={draft.action}
            onChange={(e) => setDraft({ ...draft, action: e.target.value as AuditAction | '' })}
          >
            <option value="">{t('audit:filters.allActions')}</option>
            {auditActions.map((action) => (
              <option key={action} value={action}>
                {t(`audit:actions.${action}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="audit-from" label={t('audit:filters.from')}>
          <input id="audit-from" type="date" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
        </Field>
        <Field id="audit-to" label={t('audit:filters.to')} issue={rangeIssue}>
          <input
            id="audit-to"
            type="date"
            value={draft.to}
            aria-invalid={rangeIssue ? true : undefined}
            aria-describedby={rangeIssue ? 'audit-to-error' : undefined}
            onChange={(e) => setDraft({ ...draft, to: e.target.value })}
          />
        </Field>
        <div className="filters__actions">
          <button type="submit" className="primary" disabled={busy}>
            {t('audit:filters.apply')}
          </button>
          <button type="button" onClick={clearFilters} disabled={busy}>
            {t('audit:filters.clear')}
          </button>
        </div>
      </form>

      <ErrorBanner code={errorCode} />

      {entries === null ? null : entries.length === 0 ? (
        <p className="empty">{t('audit:empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table" data-testid="audit-table">
            <thead>
              <tr>
                <th scope="col">{t('audit:seq')}</th>
                <th scope="col">{t('audit:time')}</th>
                <th scope="col">{t('audit:actor')}</th>
                <th scope="col">{t('audit:role')}</th>
                <th scope="col">{t('audit:action')}</th>
                <th scope="col">{t('audit:objectType')}</th>
                <th scope="col">{t('audit:objectId')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.seq} data-action={entry.action}>
                  <td className="numeric">{entry.seq}</td>
                  <td className="time">{formatDateTime(entry.at)}</td>
                  <td className="nowrap">{entry.actorName ?? none}</td>
                  <td className="nowrap">{roleName(entry.actorRole)}</td>
                  <td className="nowrap">{t(`audit:actions.${entry.action}`)}</td>
                  <td>
                    {entry.objectType === null
                      ? none
                      : isAuditObjectType(entry.objectType)
                        ? t(`audit:objectTypes.${entry.objectType}`)
                        : entry.objectType}
                  </td>
                  <td className="mono" title={entry.objectId ?? undefined}>
                    {entry.objectName ?? none}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {hasMore && entries ? (
        <button type="button" onClick={() => void load(applied, entries)} disabled={busy}>
          {t('audit:loadMore')}
        </button>
      ) : null}
    </section>
  );
}
