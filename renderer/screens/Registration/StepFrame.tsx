import { useEffect, useRef, type FormEvent, type ReactNode } from 'react';
import { useT } from '../../i18n/index';
import type { ErrorCode } from '../../../shared/contract/errors';
import { ErrorBanner } from '../../components/ErrorBanner';
import { IssueMessage } from '../../components/IssueMessage';
import type { Step } from './draft';
import type { Issue } from './issues';

interface StepFrameProps {
  step: Step;
  steps: readonly Step[];
  title: string;
  lead?: string;
  /** A refusal of the whole registration, shown at the top of the step it was sent back to. */
  errorCode?: ErrorCode | null;
  /** An issue that belongs to the step but to none of its fields. */
  stepIssue?: Issue;
  onBack?: () => void;
  onNext: () => void;
  nextLabel: string;
  busy?: boolean;
  /** Changes whenever the step is refused again, to move the focus to the first field at fault. */
  attention?: number;
  /** Shown over the step, such as the question before leaving the registration. */
  overlay?: ReactNode;
  children: ReactNode;
}

/**
 * One step of the registration: where it is in the flow, its title, its fields, and the way back and
 * on. Enter in any field goes on, as the Next button does. Each step starts with its title focused so
 * that keyboard and screen-reader users begin at the top, or, when refused, with the first field at fault.
 */
export function StepFrame(props: StepFrameProps) {
  const { step, steps, title, lead, errorCode = null, stepIssue, onBack, onNext, nextLabel, busy = false, attention = 0, overlay, children } = props;
  const { t } = useT();
  const section = useRef<HTMLElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    const atFault = section.current?.querySelector<HTMLElement>('[aria-invalid="true"], .registration__issue');
    (atFault ?? heading.current)?.focus();
  }, [step, attention]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!busy) onNext();
  };

  const current = steps.indexOf(step) + 1;
  return (
    <section ref={section} className="panel registration" aria-labelledby="registration-step-title" data-step={step}>
      <nav aria-label={t('kiosk:steps.label')}>
        <ol className="registration__steps">
          {steps.map((each) => (
            <li key={each} aria-current={each === step ? 'step' : undefined}>
              {t(`kiosk:steps.${each}`)}
            </li>
          ))}
        </ol>
      </nav>
      <p className="registration__progress">{t('kiosk:steps.progress', { current, total: steps.length })}</p>
      <h1 id="registration-step-title" ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {lead ? <p className="lead">{lead}</p> : null}
      <ErrorBanner code={errorCode} />
      <IssueMessage as="p" className="registration__issue" focusable issue={stepIssue} />
      <form className="registration__form" onSubmit={onSubmit} noValidate autoComplete="off">
        {children}
        <div className="registration__actions">
          {onBack ? (
            <button type="button" onClick={onBack} disabled={busy}>
              {t('kiosk:actions.back')}
            </button>
          ) : null}
          <button type="submit" className="primary" disabled={busy}>
            {nextLabel}
          </button>
        </div>
      </form>
      {overlay}
    </section>
  );
}
