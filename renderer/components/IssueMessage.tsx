import { useRefusalText } from '../audience';
import type { FieldIssue } from '../../shared/contract/errors';

interface IssueMessageProps {
  issue: FieldIssue | undefined;
  /** For the control it describes (`aria-describedby`). */
  id?: string;
  /** Classes beside `field__error`. */
  className?: string;
  /** `p` for a message that stands on its own under a group or a step, rather than under one control. */
  as?: 'small' | 'p';
  /** Reachable by `focus()` (not by Tab), so that a step can move the focus to the first thing at fault. */
  focusable?: boolean;
}

/** The translated reason a field or a group of fields was refused for (in staff wording for staff); nothing while there is none. */
export function IssueMessage({ issue, id, className, as: Element = 'small', focusable = false }: IssueMessageProps) {
  const refusalText = useRefusalText();
  if (!issue) return null;
  return (
    <Element className={className ? `field__error ${className}` : 'field__error'} id={id} tabIndex={focusable ? -1 : undefined} data-reason={issue.reason}>
      {refusalText('validation', issue.reason, issue.params)}
    </Element>
  );
}
