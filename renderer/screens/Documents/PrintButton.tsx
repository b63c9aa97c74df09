import { useState } from 'react';
import { useT } from '../../i18n/index';
import type { ErrorCode } from '../../../shared/contract/errors';
import { asApiError, call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import type { DocumentView, OnDocumentDone } from './types';

/** Hands the browser (or the desktop app's save dialog) a PDF the station rendered. */
function savePdf(fileName: string, contentBase64: string): void {
  const bytes = Uint8Array.from(atob(contentBase64), (character) => character.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The download has started once click() returns; the URL is kept a moment for slow viewers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Renders the copy as PDF and saves it for printing. The station records every rendering as a print
 * and refuses a copy that has left the station, so a serial is never printed twice unseen.
 */
export function PrintButton({ document: copy, onDone }: { document: DocumentView; onDone: OnDocumentDone }) {
  const { t } = useT();
  const [busy, setBusy] = useState(false);
  const [errorCode, setErrorCode] = useState<ErrorCode | null>(null);

  const print = async () => {
    setBusy(true);
    setErrorCode(null);
    try {
      const pdf = await call('documents:pdf', { documentId: copy.id });
      savePdf(pdf.fileName, pdf.contentBase64);
      const note = pdf.missing.length > 0 ? t('documentDesk:print.missing', { characters: pdf.missing.join(' ') }) : undefined;
      onDone({ action: 'print', serial: copy.serial, note });
    } catch (error) {
      setErrorCode(asApiError(error).code);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button type="button" onClick={() => void print()} disabled={busy}>
        {t('documentDesk:print.button')}
      </button>
      {errorCode ? <ErrorBanner code={errorCode} /> : null}
    </>
  );
}
