import { useState } from 'react';
import { useT } from '../../i18n/index';
import type { ErrorCode } from '../../../shared/contract/errors';
import { asLanguage } from '../../../shared/i18n/languages';
import type { ExportFormat } from '../../../shared/validation/figures';
import { asApiError, call } from '../../api/client';
import { saveDownload } from '../../api/files';
import { ErrorBanner } from '../../components/ErrorBanner';
import type { FiguresQuery } from './types';

/** The figures on screen as a CSV or XLSX download, headers in the language on screen. */
export function ExportButtons({ query }: { query: FiguresQuery }) {
  const { t, i18n } = useT();
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [errorCode, setErrorCode] = useState<ErrorCode | null>(null);
  const exportAs = async (format: ExportFormat) => {
    setBusy(true);
    setSaved(null);
    setErrorCode(null);
    try {
      const file = await call('figures:export', { ...query, format, language: asLanguage(i18n.language) });
      saveDownload(file);
      setSaved(file.fileName);
    } catch (error) {
      setErrorCode(asApiError(error).code);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="figure-export" aria-labelledby="figure-export-title">
      <h2 id="figure-export-title">{t('figures:exportTitle')}</h2>
      <div className="actions">
        <button type="button" onClick={() => void exportAs('csv')} disabled={busy}>
          {t('figures:exportCsv')}
        </button>
        <button type="button" onClick={() => void exportAs('xlsx')} disabled={busy}>
          {t('figures:exportXlsx')}
        </button>
      </div>
      {saved ? (
        <p role="status" className="success" data-testid="figures-exported">
          {t('figures:exported', { fileName: saved })}
        </p>
      ) : null}
      <ErrorBanner code={errorCode} />
    </section>
  );
}
