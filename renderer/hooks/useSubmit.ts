import { useCallback, useState, type FormEvent } from 'react';
import type { ErrorCode, FieldIssue } from '../../shared/contract/errors';
import { asApiError } from '../api/client';

export interface SubmitState {
  busy: boolean;
  errorCode: ErrorCode | null;
  issues: FieldIssue[];
}

/** Runs a form's call once at a time and keeps the refusal (code and field issues) for display. */
export function useSubmit<T>(action: () => Promise<T>, onDone: (result: T) => void) {
  const [state, setState] = useState<SubmitState>({ busy: false, errorCode: null, issues: [] });

  const submit = useCallback(async () => {
    setState({ busy: true, errorCode: null, issues: [] });
    try {
      const result = await action();
      setState({ busy: false, errorCode: null, issues: [] });
      onDone(result);
    } catch (error) {
      const apiError = asApiError(error);
      setState({ busy: false, errorCode: apiError.code, issues: apiError.issues });
    }
  }, [action, onDone]);

  /** The form's submit handler: the page stays where it is and the call runs instead. */
  const onSubmit = useCallback(
    (event: FormEvent) => {
      event.preventDefault();
      void submit();
    },
    [submit],
  );

  const issueFor = (path: string) => state.issues.find((issue) => issue.path === path);
  return { ...state, submit, onSubmit, issueFor };
}
