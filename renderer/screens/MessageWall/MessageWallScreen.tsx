import { useCallback, useEffect, useState } from 'react';
import { useT } from '../../i18n/index';
import type { CallOutput } from '../../../shared/contract/calls';
import type { ErrorCode } from '../../../shared/contract/errors';
import { WALL_PAGE_SIZE, WALL_PAGE_TURN_SECONDS } from '../../../shared/domain/visitors';
import { asApiError, call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useFormatDate } from '../../hooks/useFormatDate';
import './message-wall.css';

type WallPage = CallOutput<'messages:wall'>;

function pageCount(total: number): number {
  return Math.max(1, Math.ceil(total / WALL_PAGE_SIZE));
}

/**
 * The public message wall: approved messages, newest first, a page at a time, turning to the next page
 * by itself (and back to the first after the last), so that a large display shows them all in turn.
 */
export function MessageWallScreen() {
  const { t } = useT();
  const formatDate = useFormatDate('long');
  const [wall, setWall] = useState<WallPage | null>(null);
  const [errorCode, setErrorCode] = useState<ErrorCode | null>(null);

  const load = useCallback(async (wanted: number) => {
    try {
      let result = await call('messages:wall', { page: wanted, pageSize: WALL_PAGE_SIZE });
      // Messages can go (retention) while the wall turns: a page past the end starts over.
      if (result.messages.length === 0 && wanted > 0) result = await call('messages:wall', { page: 0, pageSize: WALL_PAGE_SIZE });
      setWall(result);
      setErrorCode(null);
    } catch (error) {
      setErrorCode(asApiError(error).code);
    }
  }, []);

  useEffect(() => {
    void load(0);
  }, [load]);

  const pages = wall === null ? 1 : pageCount(wall.total);
  const shown = wall?.page ?? 0;
  const turnTo = useCallback((next: number) => void load((next + pages) % pages), [load, pages]);

  // Each page stays for the same time, counted again after a manual turn; a new load picks up newly approved messages.
  useEffect(() => {
    const timer = setTimeout(() => turnTo(shown + 1), WALL_PAGE_TURN_SECONDS * 1000);
    return () => clearTimeout(timer);
  }, [wall, shown, turnTo]);

  return (
    <section className="panel panel--wide message-wall" aria-labelledby="wall-title">
      <h1 id="wall-title">{t('memorial:wall.title')}</h1>
      <p className="lead">{t('memorial:wall.intro')}</p>
      <ErrorBanner code={errorCode} />
      {wall === null ? null : wall.messages.length === 0 ? (
        <p className="empty">{t('memorial:wall.empty')}</p>
      ) : (
        <>
          <ul className="message-wall__grid" data-testid="wall-messages">
            {wall.messages.map((message) => (
              <li key={message.id} className="message-wall__card" data-testid="wall-message">
                {/* Focusable, so that a message longer than the card can be scrolled without a touch screen too. */}
                <blockquote className="message-wall__text" tabIndex={0}>
                  {message.message}
                </blockquote>
                <p className="message-wall__by">
                  <strong>{message.author ?? t('memorial:wall.aVisitor')}</strong>
                  {message.relation === null ? null : <span>{t(`memorial:relation.${message.relation}`)}</span>}
                  <span>{formatDate(message.writtenOn)}</span>
                </p>
              </li>
            ))}
          </ul>
          <nav className="message-wall__pager" aria-label={t('memorial:wall.pager')}>
            <button type="button" onClick={() => turnTo(shown - 1)} disabled={pages === 1}>
              {t('memorial:wall.previous')}
            </button>
            <span className="message-wall__page" data-testid="wall-page">
              {t('memorial:wall.page', { page: shown + 1, pages })}
            </span>
            <button type="button" onClick={() => turnTo(shown + 1)} disabled={pages === 1}>
              {t('memorial:wall.next')}
            </button>
          </nav>
        </>
      )}
    </section>
  );
}
