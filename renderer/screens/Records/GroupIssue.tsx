import { useT } from '../../i18n/index';
import type { FieldIssue } from '../../../shared/contract/errors';

/**
 * The translated reason of an issue that concerns a group of fields (e.g. `paperwork.relatives`), shown
 * under the group, where no single input's `Field` would carry it.
 */
export function GroupIssue({ id, issue }: { id: string; issue: FieldIssue | undefined }) {
  const { t } = useT();
  if (!issue) return null;
  return (
    <p className="field__error group-issue" id={id} data-reason={issue.reason}>
      {t(`validation:${issue.reason}`)}
    </p>
  );
}
