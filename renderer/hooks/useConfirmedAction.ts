import { useState, type FormEvent } from 'react';
import type { ErrorCode, FieldIssue } from '../../shared/contract/errors';
import { useConfirmStep } from '../components/ConfirmPrompt';
import { useSubmit } from './useSubmit';

/** A final action's state, as {@link useConfirmedAction} keeps it for its form. */
export interface ConfirmedAction {
  busy: boolean;
  errorCode: ErrorCode | null;
  /** The issue at a field: the screen's own check first, then the station's refusal. */
  issueFor: (path: string) => FieldIssue | undefined;
  /** Whether the final question is open. */
  confirming: boolean;
  /** The form's submit handler: checks the fields, then opens the question. */
  ask: (event: FormEvent) => void;
  /** The question answered yes: the call runs. */
  confirm: () => void;
  /** The question answered no: back to the fields. */
  cancel: () => void;
}

const nothingToCheck = (): FieldIssue[] => [];

/**
 * A final action ("cannot be undone, confirm?") run through {@link useSubmit}: the question is asked only
 * for a form the station would accept as far as the screen can tell. `check` runs first (the call's own
 * schema through `checkInput`, plus what the form knows, such as a date after today) and its issues are
 * shown at the fields instead of the question.
 */
export function useConfirmedAction<T>(action: () => Promise<T>, onDone: (result: T) => void, check: () => FieldIssue[] = nothingToCheck): ConfirmedAction {
  const form = useSubmit(action, onDone);
  const confirmStep = useConfirmStep(form.submit);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const ask = (event: FormEvent) => {
    event.preventDefault();
    const found = check();
    setIssues(found);
    if (found.length === 0) confirmStep.ask(event);
  };
  const issueFor = (path: string) => issues.find((issue) => issue.path === path) ?? form.issueFor(path);
  return { busy: form.busy, errorCode: form.errorCode, issueFor, confirming: confirmStep.confirming, ask, confirm: confirmStep.confirm, cancel: confirmStep.cancel };
}
