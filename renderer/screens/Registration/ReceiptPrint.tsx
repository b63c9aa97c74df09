import { useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n/index';
import type { PrintOutcome } from '../../../shared/contract/transport';
import { call } from '../../api/client';
import { presentPdf } from '../../api/printing';
import { PdfActions } from '../../components/PdfActions';
import type { Created } from './draft';

type Receipt = Created['receipts'][number];

/** Printed, or shown for printing: the kiosk prints each receipt once; any further copy comes from staff. */
function handedOut(outcome: PrintOutcome): boolean {
  return outcome === 'printed' || outcome === 'opened' || outcome === 'saved';
}

/**
 * One receipt at the kiosk. With a receipt printer configured in the desktop app it prints at once,
 * without a dialog; otherwise the person presses "print". The kiosk may print it only once: a cancelled
 * or failed print is taken up by the staff, who can print the same copy after checking the document.
 */
export function ReceiptPrint({ receipt, silent }: { receipt: Receipt; silent: boolean }) {
  const { t } = useT();
  const [outcome, setOutcome] = useState<PrintOutcome | null>(null);
  const started = useRef(false);

  useEffect(() => {
    if (!silent || !window.stationPrinter || started.current) return;
    started.current = true;
    void call('registration:receipt', { documentId: receipt.documentId })
      .then((pdf) => presentPdf(pdf, 'silent'))
      .then(setOutcome, () => setOutcome('failed'));
  }, [silent, receipt.documentId]);

  return (
    <li data-testid="receipt">
      <span>{t('kiosk:done.receiptSerial')}</span> <strong className="mono">{receipt.serial}</strong>{' '}
      {outcome === null && !(silent && window.stationPrinter) ? (
        <PdfActions allowSave={false} render={() => call('registration:receipt', { documentId: receipt.documentId })} onDone={setOutcome} />
      ) : null}
      {outcome !== null ? (
        <p role="status" className={handedOut(outcome) ? 'success' : 'registration__notice'} data-testid="receipt-status">
          {t(outcome === 'opened' ? 'kiosk:done.receiptOpened' : handedOut(outcome) ? 'kiosk:done.receiptPrinted' : 'kiosk:done.receiptAskStaff')}
        </p>
      ) : null}
    </li>
  );
}
