/**
 * The purposes a registrant consents to separately: the donation intent itself,
 * sending the record to the provincial system, being contacted for follow-up, and publishing the
 * name on a memorial wall. Only the intent is required for a registration; each other purpose may be
 * declined on its own.
 */
export const consentPurposes = ['donation_intent', 'provincial_sync', 'follow_up_contact', 'memorial_publication'] as const;
/** One of the consent purposes. */
export type ConsentPurpose = (typeof consentPurposes)[number];

/** A registration cannot be made without this consent; the others are optional. */
export const REQUIRED_CONSENT: ConsentPurpose = 'donation_intent';

/**
 * The version of the consent texts the screens show (`registration:consent.<purpose>.text` in the
 * locales). It is stored with every consent, so a later change of wording never changes what a
 * person agreed to; change it whenever a consent text changes.
 */
export const CONSENT_TEXT_VERSION = '2026-11';
