import { useT } from '../../i18n/index';
import { stemCellStatuses } from '../../../shared/domain/lifecycle';
import { useFormatDate } from '../../hooks/useFormatDate';
import type { Registration } from './types';

/** The forward steps in order; withdrawal is shown apart since it can follow any of them. */
const steps = stemCellStatuses.filter((status) => status !== 'withdrawn');

/** Where a stem-cell volunteer stands: the steps done, the current one, and the sample's details. */
export function StemCellPipeline({ stemCell }: { stemCell: NonNullable<Registration['stemCell']> }) {
  const { t } = useT();
  const formatDate = useFormatDate();
  const withdrawn = stemCell.status === 'withdrawn';
  const reached = steps.indexOf(stemCell.status as (typeof steps)[number]);
  return (
    <div className="pipeline-box">
      <ol className={withdrawn ? 'pipeline pipeline--withdrawn' : 'pipeline'} aria-label={t('records:stemCell.pipeline')}>
        {steps.map((step, index) => (
          <li
            key={step}
            className={index < reached ? 'pipeline__step pipeline__step--done' : index === reached ? 'pipeline__step pipeline__step--current' : 'pipeline__step'}
            aria-current={index === reached ? 'step' : undefined}
          >
            {t(`registration:stemCellStatus.${step}`)}
          </li>
        ))}
      </ol>
      <dl className="facts facts--inline">
        <dt>{t('records:stemCell.status')}</dt>
        <dd data-testid="stem-cell-status">{t(`registration:stemCellStatus.${stemCell.status}`)}</dd>
        {stemCell.sampleBarcode ? (
          <>
            <dt>{t('records:stemCell.barcode')}</dt>
            <dd className="mono" data-testid="sample-barcode">
              {stemCell.sampleBarcode}
            </dd>
          </>
        ) : null}
        <dt>{t('records:stemCell.coolingOffUntil')}</dt>
        <dd>{formatDate(stemCell.coolingOffUntil)}</dd>
        {withdrawn ? (
          <>
            <dt>{t('records:stemCell.typing')}</dt>
            <dd>{t(stemCell.typingStopped ? 'records:stemCell.typingStopped' : 'records:stemCell.typingContinued')}</dd>
          </>
        ) : null}
      </dl>
    </div>
  );
}
