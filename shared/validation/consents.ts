import { z } from 'zod';
import type { ConsentPurpose } from '../domain/consents';
import { signatureInput } from './registration';

/**
 * The consents a person changes on their record. The donation intent goes with withdrawing the
 * registration, and memorial publication is the family's consent on the name list: neither is here.
 */
export const changeableConsentPurposes = ['provincial_sync', 'follow_up_contact'] as const satisfies readonly ConsentPurpose[];
export type ChangeableConsentPurpose = (typeof changeableConsentPurposes)[number];

export function isChangeableConsentPurpose(purpose: string): purpose is ChangeableConsentPurpose {
  return (changeableConsentPurposes as readonly string[]).includes(purpose);
}

/** A consent withdrawn or given again, signed by the person, against the person's version the screen showed. */
export const consentChangeInput = z.object({
  personId: z.string({ error: 'required' }).min(1, { error: 'required' }).max(64, { error: 'invalid' }),
  expectedVersion: z.number({ error: 'invalid' }).int({ error: 'invalid' }).min(1, { error: 'invalid' }),
  purpose: z.enum(changeableConsentPurposes, { error: 'consent_purpose_not_changeable' }),
  granted: z.boolean({ error: 'required' }),
  signature: signatureInput,
});
