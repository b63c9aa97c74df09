import { useCallback, useEffect, useState } from 'react';
import { useT } from '../../i18n/index';
import { receiptPapers, type ReceiptPaper } from '../../../shared/domain/settings';
import { isKioskKind } from '../../../shared/domain/station';
import { call } from '../../api/client';
import { useFormText } from '../../hooks/useFormText';
import { SectionForm } from './SectionForm';
import { SettingField } from './SettingField';
import type { SettingsView } from './types';

type Values = SettingsView['printing']['values'];

function toText(values: Values): { receiptPrinter: string; receiptPaper: ReceiptPaper } {
  return { receiptPrinter: values.receiptPrinter ?? '', receiptPaper: values.receiptPaper };
}

/** True for a station of the kiosk kind, which prints receipts only on a configured receipt printer. */
function useKioskStation(): boolean {
  const [kiosk, setKiosk] = useState(false);
  useEffect(() => {
    call('station:get', undefined).then(
      (station) => setKiosk(station !== null && isKioskKind(station.kind)),
      // Without the station's kind the form still works; only the warning is not shown.
      () => setKiosk(false),
    );
  }, []);
  return kiosk;
}

/**
 * The printer kiosk receipts go to without a dialog (blank: none), and the paper it takes. A kiosk
 * without one is allowed but warned about: the desktop app never opens a dialog at a kiosk whatever is
 * saved here, so a missing printer costs the visitors a trip to the desk, not the kiosk's safety; and
 * refusing would keep an administrator from clearing a broken printer or setting up before it arrives.
 */
export function PrintingSettingsForm({ view, onSaved }: { view: SettingsView; onSaved: (next: SettingsView) => void }) {
  const { t } = useT();
  const [text, setText] = useFormText(view.printing.values, toText);
  const kioskStation = useKioskStation();
  const values = useCallback(
    // Blank is sent as is: the station reads it as "no printer".
    () => ({ section: 'printing' as const, receiptPrinter: text.receiptPrinter, receiptPaper: text.receiptPaper }),
    [text],
  );
  return (
    <SectionForm section="printing" title={t('settings:printing.title')} values={values} onSaved={onSaved}>
      {(issueFor) => (
        <>
          {kioskStation && text.receiptPrinter.trim() === '' ? (
            <p role="alert" className="error-banner" data-testid="kiosk-needs-printer">
              {t('settings:printing.kioskNeedsPrinter')}
            </p>
          ) : null}
          <SettingField id="setting-receiptPrinter" label={t('settings:printing.receiptPrinter')} hint={t('settings:printing.receiptPrinterHint')} issue={issueFor('receiptPrinter')}>
            <input
              id="setting-receiptPrinter"
              value={text.receiptPrinter}
              onChange={(event) => {
                const next = event.target.value;
                setText((current) => ({ ...current, receiptPrinter: next }));
              }}
              autoComplete="off"
              spellCheck={false}
            />
          </SettingField>
          <SettingField
            id="setting-receiptPaper"
            label={t('settings:printing.receiptPaper')}
            hint={t('settings:default', { value: t(`settings:printing.paper.${view.printing.defaults.receiptPaper}`) })}
            issue={issueFor('receiptPaper')}
          >
            <select
              id="setting-receiptPaper"
              value={text.receiptPaper}
              onChange={(event) => {
                const next = event.target.value as ReceiptPaper;
                setText((current) => ({ ...current, receiptPaper: next }));
              }}
            >
              {receiptPapers.map((paper) => (
                <option key={paper} value={paper}>
                  {t(`settings:printing.paper.${paper}`)}
                </option>
              ))}
            </select>
          </SettingField>
        </>
      )}
    </SectionForm>
  );
}
