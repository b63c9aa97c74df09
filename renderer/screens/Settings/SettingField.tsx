import type { ReactNode } from 'react';
import { useT } from '../../i18n/index';
import type { FieldIssue } from '../../../shared/contract/errors';
import type { Bounds } from './types';

interface SettingFieldProps {
  id: string;
  label: string;
  hint?: string;
  issue?: FieldIssue;
  /** The setting's bounds, named in the refusal so that the person sees what is allowed. */
  bounds?: Bounds;
  /** Further values the refusal may name, such as the most days a list may hold. */
  params?: Record<string, number | string>;
  children: ReactNode;
}

/** A labelled setting with its hint and, when refused, the translated reason with the allowed range. */
export function SettingField({ id, label, hint, issue, bounds, params, children }: SettingFieldProps) {
  const { t } = useT();
  return (
    <div className={issue ? 'field field--invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && !issue ? <small className="field__hint">{hint}</small> : null}
      {issue ? (
        <small className="field__error" id={`${id}-error`} data-reason={issue.reason}>
          {t(`validation:${issue.reason}`, { min: bounds?.min, max: bounds?.max, ...params })}
        </small>
      ) : null}
    </div>
  );
}
