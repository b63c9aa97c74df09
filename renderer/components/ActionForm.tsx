import type { FormEvent, ReactNode } from 'react';
import { useT } from '../i18n/index';
import type { ErrorCode } from '../../shared/contract/errors';
import { ErrorBanner } from './ErrorBanner';

interface ActionFormProps {
  id: string;
  title: string;
  intro?: string;
  onSubmit: (event: FormEvent) => void;
  busy: boolean;
  errorCode: ErrorCode | null;
  submitLabel: string;
  onCancel: () => void;
  children: ReactNode;
  /** Shown instead of the buttons, e.g. the confirmation step of a withdrawal. */
  footer?: ReactNode;
  /** 3 inside a record; 2 where the form is a panel of its own. */
  headingLevel?: 2 | 3;
}

/** The frame every action on a record shares: title, fields, the station's refusal and the buttons. */
export function ActionForm({ id, title, intro, onSubmit, busy, errorCode, submitLabel, onCancel, children, footer, headingLevel = 3 }: ActionFormProps) {
  const { t } = useT();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby={`${id}-title`} className="action-form form-grid" data-testid={`${id}-form`}>
      <Heading id={`${id}-title`} className="form-grid__full">
        {title}
      </Heading>
      {intro ? <p className="lead form-grid__full">{intro}</p> : null}
      {children}
      <div className="form-grid__full">
        <ErrorBanner code={errorCode} />
        {footer ?? (
          <div className="actions">
            <button type="submit" className="primary" disabled={busy}>
              {submitLabel}
            </button>
            <button type="button" onClick={onCancel} disabled={busy}>
              {t('records:cancel')}
            </button>
          </div>
        )}
      </div>
    </form>
  );
}
