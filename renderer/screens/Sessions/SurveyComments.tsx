import { useCallback, useState } from 'react';
import { useT } from '../../i18n/index';
import type { CallOutput } from '../../../shared/contract/calls';
import type { ErrorCode } from '../../../shared/contract/errors';
import { asApiError, call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useSessionFormat } from '../../hooks/useSessionFormat';

type Comments = CallOutput<'education:surveyComments'>['comments'];

/**
 * The comments visitors left with a session's survey. They are sealed free text: staff open them with a
 * button (an audited reading, as for visitors' messages), and they stay in this component only.
 */
export function SurveyComments({ sessionId }: { sessionId: string }) {
  const { t } = useT();
  const format = useSessionFormat();
  const [comments, setComments] = useState<Comments | null>(null);
  const [busy, setBusy] = useState(false);
  const [errorCode, setErrorCode] = useState<ErrorCode | null>(null);

  const show = useCallback(async () => {
    setBusy(true);
    try {
      setComments((await call('education:surveyComments', { sessionId })).comments);
      setErrorCode(null);
    } catch (error) {
      setErrorCode(asApiError(error).code);
    } finally {
      setBusy(false);
    }
  }, [sessionId]);

  return (
    <div className="survey-comments" data-testid="survey-comments">
      <h4>{t('sessions:surveyComments.title')}</h4>
      <p className="field__hint">{t('sessions:surveyComments.auditNote')}</p>
      <ErrorBanner code={errorCode} />
      {comments === null ? (
        <button type="button" className="small" onClick={() => void show()} disabled={busy}>
          {t('sessions:surveyComments.show')}
        </button>
      ) : (
        <>
          {comments.length === 0 ? (
            <p className="empty">{t('sessions:surveyComments.empty')}</p>
          ) : (
            <ul className="survey-comments__list">
              {comments.map((entry) => (
                <li key={entry.id} data-testid="survey-comment">
                  <span className="survey-comments__meta">
                    {t('sessions:surveyComments.entry', { score: t('sessions:survey.score', { count: entry.score }), at: format.moment(entry.answeredAt) })}
                  </span>
                  <p className="survey-comments__text">{entry.comment}</p>
                </li>
              ))}
            </ul>
          )}
          <button type="button" className="small" onClick={() => setComments(null)}>
            {t('sessions:surveyComments.hide')}
          </button>
        </>
      )}
    </div>
  );
}
