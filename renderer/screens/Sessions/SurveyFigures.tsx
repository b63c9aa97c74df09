import { useT } from '../../i18n/index';
import { surveyScores } from '../../../shared/domain/education';
import type { SessionSummary } from './types';
import { useSessionFormat } from '../../hooks/useSessionFormat';

/** What the survey says: how many answered, the mean score, the share who gave 4 or 5, and each score's count. */
export function SurveyFigures({ survey }: { survey: SessionSummary['survey'] }) {
  const { t } = useT();
  const format = useSessionFormat();
  if (survey.count === 0) return <p className="empty">{t('sessions:survey.none')}</p>;
  return (
    <>
      <dl className="facts" data-testid="survey-figures">
        <dt>{t('sessions:survey.count')}</dt>
        <dd data-testid="survey-count">{survey.count}</dd>
        <dt>{t('sessions:survey.mean')}</dt>
        <dd data-testid="survey-mean">{survey.mean === null ? t('sessions:none') : format.decimal(survey.mean)}</dd>
        <dt>{t('sessions:survey.satisfied')}</dt>
        <dd data-testid="survey-satisfied">{survey.satisfiedShare === null ? t('sessions:none') : format.percent(survey.satisfiedShare)}</dd>
      </dl>
      <table className="data-table survey-scores">
        <caption>{t('sessions:survey.byScore')}</caption>
        <thead>
          <tr>
            {surveyScores.map((score) => (
              <th key={score} scope="col">
                {t('sessions:survey.score', { count: score })}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            {surveyScores.map((score, index) => (
              <td key={score}>{survey.byScore[index] ?? 0}</td>
            ))}
          </tr>
        </tbody>
      </table>
    </>
  );
}
