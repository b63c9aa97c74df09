import { createContext, useContext } from 'react';

/**
 * Reloads the open person record. Most forms answer with the changed record; issuing a document does
 * not (it answers with the document), so the form asks the record to reload its list of documents.
 */
export const RecordRefreshContext = createContext<() => void>(() => undefined);

export function useRecordRefresh(): () => void {
  return useContext(RecordRefreshContext);
}
