import { randomBytes } from 'node:crypto';

/**
 * The scheme the hidden print window loads a PDF from. Registered only on the print window's own
 * in-memory session, so no other page can ask for it; and no file is written, so `file://` needs no
 * privileges (the `grantFileProtocolExtraPrivileges` fuse is off, electron-builder.yml).
 */
export const PRINT_SCHEME = 'station-print';
const PRINT_HOST = 'job';

/** The session partition of the print window; without a `persist:` prefix it lives in memory only. */
export const PRINT_PARTITION = 'station-print';

export interface PrintJob {
  url: string;
  /** Forgets the PDF: it holds personal data and does not outlive its print. */
  close(): void;
}

const HEADERS = { 'content-type': 'application/pdf', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };

/** PDFs waiting to be printed, each under an unguessable name, served while its job lasts. */
export class PrintJobs {
  private readonly pending = new Map<string, Buffer>();

  open(pdf: Buffer): PrintJob {
    const name = `${randomBytes(16).toString('hex')}.pdf`;
    this.pending.set(name, pdf);
    return { url: `${PRINT_SCHEME}://${PRINT_HOST}/${name}`, close: () => this.pending.delete(name) };
  }

  /** The protocol handler, on the standard Request/Response so it runs (and is tested) without Electron. */
  readonly handle = (request: Request): Response => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return new Response(null, { status: 400 });
    }
    if (url.protocol !== `${PRINT_SCHEME}:` || url.host !== PRINT_HOST) return new Response(null, { status: 404 });
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405 });
    const pdf = this.pending.get(url.pathname.slice(1));
    if (!pdf) return new Response(null, { status: 404 });
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(pdf), { status: 200, headers: HEADERS });
  };
}
