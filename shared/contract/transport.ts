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

/** What the preload exposes as `window.station` (and what the HTTP client imitates). */
export interface StationBridge {
  call(name: string, input: unknown): Promise<unknown>;
}

/** The channel the desktop app prints and saves PDFs on (the station host opens them in the browser). */
export const PRINT_IPC_CHANNEL = 'station:print';

/** Print with the system dialog, print without one on the configured printer, or save to a chosen file. */
export const printModes = ['dialog', 'silent', 'save'] as const;
export type PrintMode = (typeof printModes)[number];

export interface PrintRequest {
  mode: PrintMode;
  fileName: string;
  contentBase64: string;
}

/** `opened`: shown in a browser tab for the person to print (station host). */
export type PrintOutcome = 'printed' | 'saved' | 'opened' | 'cancelled' | 'failed';

/** What the preload exposes as `window.stationPrinter`, in the desktop app only. */
export interface StationPrinter {
  print(request: PrintRequest): Promise<PrintOutcome>;
}
