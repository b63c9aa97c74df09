import { useState } from 'react';
import { useT } from '../i18n/index';
import type { ErrorCode } from '../../shared/contract/errors';
import type { PrintOutcome } from '../../shared/contract/transport';
import { asApiError } from '../api/client';
import { presentPdf, type PdfAction, type RenderedPdf } from '../api/printing';
import { ErrorBanner } from './ErrorBanner';

/** A PDF the station rendered, with the characters no font could draw. */
export type StationPdf = RenderedPdf & { missing: string[] };

interface PdfActionsProps {
  /** Renders the PDF; the station records each rendering as a print. */
  render: () => Promise<StationPdf>;
  onDone: (outcome: PrintOutcome, pdf: StationPdf) => void;
  /** Save is offered to staff; the public at a kiosk only prints. */
  allowSave?: boolean;
}

/** Print and save buttons for one document; each press renders it afresh, so each is audited. */
export function PdfActions({ render, onDone, allowSave = true }: PdfActionsProps) {
  const { t } = useT();
  const [busy, setBusy] = useState(false);
  const [errorCode, setErrorCode] = useState<ErrorCode | null>(null);

  const run = async (action: PdfAction) => {
    setBusy(true);
    setErrorCode(null);
    try {
      const pdf = await render();
      onDone(await presentPdf(pdf, action), pdf);
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
    </>
  );
}
