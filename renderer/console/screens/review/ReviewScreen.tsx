import { useState } from 'react';
import { decidesReviews, type ReviewListItemView } from '../../../../shared/console/review-calls';
import type { ConsoleSessionView } from '../../../../shared/console/values';
import { useFormatDateTime } from '../../../hooks/useFormatDateTime';
import { consoleCall } from '../../api/client';
import { useConsoleT } from '../../i18n';
import { ConsoleErrorBanner } from '../../parts/ConsoleErrorBanner';
import { useConsoleLoad } from '../../parts/useConsoleLoad';
import { ReviewEntryPanel, useMaskedSide } from './ReviewEntryPanel';

const PAGE_SIZE = 20;

type ReviewState = 'open' | 'decided';

/**
 * The review list: entries open or decided, a page at a time, both sides masked. A reviewer or an administrator
 * opens an entry to reveal it (audited), decide it or undo its decision; the auditor reads the masked lists only.
 */
export function ReviewScreen({ session }: { session: ConsoleSessionView }) {
  const { t } = useConsoleT();
  const formatDateTime = useFormatDateTime('short');
  const maskedSide = useMaskedSide();
  const [state, setState] = useState<ReviewState>('open');
  const [page, setPage] = useState(1);
  const [opened, setOpened] = useState<ReviewListItemView | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const load = useConsoleLoad(() => consoleCall('review:list', { state, page, pageSize: PAGE_SIZE }), `review:${state}:${page}`);
  const decides = (decidesReviews as readonly string[]).includes(session.role);
  const pages = Math.max(1, Math.ceil((load.data?.total ?? 0) / PAGE_SIZE));

  function show(next: ReviewState) {
    setState(next);
    setPage(1);
    setOpened(null);
  }

  function changed(text: string) {
    setNotice(text);
    setOpened(null);
    load.reload();
  }

  return (
    <section className="panel panel--wide console-screen">
      <h1>{t('consoleReview:title')}</h1>
      <p className="lead">{t('consoleReview:intro')}</p>
      <div className="console-actions" role="group" aria-label={t('consoleReview:state.label')}>
        {(['open', 'decided'] as const).map((option) => (
          <button key={option} type="button" aria-pressed={state === option} onClick={() => show(option)}>
            {t(`consoleReview:state.${option}`)}
          </button>
        ))}
      </div>
      {notice ? (
        <p className="console-done" role="status" data-testid="review-notice">
          {notice}
        </p>
      ) : null}
      <ConsoleErrorBanner code={load.error} />
      {opened ? <ReviewEntryPanel key={opened.id} entry={opened} onClose={() => setOpened(null)} onChanged={changed} /> : null}
      {load.data && load.data.items.length === 0 ? <p>{t('consoleReview:list.empty')}</p> : null}
      {load.data && load.data.items.length > 0 ? (
        <div className="console-table-scroll">
          <table className="data-table" aria-label={t('consoleReview:list.caption')}>
            <thead>
              <tr>
                <th>{t('consoleReview:list.id')}</th>
                <th>{t('consoleReview:list.kind')}</th>
                <th>{t('consoleReview:list.station')}</th>
                <th>{t('consoleReview:list.heldStations')}</th>
                <th>{t('consoleReview:list.seenAt')}</th>
                <th>{t('consoleReview:list.held')}</th>
                <th>{t('consoleReview:list.seen')}</th>
                {state === 'decided' ? <th>{t('consoleReview:list.decision')}</th> : null}
                {decides ? <th aria-label={t('consoleReview:list.open')} /> : null}
              </tr>
            </thead>
            <tbody>
              {load.data.items.map((item) => (
                <tr key={item.id} data-testid="review-entry" data-entry-id={item.id}>
                  <td className="numeric">{item.id}</td>
                  <td>{t(`consoleReview:kind.${item.recordKind}`)}</td>
                  <td className="mono">{item.stationCode}</td>
                  <td className="mono">{item.heldStationCodes.join(', ')}</td>
                  <td className="nowrap">{formatDateTime(item.seenAt)}</td>
                  <td data-testid="review-held">{maskedSide(item.held)}</td>
                  <td data-testid="review-seen">{maskedSide(item.seen)}</td>
                  {state === 'decided' ? <td>{item.decision ? t(`consoleReview:decision.${item.decision.decision}`) : null}</td> : null}
                  {decides ? (
                    <td>
                      <button type="button" className="small" onClick={() => setOpened(item)}>
                        {t('consoleReview:list.open')}
                      </button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <div className="console-pager">
        <button type="button" disabled={page <= 1} onClick={() => setPage(page - 1)}>
          {t('console:previous')}
        </button>
        <span>{t('consoleReview:list.page', { page, pages, total: load.data?.total ?? 0 })}</span>
        <button type="button" disabled={page >= pages} onClick={() => setPage(page + 1)}>
          {t('console:next')}
        </button>
      </div>
    </section>
  );
}
