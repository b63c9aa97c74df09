import type { CallOutput } from '../../../shared/contract/calls';

/** A family's page as the station returns it after opening it or after any change. */
export type Family = CallOutput<'family:get'>;
/** One member of the family, unmasked. */
export type FamilyMember = Family['members'][number];
/** One invitation to a remembrance ceremony. */
export type Invitation = CallOutput<'family:invite'>;

/** Called by every form on the family's page with the page the station returned after the change. */
export type OnFamilyChanged = (family: Family, done: FamilyDone) => void;

/** What the success line names after a change on the family's page. */
export type FamilyDone =
  | 'opened'
  | 'memberAdded'
  | 'memberUpdated'
  | 'doNotContactSet'
  | 'doNotContactCleared'
  | 'consentRecorded'
  | 'contactLogged'
  | 'invited'
  | 'answered'
  | 'attended'
  | 'ceremonyReopened';
