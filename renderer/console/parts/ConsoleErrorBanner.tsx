import type { ConsoleFieldIssue } from '../../../shared/console/errors';
import type { ConsoleFailure } from '../api/client';
import { useConsoleT } from '../i18n';

/** A refused or failed call in the screen's language, announced to screen readers, with the fields at fault. */
export function ConsoleErrorBanner({ code, issues = [] }: { code: ConsoleFailure | null; issues?: ConsoleFieldIssue[] }) {
  const { t } = useConsoleT();
  if (code === null) return null;
  return (
    <div className="error-banner" role="alert" data-error-code={code}>
      <p>{t(`consoleErrors:${code}`)}</p>
      {issues.length > 0 ? (
        <ul>
          {issues.map((issue) => (
            <li key={`${issue.path}:${issue.code}`}>
              <code>{issue.path}</code> {t(`console:fieldIssue.${issue.code}`, { defaultValue: t('console:fieldIssue.custom') })}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
