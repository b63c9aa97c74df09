import { useState, type FormEvent } from 'react';
import type { FieldIssue } from '../../../shared/contract/errors';
import { useConfirmStep } from '../../components/ConfirmPrompt';

interface SubmittingForm {
  submit: () => Promise<void>;
  issueFor: (path: string) => FieldIssue | undefined;
}

/**
 * The confirmation of a final action ("cannot be undone, confirm?"), asked only for a form the station
 * would accept as far as the screen can tell: `check` runs first (the call's own schema through
 * `checkInput`, plus what the form knows, such as a date after today) and its issues are shown at the
 * fields instead of the question. `issueFor` gives these issues first, then the station's.
 */
export function useCheckedConfirm(check: () => FieldIssue[], form: SubmittingForm) {
  const confirmStep = useConfirmStep(form.submit);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const ask = (event: FormEvent) => {
    event.preventDefault();
    const found = check();
    setIssues(found);
    if (found.length === 0) confirmStep.ask(event);
  };
  const issueFor = (path: string) => issues.find((issue) => issue.path === path) ?? form.issueFor(path);
  return { ...confirmStep, ask, issueFor };
}
