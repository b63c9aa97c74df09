import { useT } from '../../i18n/index';
import type { TargetStatus } from '../../../shared/domain/figures';

/** Met or not met, in words and colour; unknown says why (no population, no answers). */
export function TargetStatusBadge({ status, unknownKey }: { status: TargetStatus; unknownKey: 'noPopulation' | 'noAnswers' }) {
  const { t } = useT();
  return (
    <span className={`target-status target-status--${status}`} data-status={status}>
      {status === 'unknown' ? t(`figures:status.${unknownKey}`) : t(`figures:status.${status}`)}
    </span>
  );
}
