import type { ReactNode } from 'react';
import type { FieldIssue } from '../../shared/contract/errors';
import { IssueMessage } from './IssueMessage';

interface FieldProps {
  id: string;
  label: string;
  hint?: string;
  issue?: FieldIssue;
  children: ReactNode;
}

/** A labelled form control with its hint and, when refused, the translated reason under it. */
export function Field({ id, label, hint, issue, children }: FieldProps) {
  return (
    <div className={issue ? 'field field--invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && !issue ? <small className="field__hint">{hint}</small> : null}
      <IssueMessage id={`${id}-error`} issue={issue} />
    </div>
  );
}
