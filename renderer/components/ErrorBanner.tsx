import { useRefusalText } from '../audience';
import type { ErrorCode } from '../../shared/contract/errors';

/** The translated sentence for a refused call, announced to screen readers; in staff wording for staff. */
export function ErrorBanner({ code }: { code: ErrorCode | null }) {
  const refusalText = useRefusalText();
  if (code === null) return null;
  return (
    <p className="error-banner" role="alert" data-error-code={code}>
      {refusalText('errors', code)}
    </p>
  );
}
