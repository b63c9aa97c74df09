import { useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n/index';
import type { PrintOutcome } from '../../../shared/contract/transport';
import { call } from '../../api/client';
import { presentPdf } from '../../api/printing';
import { PdfActions } from '../../components/PdfActions';
import type { Created } from './draft';

type Receipt = Created['receipts'][number];

/** What the visitor is told after the kiosk's one print of a receipt; any further copy comes from staff. */
const OUTCOME_MESSAGE = {
  printed: 'kiosk:done.receiptPrinted',
  opened: 'kiosk:done.receiptOpened',
  saved: 'kiosk:done.receiptSaved',
  cancelled: 'kiosk:done.receiptAskStaff',
  failed: 'kiosk:done.receiptAskStaff',
} as const satisfies Record<PrintOutcome, string>;

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
        <p role="status" className={OUTCOME_MESSAGE[outcome] === 'kiosk:done.receiptAskStaff' ? 'registration__notice' : 'success'} data-testid="receipt-status">
          {t(OUTCOME_MESSAGE[outcome])}
        </p>
      ) : null}
    </li>
  );
}
