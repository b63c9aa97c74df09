import type { OpenStation } from '../app/open-station';
import type { CallOutput } from '../../shared/contract/calls';
import type { CallResult } from '../../shared/contract/errors';
import { printSources, type PrintedDocument, type PrintOutcome } from '../../shared/contract/transport';
import type { Role } from '../../shared/domain/roles';
import { decidePrint, type PrintOptions } from './print-policy';
import { acceptPrintRequest, isStationPdf } from './printing';
import { shouldRunAsKiosk } from './window-policy';

type Dispatch = OpenStation['dispatch'];
type CallerContext = Parameters<Dispatch>[2];

/** What Electron does with a PDF the station rendered: print it from a hidden window, or save it where the person chooses. */
export interface PrintDevice {
  print(pdf: Buffer, options: PrintOptions): Promise<PrintOutcome>;
  save(pdf: Buffer, fileName: string): Promise<PrintOutcome>;
}

export interface DocumentPrinterDeps {
  /** The station's one entry point: roles, the kiosk's 15-minute window and the print audit all apply. */
  dispatch: Dispatch;
  /** Whether the app runs as a public kiosk; asked at each print, as the station's kind is recorded at setup. */
  kioskMode(): Promise<boolean>;
  receiptPrinter(): Promise<string | null>;
  device: PrintDevice;
}

/** Prints document X for the window whose session is `caller`, from bytes the station renders here. */
export type PrintDocument = (raw: unknown, caller: CallerContext) => Promise<CallResult<PrintedDocument>>;

const invalidRequest: CallResult<never> = { ok: false, error: { code: 'validation_failed', message: 'invalid print request' } };

/**
 * The desktop app's print path. The renderer names a document, the kind of print and the mode, never
 * the PDF: the main process renders it through the same call the renderer would make, as the window's
 * own session, so only what that session may print is printed and every print is recorded. The policy
 * is decided first: a print that may not happen (a kiosk without a receipt printer) renders nothing and
 * records nothing.
 */
export function createDocumentPrinter(deps: DocumentPrinterDeps): PrintDocument {
  return async (raw, caller) => {
    const request = acceptPrintRequest(raw);
    if (request === null) return invalidRequest;

    const session = await deps.dispatch('session:get', undefined, caller);
    if (!session.ok) return session;
    const callerRole = (session.data as CallOutput<'session:get'>).role satisfies Role;

    const decision = decidePrint({ mode: request.mode, kioskMode: await deps.kioskMode(), callerRole, receiptPrinter: await deps.receiptPrinter() });
    if (decision.action === 'refuse') return { ok: true, data: { outcome: decision.outcome, missing: [] } };

    const rendered = await deps.dispatch(printSources[request.source], { documentId: request.documentId }, caller);
    if (!rendered.ok) return rendered;
    const { fileName, contentBase64, missing } = rendered.data as CallOutput<'documents:pdf'>;
    const pdf = Buffer.from(contentBase64, 'base64');
    if (!isStationPdf(pdf)) return { ok: true, data: { outcome: 'failed', missing } };

    const outcome = decision.action === 'save' ? await deps.device.save(pdf, fileName) : await deps.device.print(pdf, decision.options);
    return { ok: true, data: { outcome, missing } };
  };
}

/** The print path of an open station: its dispatch, its receipt printer, and kiosk mode as the window has it. */
export function documentPrinterFor(station: Pick<OpenStation, 'dispatch' | 'services'>, argv: readonly string[], device: PrintDevice): PrintDocument {
  return createDocumentPrinter({
    dispatch: station.dispatch,
    kioskMode: async () => shouldRunAsKiosk(argv, (await station.services.station.get())?.kind),
    receiptPrinter: () => station.services.settings.receiptPrinter(),
    device,
  });
}
