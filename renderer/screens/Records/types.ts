import type { CallOutput } from '../../../shared/contract/calls';
import type { ChangeableConsentPurpose } from '../../../shared/validation/consents';

/** A person's record as the station returns it after opening it or after any change. */
export type PersonRecord = CallOutput<'person:get'>;
/** One program's registration within a person's record. */
export type Registration = PersonRecord['registrations'][number];
/** What a registration's choice says, as staff read it (contacts masked). */
export type ChoiceView = Registration['choice'];

/** The actions on one registration; one form is open at a time on the whole record. */
export type RegistrationAction = 'amend' | 'withdraw' | 'realise' | 'bodyPaperwork' | 'stemCellStatus' | 'followUp' | 'issueDocument';

/** What the success line names after a change: the action, and the registration it concerned. */
export interface Done {
  action: Exclude<RegistrationAction, 'issueDocument'> | 'personAmend' | 'refusalRecorded' | 'refusalRevoked' | 'heldConfirmed' | 'heldDiscarded';
  number?: string;
}

/** The success line after a consent was withdrawn or given again. */
export interface ConsentDone {
  action: 'consentChanged';
  purpose: ChangeableConsentPurpose;
  granted: boolean;
}

/** Called by every form with the record the station returned after the change. */
export type OnUpdated = (record: PersonRecord, done: Done | ConsentDone) => void;
