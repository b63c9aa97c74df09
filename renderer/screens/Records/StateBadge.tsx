import { useT } from '../../i18n/index';
import type { RegistrationState } from '../../../shared/domain/lifecycle';

/** A registration's state at a glance; the colour follows `data-state`, the text says it too. */
export function StateBadge({ state, testId }: { state: RegistrationState; testId?: string }) {
  const { t } = useT();
  return (
    <span className={`badge badge--${state}`} data-state={state} data-testid={testId}>
      {t(`registration:state.${state}`)}
    </span>
  );
}
