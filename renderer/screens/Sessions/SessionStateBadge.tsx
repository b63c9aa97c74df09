import { useT } from '../../i18n/index';
import type { SessionState } from '../../../shared/domain/education';

/** Whether a session is on or cancelled; the text says it, the colour only helps. */
export function SessionStateBadge({ state }: { state: SessionState }) {
  const { t } = useT();
  return (
    <span className={`badge badge--session-${state}`} data-testid="session-state">
      {t(`sessions:state.${state}`)}
    </span>
  );
}
