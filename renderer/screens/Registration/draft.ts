import type { CallInput, CallOutput } from '../../../shared/contract/calls';
import type { FieldIssue } from '../../../shared/contract/errors';
import { CONSENT_TEXT_VERSION, type ConsentPurpose } from '../../../shared/domain/consents';
import { programs, type BloodType, type Organ, type Program } from '../../../shared/domain/programs';
import type { HeardFromKind } from '../../../shared/domain/registration';
import { checkDocument, numberCarriesBirthDate, type DocumentKind, type Sex } from '../../../shared/validation/identity-document';
import type { CardFill } from './card/card-fill';

export type RegistrationOptions = CallOutput<'registration:options'>;
export type Created = CallOutput<'registration:create'>;
type CreateInput = CallInput<'registration:create'>;
type ProgramChoice = CreateInput['programs'][number];

export type ContactRelation = 'relative' | 'friend';
export type OptionalConsent = Exclude<ConsentPurpose, 'donation_intent'>;
export type YesNo = 'yes' | 'no' | '';

export interface ContactDraft {
  name: string;
  relation: ContactRelation | '';
  phone: string;
}

/** Everything the person has entered so far, as typed; it only becomes the call's input on submit. */
export interface Draft {
  programs: Program[];
  documentKind: DocumentKind;
  /** Once the person picks the kind, the number no longer decides it. */
  documentKindChosen: boolean;
  documentNumber: string;
  name: string;
  phone: string;
  ethnicGroup: string;
  /** Typed only for documents whose number does not carry it. */
  birthDate: string;
  sex: Sex | '';
  organScope: 'all' | 'selected' | '';
  organs: Organ[];
  healthScreen: YesNo;
  bloodType: BloodType | '';
  contacts: [ContactDraft, ContactDraft];
  donationIntent: boolean;
  optionalConsents: Record<OptionalConsent, YesNo>;
  /** The drawn signature as a PNG data URL. */
  signature: string | null;
  /** How the person heard of donation; blank when not answered. */
  heardFrom: HeardFromKind | '';
  /** The session named, when `heardFrom` is `session`. */
  heardFromSessionId: string;
  /** The ID card that filled the identity fields, if one did (see CardFill). */
  card: CardFill | null;
}

const emptyContact: ContactDraft = { name: '', relation: '', phone: '' };

export const emptyDraft: Draft = {
  programs: [],
  documentKind: 'resident_id',
  documentKindChosen: false,
  documentNumber: '',
  name: '',
  phone: '',
  ethnicGroup: '',
  birthDate: '',
  sex: '',
  organScope: '',
  organs: [],
  healthScreen: '',
  bloodType: '',
  contacts: [emptyContact, emptyContact],
  donationIntent: false,
  optionalConsents: { provincial_sync: '', follow_up_contact: '', memorial_publication: '' },
  signature: null,
  heardFrom: '',
  heardFromSessionId: '',
  card: null,
};

/** The steps of the flow in order; `choices` only when a chosen program has choices to make. */
export const allSteps = ['programs', 'identity', 'choices', 'consents', 'signature', 'heardFrom', 'review', 'done'] as const;
export type Step = (typeof allSteps)[number];

export function stepsFor(draft: Draft): Step[] {
  return allSteps.filter((step) => step !== 'choices' || hasChoices(draft.programs));
}

export function hasChoices(chosen: readonly Program[]): boolean {
  return chosen.includes('organ') || chosen.includes('stem_cell');
}

/** The birth date and sex the number says, when the kind carries them and the number is valid. */
export function derivedDetails(draft: Draft): { birthDate: string; sex: Sex } | null {
  if (!numberCarriesBirthDate(draft.documentKind)) return null;
  const check = checkDocument(draft.documentKind, draft.documentNumber);
  return check.ok && check.birthDate && check.sex ? { birthDate: check.birthDate, sex: check.sex } : null;
}

/** Chosen programs in the canonical order, so that `programs.<i>` of a refusal maps back to a program. */
export function orderedPrograms(chosen: readonly Program[]): Program[] {
  return programs.filter((program) => chosen.includes(program));
}

function programChoice(program: Program, draft: Draft): ProgramChoice {
  switch (program) {
    case 'organ':
      return {
        program,
        organs: draft.organScope === 'selected' ? { kind: 'selected', organs: draft.organs } : { kind: 'all' },
      };
    case 'cornea':
      return { program };
    case 'body':
      // The executor and relatives' agreement are recorded later by staff at the station.
      return { program, paperwork: null };
    case 'stem_cell':
      return {
        program,
        healthScreenPassed: true,
        bloodType: draft.bloodType as BloodType,
        emergencyContacts: draft.contacts.map((contact) => ({
          name: contact.name,
          relation: contact.relation as ContactRelation,
          phone: contact.phone,
        })),
      };
  }
}

/**
 * The call's input, built only after every step has passed its own checks. The consent version is the
 * one of the texts this screen showed (they come with the build); the station refuses an outdated one.
 */
export function toCreateInput(draft: Draft): CreateInput {
  const derives = numberCarriesBirthDate(draft.documentKind);
  return {
    person: {
      document: { kind: draft.documentKind, number: draft.documentNumber },
      name: draft.name,
      phone: draft.phone,
      ethnicGroup: draft.documentKind === 'resident_id' ? draft.ethnicGroup : null,
      birthDate: derives ? null : draft.birthDate,
      sex: derives || draft.sex === '' ? null : draft.sex,
    },
    programs: orderedPrograms(draft.programs).map((program) => programChoice(program, draft)),
    consents: {
      textVersion: CONSENT_TEXT_VERSION,
      donation_intent: true,
      provincial_sync: draft.optionalConsents.provincial_sync === 'yes',
      follow_up_contact: draft.optionalConsents.follow_up_contact === 'yes',
      memorial_publication: draft.optionalConsents.memorial_publication === 'yes',
    },
    signature: { kind: 'drawn', image: draft.signature ?? '' },
    heardFrom: heardFromInput(draft),
  };
}

function heardFromInput(draft: Draft): CreateInput['heardFrom'] {
  if (draft.heardFrom === '') return null;
  return draft.heardFrom === 'session' ? { kind: 'session', sessionId: draft.heardFromSessionId } : { kind: draft.heardFrom };
}

/** What every step with fields receives from the flow. */
export interface StepProps {
  draft: Draft;
  update: (patch: Partial<Draft>) => void;
  /** The refusal shown by the field with this key (see `issues.ts`). */
  issueFor: (key: string) => FieldIssue | undefined;
}
