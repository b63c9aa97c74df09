import { useT } from '../i18n/index';
import type { ErrorCode } from '../../shared/contract/errors';

/** The translated sentence for a refused call, announced to screen readers. */
export function ErrorBanner({ code }: { code: ErrorCode | null }) {
  const { t } = useT();
  if (code === null) return null;
  return (
    <p className="error-banner" role="alert" data-error-code={code}>
      {t(`errors:${code}`)}
    </p>
  );
}
