import type { ExportPlatformValue } from '../../../../shared/console/exports-calls';
import { consoleCall } from '../../api/client';
import { useConsoleT } from '../../i18n';
import { ConsoleErrorBanner } from '../../parts/ConsoleErrorBanner';
import { useConsoleLoad } from '../../parts/useConsoleLoad';

/**
 * A platform's versioned column map, one table per file: each column's header, source and code list, and
 * whether a source confirms the platform takes it or the map assumes it (a mark and a word, never colour alone).
 */
export function PlatformMapTables({ platform }: { platform: ExportPlatformValue }) {
  const { t } = useConsoleT();
  const maps = useConsoleLoad(() => consoleCall('exports:maps'), 'exports:maps');
  const map = maps.data?.maps.find((candidate) => candidate.platform === platform);
  return (
    <>
      <ConsoleErrorBanner code={maps.error} />
      {map?.files.map((file) => (
        <div key={file.file} className="console-table-scroll">
          <table className="data-table" data-testid="exports-map">
            <caption>
              {t('consoleExports:map.caption', { version: map.version, file: file.title })} · {t('consoleExports:map.programs', { programs: file.programs.join(', ') })}
            </caption>
            <thead>
              <tr>
                <th>{t('consoleExports:map.column')}</th>
                <th>{t('consoleExports:map.source')}</th>
                <th>{t('consoleExports:map.codeList')}</th>
                <th>{t('consoleExports:map.status')}</th>
              </tr>
            </thead>
            <tbody>
              {file.columns.map((column) => (
                <tr key={column.column} data-status={column.status}>
                  <th scope="row">{column.column}</th>
                  <td>{column.source}</td>
                  <td>{column.codeList ?? t('consoleExports:map.none')}</td>
                  <td className="nowrap">{t(`consoleExports:map.${column.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </>
  );
}
