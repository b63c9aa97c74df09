import { useT } from '../i18n/index';
import type { TargetStatus } from '../../shared/domain/figures';

/** Met or not met, in words and colour; unknown says why (no population, no answers, no year before), in the caller's words. */
export function TargetStatusBadge({ status, unknownLabel }: { status: TargetStatus; unknownLabel: string }) {
  const { t } = useT();
  return (
    <span className={`target-status target-status--${status}`} data-status={status}>
      {status === 'unknown' ? unknownLabel : t(`figures:status.${status}`)}
    </span>
  );
}
