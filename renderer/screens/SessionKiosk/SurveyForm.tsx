import { useCallback, useState } from 'react';
import { useT } from '../../i18n/index';
import { MAX_SURVEY_COMMENT_LENGTH, surveyScores } from '../../../shared/domain/education';
import { call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { IssueMessage } from '../../components/IssueMessage';
import { useSubmit } from '../../hooks/useSubmit';
import type { KioskSession } from './types';

interface SurveyFormProps {
  session: KioskSession;
  onDone: () => void;
  onBack: () => void;
}

/** The five-point satisfaction survey with an optional comment. */
export function SurveyForm({ session, onDone, onBack }: SurveyFormProps) {
  const { t } = useT();
  const [score, setScore] = useState<number | null>(null);
  const [comment, setComment] = useState('');

  const answer = useCallback(() => call('education:survey', { sessionId: session.id, score: score ?? Number.NaN, comment }), [session.id, score, comment]);
  const form = useSubmit(answer, onDone);
  // Counted as the station counts (NFC, without surrounding spaces), so the counter and the refusal agree.
  const commentLength = Array.from(comment.normalize('NFC').trim()).length;
  const commentTooLong = commentLength > MAX_SURVEY_COMMENT_LENGTH;

  return (
    <section className="panel" aria-labelledby="survey-title">
      <h1 id="survey-title">{t('sessionKiosk:survey.title')}</h1>
      <p className="lead">{t('sessionKiosk:survey.intro', { title: session.title })}</p>
      <form onSubmit={form.onSubmit} noValidate className="survey-form" data-testid="survey-form">
        <fieldset className={form.issueFor('score') ? 'field field--invalid' : 'field'}>
          <legend>{t('sessionKiosk:survey.question')}</legend>
          <div className="score-choices">
            {surveyScores.map((value) => (
              <label key={value} className="choice">
                <input type="radio" name="survey-score" value={value} checked={score === value} onChange={() => setScore(value)} />
                <strong>{value}</strong>
                {t(`sessionKiosk:survey.scale.${value}`)}
              </label>
            ))}
          </div>
          <IssueMessage issue={form.issueFor('score')} />
        </fieldset>
        <div className={form.issueFor('comment') ? 'field field--invalid' : 'field'}>
          <label htmlFor="survey-comment">{t('sessionKiosk:survey.comment')}</label>
          {/* No maxLength: a long text pasted in would be cut without a word; the counter shows it and the station refuses it. */}
          <textarea id="survey-comment" value={comment} onChange={(e) => setComment(e.target.value)} rows={3} aria-describedby="survey-comment-length" />
          <small id="survey-comment-length" className={commentTooLong ? 'survey-form__counter survey-form__counter--over' : 'survey-form__counter'} data-testid="survey-comment-length" aria-live="polite">
            {t('sessionKiosk:survey.commentLength', { length: commentLength, max: MAX_SURVEY_COMMENT_LENGTH })}
          </small>
          {form.issueFor('comment') ? null : <small className="field__hint">{t('sessionKiosk:survey.commentHint')}</small>}
          <IssueMessage issue={form.issueFor('comment')} id="survey-comment-error" />
        </div>
        <ErrorBanner code={form.errorCode} />
        <div className="actions">
          <button type="submit" className="primary" disabled={form.busy}>
            {t('sessionKiosk:survey.submit')}
          </button>
          <button type="button" onClick={onBack} disabled={form.busy}>
            {t('sessionKiosk:back')}
          </button>
        </div>
      </form>
    </section>
  );
}
