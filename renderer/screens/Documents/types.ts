import type { CallOutput } from '../../../shared/contract/calls';
import type { DocumentState } from '../../../shared/domain/documents';
import type { SerialDocument } from '../../../shared/domain/registration-number';

/** A document as the staff list shows it (names masked). */
export type DocumentView = CallOutput<'documents:list'>['documents'][number];

/** The actions on one document; one form is open at a time on the whole list. */
export type DocumentAction = 'handOver' | 'void' | 'reissue';

/** What the success line names after an action: the serial it concerned and, for a re-issue, the copy it replaced. */
export interface DocumentDone {
  action: DocumentAction | 'print';
  serial: string;
  previous?: string;
  /** A sentence to add, such as the characters a printed copy could not show. */
  note?: string;
}

export type OnDocumentDone = (done: DocumentDone) => void;

/** The list's filters; an empty string is "all". */
export interface DocumentFilters {
  state: DocumentState | '';
  kind: SerialDocument | '';
}
