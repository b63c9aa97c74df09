import { useT } from '../../i18n/index';
import { useFormatDateTime } from '../../hooks/useFormatDateTime';
import type { BackupStatus } from './types';
import { useBackupFormat } from './useBackupFormat';

interface BackupListProps {
  status: BackupStatus;
  /** Administrators pick a listed backup for inspection; others only see the list. */
  onChoose: ((file: string) => void) | null;
}

/** This station's backups in the configured folder, newest first, and how the last run went. */
export function BackupList({ status, onChoose }: BackupListProps) {
  const { t } = useT();
  const formatDateTime = useFormatDateTime('medium');
  const format = useBackupFormat();
  const { lastRun } = status;
  return (
    <section className="backup-list" aria-labelledby="backup-list-title">
      <h2 id="backup-list-title">{t('backup:list.title')}</h2>
      {lastRun ? (
        <p className={lastRun.error ? 'error-text' : 'muted'} data-testid="backup-last-run">
          {lastRun.error
            ? t('backup:lastRun.failed', { at: formatDateTime(lastRun.at), reason: t(`errors:${lastRun.error}` as 'errors:internal', { defaultValue: lastRun.error }) })
            : t('backup:lastRun.ok', { at: formatDateTime(lastRun.at) })}
        </p>
      ) : null}
      {status.settings.folder === null ? <p className="empty">{t('backup:list.noFolder')}</p> : null}
      {status.settings.folder !== null && !status.folderReadable ? <p className="error-text">{t('backup:list.unreadable')}</p> : null}
      {status.settings.folder !== null && status.folderReadable && status.backups.length === 0 ? <p className="empty">{t('backup:list.empty')}</p> : null}
      {status.backups.length > 0 ? (
        <table className="data-table" data-testid="backup-table">
          <thead>
            <tr>
              <th scope="col">{t('backup:list.createdAt')}</th>
              <th scope="col">{t('backup:list.name')}</th>
              <th scope="col">{t('backup:list.size')}</th>
              <th scope="col">{t('backup:list.schema')}</th>
              {onChoose ? <th scope="col" /> : null}
            </tr>
          </thead>
          <tbody>
            {status.backups.map((entry) => (
              <tr key={entry.file}>
                <td>{formatDateTime(entry.createdAt)}</td>
                <td className="mono">{entry.name}</td>
                <td>{format.size(entry.bytes)}</td>
                <td>{entry.schemaVersion}</td>
                {onChoose ? (
                  <td>
                    <button type="button" onClick={() => onChoose(entry.file)}>
                      {t('backup:list.choose')}
                    </button>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
