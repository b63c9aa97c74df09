import { useCallback, useEffect, useState } from 'react';
import { useT } from '../../i18n/index';
import type { CallOutput } from '../../../shared/contract/calls';
import type { ErrorCode } from '../../../shared/contract/errors';
import { messageStates, type MessageState } from '../../../shared/domain/visitors';
import { asApiError, call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useFormatDateTime } from '../../hooks/useFormatDateTime';
import { RejectForm } from './RejectForm';
import './message-moderation.css';

type MessageList = CallOutput<'messages:list'>;

/**
 * Staff moderation of visitor messages: the pending ones first, each approved onto the public wall or
 * rejected with a reason. Decisions are final; the approved and rejected lists show who decided.
 */
export function MessageModerationScreen() {
  const { t } = useT();
  const formatDateTime = useFormatDateTime();
  const [state, setState] = useState<MessageState>('pending');
  const [list, setList] = useState<MessageList | null>(null);
  const [errorCode, setErrorCode] = useState<ErrorCode | null>(null);
  const [rejecting, setRejecting] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const load = useCallback(async (wanted: MessageState) => {
    try {
      setList(await call('messages:list', { state: wanted }));
    } catch (error) {
      setErrorCode(asApiError(error).code);
    }
  }, []);

  useEffect(() => {
    void load(state);
  }, [load, state]);

  const afterDecision = useCallback(async () => {
    setRejecting(null);
    setErrorCode(null);
    await load(state);
  }, [load, state]);

  const stale = useCallback(async () => {
    setRejecting(null);
    setErrorCode('message_not_pending');
    await load(state);
  }, [load, state]);

  const approve = useCallback(
    async (id: string) => {
      setBusy(id);
      try {
        await call('messages:approve', { id });
        await afterDecision();
      } catch (error) {
        setErrorCode(asApiError(error).code);
        // Someone else may have decided meanwhile: show the list as it now stands.
        await load(state);
      } finally {
        setBusy(null);
      }
    },
    [afterDecision, load, state],
  );

  return (
    <section className="panel moderation" aria-labelledby="moderation-title">
      <h1 id="moderation-title">{t('memorial:moderation.title')}</h1>
      <p className="lead">{t('memorial:moderation.intro')}</p>
      <div className="moderation__tabs" role="group" aria-label={t('memorial:moderation.states')}>
        {messageStates.map((option) => (
          <button key={option} type="button" aria-pressed={state === option} onClick={() => setState(option)}>
            {t(`memorial:moderation.tab.${option}`, { count: list?.counts[option] ?? 0 })}
          </button>
        ))}
      </div>
      <ErrorBanner code={errorCode} />
      {list === null ? null : list.messages.length === 0 ? (
        <p className="empty">{t(`memorial:moderation.empty.${state}`)}</p>
      ) : (
        <ul className="moderation__list">
          {list.messages.map((message) => (
            <li key={message.id} className="moderation__item" data-testid="moderation-item" data-state={message.state}>
              <blockquote>{message.message}</blockquote>
              <p className="moderation__meta">
                <span>{message.author ?? t('memorial:wall.aVisitor')}</span>
                {message.relation === null ? null : <span>{t(`memorial:relation.${message.relation}`)}</span>}
                <span>{formatDateTime(message.writtenAt)}</span>
              </p>
              {message.state === 'pending' ? (
                rejecting === message.id ? (
                  <RejectForm
                    id={message.id}
                    onDone={() => void afterDecision()}
                    onCancel={() => setRejecting(null)}
                    onStale={() => void stale()}
                  />
                ) : (
                  <div className="actions">
                    <button type="button" className="primary" onClick={() => void approve(message.id)} disabled={busy !== null}>
                      {t('memorial:moderation.approve')}
                    </button>
                    <button type="button" onClick={() => setRejecting(message.id)} disabled={busy !== null}>
                      {t('memorial:moderation.reject')}
                    </button>
                  </div>
                )
              ) : (
                <p className="moderation__meta" data-testid="decision">
                  <span>
                    {t(`memorial:moderation.decided.${message.state}`, {
                      by: message.decidedBy ?? t('memorial:moderation.unknownStaff'),
                      time: message.decidedAt === null ? '' : formatDateTime(message.decidedAt),
                    })}
                  </span>
                  {message.rejectReason === null ? null : <span>{t('memorial:moderation.reasonShown', { reason: message.rejectReason })}</span>}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      <button type="button" onClick={() => void load(state)}>
        {t('common:refresh')}
      </button>
    </section>
  );
}
