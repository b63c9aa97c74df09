import { useCallback, useState } from 'react';
import type { ErrorCode, FieldIssue } from '../../shared/contract/errors';
import { asApiError } from '../api/client';

export interface LoadState<R> {
  /** The last answer, kept on screen while the next one loads or when it is refused. */
  data: R | null;
  busy: boolean;
  errorCode: ErrorCode | null;
  issues: FieldIssue[];
}

/** Loads what a screen shows for a query, keeping the refusal (code and field issues) for display. */
export function useLoad<Q, R>(fetch: (query: Q) => Promise<R>) {
  const [state, setState] = useState<LoadState<R>>({ data: null, busy: false, errorCode: null, issues: [] });

  /** True when the answer came and is shown. */
  const load = useCallback(
    async (query: Q): Promise<boolean> => {
      setState((current) => ({ ...current, busy: true }));
      try {
        const data = await fetch(query);
        setState({ data, busy: false, errorCode: null, issues: [] });
        return true;
      } catch (error) {
        const apiError = asApiError(error);
        setState((current) => ({ ...current, busy: false, errorCode: apiError.code, issues: apiError.issues }));
        return false;
      }
    },
    [fetch],
  );

  return { ...state, load };
}
