import { useT } from '../i18n/index';
import { PdfActions } from './PdfActions';

/** What a print reports: the serial printed and, when some characters could not be shown, a sentence saying which. */
export interface PrintDone {
  action: 'print';
  serial: string;
  note?: string;
}

/**
 * Prints or saves a copy still at the station. The station records every rendering as a print and
 * refuses a copy that has left the station, so a serial is never printed twice unseen.
 */
export function PrintButton({ document: copy, onDone }: { document: { id: string; serial: string }; onDone: (done: PrintDone) => void }) {
  const { t } = useT();
  return (
    <PdfActions
      source="document"
      documentId={copy.id}
      onDone={({ missing }) => {
        const note = missing.length > 0 ? t('documentDesk:print.missing', { characters: missing.join(' ') }) : undefined;
        onDone({ action: 'print', serial: copy.serial, note });
      }}
    />
  );
}
