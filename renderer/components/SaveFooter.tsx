import type { ErrorCode } from '../../shared/contract/errors';
import { ErrorBanner } from './ErrorBanner';

interface SaveFooterProps {
  /** The save button's text. */
  label: string;
  busy: boolean;
  /** The refusal; field issues are shown at their fields, so `validation_failed` shows nothing here. */
  errorCode: ErrorCode | null;
  /** The confirmation once saved, or null before. */
  savedText: string | null;
  savedTestId: string;
}

/** The end of a settings form: its save button, the refusal of the last save, or its confirmation. */
export function SaveFooter({ label, busy, errorCode, savedText, savedTestId }: SaveFooterProps) {
  return (
    <>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {label}
        </button>
      </div>
      <ErrorBanner code={errorCode === 'validation_failed' ? null : errorCode} />
      {savedText !== null ? (
        <p role="status" className="success" data-testid={savedTestId}>
          {savedText}
        </p>
      ) : null}
    </>
  );
}
