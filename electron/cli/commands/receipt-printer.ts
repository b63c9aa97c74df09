import { parseArgs } from 'node:util';
import { UsageError, type CliCommand } from '../command';
import { callStation, printJson, reportRefusal, withStation } from '../command-support';

/** The option a field of the printing section came from. */
const optionOf: Record<string, string> = { receiptPrinter: '--name', receiptPaper: '--paper' };

/**
 * `receipt-printer [--name NAME | --none] [--paper a4|thermal]`: shows the kiosk's receipt printer, or sets it
 * and its paper as the printing section of the settings screen does (same checks of the name, one audit entry
 * when something changed). With a printer set, the desktop kiosk prints each receipt without a dialog.
 */
export const receiptPrinterCommand: CliCommand = {
  name: 'receipt-printer',
  usage: 'cli:commandUsage.receiptPrinter',
  calls: ['settings:get', 'settings:change'],
  async run(args, { t }) {
    const { values } = parseArgs({ args, options: { name: { type: 'string' }, none: { type: 'boolean' }, paper: { type: 'string' } }, strict: true });
    if (values.paper !== undefined && values.paper !== 'a4' && values.paper !== 'thermal') throw new UsageError(t('cli:printerBadPaper', { paper: values.paper }));
    if ((values.none && values.name !== undefined) || values.name?.trim() === '') throw new UsageError(t('cli:printerNameOrNone'));
    return withStation(async (station) => {
      const settings = await callStation(station, 'settings:get', undefined);
      if (!settings.ok) return reportRefusal(t, settings.error);
      const current = settings.data.printing.values;
      if (values.name === undefined && !values.none && values.paper === undefined) {
        printJson(current);
        return 0;
      }
      const changed = await callStation(station, 'settings:change', {
        section: 'printing',
        receiptPrinter: values.none ? null : (values.name ?? current.receiptPrinter),
        receiptPaper: values.paper ?? current.receiptPaper,
      });
      if (!changed.ok) return reportRefusal(t, changed.error, { fieldName: (path) => optionOf[path] ?? path });
      printJson(changed.data.printing.values);
      return 0;
    });
  },
};
