import type { AidCase, OnStepTaken } from '../types';

/** What every step's form is given: the case, and what to do when done or cancelled. */
export interface StepFormProps {
  aidCase: AidCase;
  onDone: OnStepTaken;
  onCancel: () => void;
}
