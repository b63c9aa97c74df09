import { useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n/index';
import type { PrintOutcome } from '../../../shared/contract/transport';
import { call } from '../../api/client';
import { printDocument } from '../../api/printing';
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
  no_printer: 'kiosk:done.receiptStaffWillPrint',
} as const satisfies Record<PrintOutcome, string>;

const NOTICES: ReadonlySet<string> = new Set(['kiosk:done.receiptAskStaff', 'kiosk:done.receiptStaffWillPrint']);

/**
 * One receipt after a registration. With a receipt printer configured in the desktop app it prints at
 * once, without a dialog. Otherwise the public at a kiosk is told that staff will print it: a print
 * dialog or a browser tab is a way out of a kiosk, so the kiosk session never gets either (the desktop
 * app's main process refuses them too). Staff at a desk press "print". The kiosk may print a receipt
 * only once: a cancelled or failed print is taken up by the staff, who print it after checking the document.
 */
export function ReceiptPrint({ receipt, silent }: { receipt: Receipt; silent: boolean }) {
  const { t } = useT();
  const [outcome, setOutcome] = useState<PrintOutcome | null>(null);
  const [staffDesk, setStaffDesk] = useState(false);
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    if (silent && window.stationPrinter) {
      void printDocument('receipt', receipt.documentId, 'silent').then(
        (printed) => setOutcome(printed.outcome),
        () => setOutcome('failed'),
      );
      return;
    }
    void call('session:get', undefined).then(
      (session) => (session.role === 'kiosk' ? setOutcome('no_printer') : setStaffDesk(true)),
      () => setOutcome('failed'),
    );
  }, [silent, receipt.documentId]);

  return (
    <li data-testid="receipt">
      <span>{t('kiosk:done.receiptSerial')}</span> <strong className="mono">{receipt.serial}</strong>{' '}
      {outcome === null && staffDesk ? (
        <PdfActions source="receipt" documentId={receipt.documentId} allowSave={false} onDone={(printed) => setOutcome(printed.outcome)} />
      ) : null}
      {outcome !== null ? (
        // "Staff will print" is part of the confirmation as it opens, not news of a print: no live region.
        <p
          role={outcome === 'no_printer' ? undefined : 'status'}
          className={NOTICES.has(OUTCOME_MESSAGE[outcome]) ? 'registration__notice' : 'success'}
          data-testid="receipt-status"
        >
          {t(OUTCOME_MESSAGE[outcome])}
        </p>
      ) : null}
    </li>
  );
}
