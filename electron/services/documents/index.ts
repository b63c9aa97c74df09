import type { StationContext } from '../kernel/context';
import type { StationSigningKey } from '../kernel/signing-key';
import { DocumentJournal } from './document-journal';
import { DocumentPrinting, type FontProvider } from './document-printing';
import { DocumentService } from './documents';

/** The station's documents (receipts, certificates) and their printing. */
export interface DocumentServices {
  documents: DocumentService;
  documentPrinting: DocumentPrinting;
}

/** The documents area on one station: documents are signed with `signingKey` and printed with `fonts`. */
export function createDocumentServices(ctx: StationContext, signingKey: StationSigningKey, fonts: FontProvider): DocumentServices {
  const documents = new DocumentService(ctx, signingKey, new DocumentJournal(ctx));
  return { documents, documentPrinting: new DocumentPrinting(ctx, documents, fonts) };
}
