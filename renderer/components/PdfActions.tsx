import { useState } from 'react';
import { useT } from '../i18n/index';
import type { ErrorCode } from '../../shared/contract/errors';
import type { PrintedDocument, PrintSource } from '../../shared/contract/transport';
import { asApiError } from '../api/client';
import { printDocument, type PdfAction } from '../api/printing';
import { ErrorBanner } from './ErrorBanner';

interface PdfActionsProps {
  /** The document, and which call renders it; the station records each rendering as a print. */
  source: PrintSource;
  documentId: string;
  /** The outcome, with the characters no font could draw. */
  onDone: (printed: PrintedDocument) => void;
  /** Save is offered to staff; the public at a kiosk only prints. */
  allowSave?: boolean;
}

/** Print and save buttons for one document; each press renders it afresh, so each is audited. */
export function PdfActions({ source, documentId, onDone, allowSave = true }: PdfActionsProps) {
  const { t } = useT();
  const [busy, setBusy] = useState(false);
  const [errorCode, setErrorCode] = useState<ErrorCode | null>(null);
  const [noPrinter, setNoPrinter] = useState(false);

  const run = async (action: PdfAction) => {
    setBusy(true);
    setErrorCode(null);
    try {
      const printed = await printDocument(source, documentId, action);
      // Nothing was rendered: a kiosk prints only on its receipt printer, and none is configured.
      setNoPrinter(printed.outcome === 'no_printer');
      if (printed.outcome !== 'no_printer') onDone(printed);
    } catch (error) {
      setErrorCode(asApiError(error).code);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button type="button" onClick={() => void run('print')} disabled={busy}>
        {t('pdf.print')}
      </button>
      {allowSave ? (
        <button type="button" onClick={() => void run('save')} disabled={busy}>
          {t('pdf.save')}
        </button>
      ) : null}
      {errorCode ? <ErrorBanner code={errorCode} /> : null}
      {noPrinter ? (
        <p role="status" className="error-banner" data-testid="print-no-printer">
          {t('settings:printing.kioskNoPrinter')}
        </p>
      ) : null}
    </>
  );
}
