import type { ReactNode } from 'react';
import { useT } from '../i18n/index';
import type { FieldIssue } from '../../shared/contract/errors';

interface FieldProps {
  id: string;
  label: string;
  hint?: string;
  issue?: FieldIssue;
  children: ReactNode;
}

/** A labelled form control with its hint and, when refused, the translated reason under it. */
export function Field({ id, label, hint, issue, children }: FieldProps) {
  const { t } = useT();
  return (
    <div className={issue ? 'field field--invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && !issue ? <small className="field__hint">{hint}</small> : null}
      {issue ? (
        <small className="field__error" id={`${id}-error`} data-reason={issue.reason}>
          {t(`validation:${issue.reason}`)}
        </small>
      ) : null}
    </div>
  );
}
