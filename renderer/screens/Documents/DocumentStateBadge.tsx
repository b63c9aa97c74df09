import { useT } from '../../i18n/index';
import type { DocumentState } from '../../../shared/domain/documents';

/** A document's state at a glance; the colour follows `data-state`, the text says it too. */
export function DocumentStateBadge({ state }: { state: DocumentState }) {
  const { t } = useT();
  return (
    <span className={`badge badge--document-${state}`} data-state={state} data-testid="document-state">
      {t(`documentDesk:state.${state}`)}
    </span>
  );
}
