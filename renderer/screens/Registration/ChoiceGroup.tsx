import type { ReactNode } from 'react';
import { IssueMessage } from '../../components/IssueMessage';
import type { Issue } from './issues';

export interface ChoiceOption<V extends string> {
  value: V;
  label: string;
  hint?: string;
}

interface ChoiceGroupProps<V extends string> {
  /** The inputs' name, and the prefix of their ids. */
  name: string;
  legend: string;
  hint?: string;
  issue?: Issue;
  type: 'radio' | 'checkbox';
  options: readonly ChoiceOption<V>[];
  isChecked: (value: V) => boolean;
  onToggle: (value: V, checked: boolean) => void;
  /** Large tiles (programs) instead of a row of buttons. */
  tiles?: boolean;
  /** Text to read before choosing (a consent's wording), shown between the legend and the choices. */
  description?: ReactNode;
  className?: string;
  children?: ReactNode;
}

/** The attributes that tie a control to the error shown under it. */
export function invalidProps(errorId: string, issue: Issue | undefined) {
  return issue ? { 'aria-invalid': true, 'aria-describedby': errorId } : {};
}

/** A set of radio buttons or checkboxes with its legend, hint and, when refused, the translated reason. */
export function ChoiceGroup<V extends string>(props: ChoiceGroupProps<V>) {
  const { name, legend, hint, issue, type, options, isChecked, onToggle, tiles = false, description, className, children } = props;
  const errorId = `${name}-error`;
  return (
    <fieldset className={[issue ? 'field field--invalid' : 'field', className].filter(Boolean).join(' ')}>
      <legend>{legend}</legend>
      {description}
      {hint ? <small className="field__hint">{hint}</small> : null}
      <div className={tiles ? 'choices choices--tiles' : 'choices'}>
        {options.map((option) => (
          <label key={option.value} className="choice">
            <input
              type={type}
              name={name}
              value={option.value}
              checked={isChecked(option.value)}
              onChange={(event) => onToggle(option.value, event.target.checked)}
              {...invalidProps(errorId, issue)}
            />
            <span className="choice__text">
              <span className="choice__label">{option.label}</span>
              {option.hint ? <small className="choice__hint">{option.hint}</small> : null}
            </span>
          </label>
        ))}
      </div>
      {children}
      <IssueMessage id={errorId} issue={issue} />
    </fieldset>
  );
}
