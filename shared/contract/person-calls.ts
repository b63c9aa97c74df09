import { call, keepsRecords } from './call';
import { consentChangeInput } from '../validation/consents';
import {
  heldChangeInput,
  personAmendInput,
  personRecord,
  personRef,
  refusalRecorded,
  refusalRecordInput,
  refusalRevokeInput,
  revealed,
  revealInput,
  signatureImage,
} from '../validation/registration';

/** A person's record: read and revealed (audited), contact details and consents changed, a refusal of donation. */
export const personCalls = {
  /** A person's record with its full history, masked; every opening is audited. */
  'person:get': call(personRef, personRecord, keepsRecords),
  /** One full value of a person's record; an audited staff action. */
  'person:reveal': call(revealInput, revealed, keepsRecords),
  /** A person's latest drawn signature as an image; an audited staff action. */
  'person:signature': call(personRef, signatureImage, keepsRecords),
  /** New name or phone for a person; the earlier version is kept. */
  'person:amend': call(personAmendInput, personRecord, keepsRecords),
  /** Applies a phone held from the public kiosk as a new version of the person; audited. */
  'person:confirmHeldChange': call(heldChangeInput, personRecord, keepsRecords),
  /** Discards a phone held from the public kiosk; audited. */
  'person:discardHeldChange': call(heldChangeInput, personRecord, keepsRecords),
  /**
   * Withdraws or gives again the consent to report to the province or to be contacted for follow-up,
   * signed by the person; audited. Withdrawing the consent to report leaves out what was not yet sent
   * and notifies the province of what was. The value already standing changes nothing.
   */
  'person:consent': call(consentChangeInput, personRecord, keepsRecords),
  /** Records a person's refusal of donation (不同意捐献). */
  'refusal:record': call(refusalRecordInput, refusalRecorded, keepsRecords),
  /** Revokes a refusal at the person's request, so that they can register. */
  'refusal:revoke': call(refusalRevokeInput, personRecord, keepsRecords),
} as const;
