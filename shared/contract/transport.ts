import type { CallName } from './calls';
import type { CallResult } from './errors';

/** The single IPC channel every call travels on in the desktop app. */
export const STATION_IPC_CHANNEL = 'station:call';

/** Path prefix of calls on the loopback station host: `POST /api/<call name>`. */
export const HOST_API_PREFIX = '/api/';

/** Header that carries the station host's per-run token. */
export const HOST_TOKEN_HEADER = 'x-station-token';

/**
 * Header naming the browser tab on the station host; each tab has its own sign-in, as each window does
 * in the desktop app.
 */
export const HOST_CLIENT_HEADER = 'x-station-client';

/**
 * Where a page of the station host trades the one-time code of its launch address (`/#launch=<code>`)
 * for the per-run token: `POST` with the code in the header below, answered `{ ok: true, data: { token } }`.
 * Each code works once, so the address printed or put on the browser's command line is spent once opened.
 */
export const HOST_LAUNCH_PATH = '/launch';
export const HOST_LAUNCH_CODE_HEADER = 'x-station-launch-code';

/** What the preload exposes as `window.station` (and what the HTTP client imitates). */
export interface StationBridge {
  call(name: string, input: unknown): Promise<unknown>;
}

/** The channel the desktop app prints and saves PDFs on (the station host opens them in the browser). */
export const PRINT_IPC_CHANNEL = 'station:print';

/** Print with the system dialog, print without one on the configured printer, or save to a chosen file. */
export const printModes = ['dialog', 'silent', 'save'] as const;
export type PrintMode = (typeof printModes)[number];

/**
 * The call that renders each kind of print: a staff copy of any document, or the receipt the kiosk
 * prints once right after a registration. The main process makes the call itself, as the window's session.
 */
export const printSources = { document: 'documents:pdf', receipt: 'registration:receipt' } as const satisfies Record<string, CallName>;
export type PrintSource = keyof typeof printSources;

/** Print document X: the renderer names the document, never sends its bytes. */
export interface PrintRequest {
  source: PrintSource;
  documentId: string;
  mode: PrintMode;
}

/**
 * `opened`: shown in a browser tab for the person to print (station host). `no_printer`: not printed,
 * because only the configured receipt printer may print here (a kiosk) and there is none; staff print it.
 */
export type PrintOutcome = 'printed' | 'saved' | 'opened' | 'cancelled' | 'failed' | 'no_printer';

/** How a print went, with the characters no font could draw (as `documents:pdf` reports them). */
export interface PrintedDocument {
  outcome: PrintOutcome;
  missing: string[];
}

/** What the preload exposes as `window.stationPrinter`, in the desktop app only. */
export interface StationPrinter {
  /** A refusal of the station (not signed in, the copy left the station…) comes back as the call's error. */
  print(request: PrintRequest): Promise<CallResult<PrintedDocument>>;
}
