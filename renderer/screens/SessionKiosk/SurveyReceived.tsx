import { useEffect } from 'react';
import { useT } from '../../i18n/index';
import { SURVEY_COOL_DOWN_SECONDS } from '../../../shared/domain/education';

/**
 * The thanks after a survey answer. It offers no button back: it stays for the survey's cool-down, the
 * time the station refuses another answer from this kiosk, so the next visitor finds a fresh form that
 * the station will take.
 */
export function SurveyReceived({ onTimeout }: { onTimeout: () => void }) {
  const { t } = useT();

  useEffect(() => {
    const timer = setTimeout(onTimeout, SURVEY_COOL_DOWN_SECONDS * 1000);
    return () => clearTimeout(timer);
  }, [onTimeout]);

  return (
    <section className="panel panel--done" aria-labelledby="survey-received-title">
      <h1 id="survey-received-title">{t('sessionKiosk:thanks.title')}</h1>
      <p role="status" data-testid="survey-received">
        {t('sessionKiosk:survey.received')}
      </p>
      <p className="lead">{t('sessionKiosk:thanks.autoReturn')}</p>
    </section>
  );
}
