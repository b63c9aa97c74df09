import { call, keepsRecords } from './call';
import { consentChangeInput } from '../validation/consents';
import { personRecord } from '../validation/registration';

/** A person's consents changed after registration: withdrawn or given again. */
export const consentCalls = {
  /**
   * Withdraws or gives again the consent to report to the province or to be contacted for follow-up,
   * signed by the person; audited. Withdrawing the consent to report leaves out what was not yet sent
   * and notifies the province of what was. The value already standing changes nothing.
   */
  'person:consent': call(consentChangeInput, personRecord, keepsRecords),
} as const;
