import type { FieldIssue } from '../../../shared/contract/errors';
import { consentPurposes } from '../../../shared/domain/consents';
import { checkEligibility, checkStemCellContacts } from '../../../shared/domain/eligibility';
import { isProgram, type Program } from '../../../shared/domain/programs';
import { checkEthnicGroup } from '../../../shared/validation/ethnic-group';
import { checkPersonName } from '../../../shared/validation/person-name';
import { checkPhone } from '../../../shared/validation/phone';
import type { ValidationReason } from '../../../shared/validation/reasons';
import { checkDocument, checkTypedBirthDate, numberCarriesBirthDate } from '../../../shared/validation/identity-document';
import { derivedDetails, orderedPrograms, type Draft, type RegistrationOptions, type Step } from './draft';

/**
 * Issues are kept under the key of the field that shows them, which is not always the call's path:
 * `programs.<i>.…` becomes `<program>.…` (the screen knows programs, not their position in the call),
 * and a path no field shows falls back to its step's own key so that it is still said somewhere.
 *
 * - programs step: `programs`
 * - identity: `person.document.kind|number`, `person.name|phone|ethnicGroup|birthDate|sex`, the age
 *   refusals under the program's own key (`organ`, `stem_cell`, …) and `person` for the rest
 * - choices: `organ.organs`, `stem_cell.healthScreenPassed|bloodType|emergencyContacts`,
 *   `stem_cell.emergencyContacts.<n>.name|relation|phone`, and `choices`
 * - consents: `consents.<purpose>` and `consents`; signature: `signature`
 * - heardFrom: `heardFrom.sessionId` and `heardFrom`; review: `review`
 */
export type Issue = FieldIssue;

const personFields = ['name', 'phone', 'ethnicGroup', 'birthDate', 'sex'];
const contactFields = ['name', 'relation', 'phone'];
const ageReasons: readonly ValidationReason[] = ['age_under_18', 'stem_cell_age_range'];

/** The key of the field that shows a refusal the station sent for `path` (see {@link Issue}). */
export function keyOfServerPath(path: string, reason: ValidationReason, sent: readonly Program[]): string {
  const [head, second, ...rest] = path.split('.');
  if (head === 'person') {
    if (second === 'document') return rest[0] === 'kind' ? 'person.document.kind' : 'person.document.number';
    return second !== undefined && personFields.includes(second) ? `person.${second}` : 'person';
  }
  if (head === 'programs') {
    const program = sent[Number(second)];
    if (second === undefined || program === undefined) return 'programs';
    if (rest.length === 0) return ageReasons.includes(reason) ? program : 'programs';
    return choiceKey(program, rest);
  }
  if (head === 'consents') {
    return second !== undefined && (consentPurposes as readonly string[]).includes(second) ? `consents.${second}` : 'consents';
  }
  if (head === 'signature') return 'signature';
  if (head === 'heardFrom') return second === 'sessionId' ? 'heardFrom.sessionId' : 'heardFrom';
  return 'review';
}

function choiceKey(program: Program, rest: string[]): string {
  const [field, index, part] = rest;
  if (program === 'organ' && field === 'organs') return 'organ.organs';
  if (program !== 'stem_cell') return 'choices';
  if (field === 'healthScreenPassed' || field === 'bloodType') return `stem_cell.${field}`;
  if (field !== 'emergencyContacts') return 'choices';
  if ((index === '0' || index === '1') && part !== undefined && contactFields.includes(part)) {
    return `stem_cell.emergencyContacts.${index}.${part}`;
  }
  return 'stem_cell.emergencyContacts';
}

/**
 * The programs an `already_registered` refusal points at (`programs.<i>`): the banner says why, the
 * first step names them so that the person can untick them and register the rest.
 */
export function programsAt(issues: readonly Issue[], sent: readonly Program[]): Program[] {
  return issues.flatMap((issue) => {
    const [head, index, ...rest] = issue.path.split('.');
    const program = head === 'programs' && rest.length === 0 ? sent[Number(index)] : undefined;
    return program === undefined ? [] : [program];
  });
}

/** The step whose screen shows an issue key. */
export function stepOfKey(key: string): Step {
  const [head] = key.split('.');
  if (head === 'programs') return 'programs';
  if (head === 'person' || (isProgram(key))) return 'identity';
  if (head === 'choices' || head === 'organ' || head === 'stem_cell') return 'choices';
  if (head === 'consents') return 'consents';
  if (head === 'signature') return 'signature';
  if (head === 'heardFrom') return 'heardFrom';
  return 'review';
}

// ---- What each step checks on the screen before going on (the station checks it all again) ----

type Collect = (key: string, reason: ValidationReason, params?: Issue['params']) => void;

function collector(): { issues: Issue[]; add: Collect } {
  const issues: Issue[] = [];
  return { issues, add: (path, reason, params) => issues.push({ path, reason, params }) };
}

export function checkProgramsStep(draft: Draft): Issue[] {
  return draft.programs.length === 0 ? [{ path: 'programs', reason: 'programs_required' }] : [];
}

export function checkIdentityStep(draft: Draft, options: RegistrationOptions, today: Date = new Date()): Issue[] {
  const { issues, add } = collector();
  const document = checkDocument(draft.documentKind, draft.documentNumber, { today });
  if (!document.ok) add('person.document.number', document.reason);
  const name = checkPersonName(draft.name);
  if (!name.ok) add('person.name', name.reason);
  const phone = checkPhone(draft.phone, { allowLandline: true, allowForeign: draft.documentKind !== 'resident_id' });
  if (!phone.ok) add('person.phone', phone.reason);
  if (draft.documentKind === 'resident_id') {
    const ethnicGroup = checkEthnicGroup(draft.ethnicGroup, draft.documentKind);
    if (!ethnicGroup.ok) add('person.ethnicGroup', ethnicGroup.reason);
  }
  let birthDate = derivedDetails(draft)?.birthDate ?? null;
  if (!numberCarriesBirthDate(draft.documentKind)) {
    const typed = draft.birthDate.trim() === '' ? null : checkTypedBirthDate(draft.birthDate, { today });
    if (typed === null) add('person.birthDate', 'required');
    else if (!typed.ok) add('person.birthDate', typed.reason);
    else birthDate = typed.value;
    if (draft.sex === '') add('person.sex', 'required');
  }
  // Age is known as soon as the birth date is: say it here rather than after the signature.
  if (birthDate !== null) {
    for (const program of orderedPrograms(draft.programs)) {
      const eligible = checkEligibility(program, { birthDate, registrationDate: today, settings: options });
      if (!eligible.ok) add(program, eligible.reason, eligible.params);
    }
  }
  return issues;
}

export function checkChoicesStep(draft: Draft): Issue[] {
  const { issues, add } = collector();
  if (draft.programs.includes('organ')) {
    if (draft.organScope === '' || (draft.organScope === 'selected' && draft.organs.length === 0)) {
      add('organ.organs', 'organ_selection_empty');
    }
  }
  if (draft.programs.includes('stem_cell')) {
    if (draft.healthScreen !== 'yes') add('stem_cell.healthScreenPassed', draft.healthScreen === 'no' ? 'stem_cell_health_screen' : 'required');
    if (draft.bloodType === '') add('stem_cell.bloodType', 'blood_type');
    draft.contacts.forEach((contact, index) => {
      const name = checkPersonName(contact.name);
      if (!name.ok) add(`stem_cell.emergencyContacts.${index}.name`, name.reason);
      if (contact.relation === '') add(`stem_cell.emergencyContacts.${index}.relation`, 'emergency_contact_relation');
      const phone = checkPhone(contact.phone, { allowLandline: true, allowForeign: true });
      if (!phone.ok) add(`stem_cell.emergencyContacts.${index}.phone`, phone.reason);
    });
    // The rules between the phones only make sense once each phone is valid on its own.
    if (!issues.some((issue) => issue.path.startsWith('stem_cell.emergencyContacts.'))) {
      const pair = checkStemCellContacts(draft.phone, draft.contacts);
      if (!pair.ok) {
        add(pair.index === undefined ? 'stem_cell.emergencyContacts' : `stem_cell.emergencyContacts.${pair.index}.phone`, pair.reason);
      }
    }
  }
  return issues;
}

export function checkConsentsStep(draft: Draft): Issue[] {
  const { issues, add } = collector();
  if (!draft.donationIntent) add('consents.donation_intent', 'consent_required');
  for (const [purpose, answer] of Object.entries(draft.optionalConsents)) {
    if (answer === '') add(`consents.${purpose}`, 'required');
  }
  return issues;
}

export function checkSignatureStep(draft: Draft): Issue[] {
  return draft.signature === null ? [{ path: 'signature', reason: 'signature_required' }] : [];
}

/** The question is optional, but a session answer must name the session. */
export function checkHeardFromStep(draft: Draft): Issue[] {
  return draft.heardFrom === 'session' && draft.heardFromSessionId === '' ? [{ path: 'heardFrom.sessionId', reason: 'required' }] : [];
}

/** The checks of the step being left; steps without fields have none. */
export function checkStep(step: Step, draft: Draft, options: RegistrationOptions): Issue[] {
  switch (step) {
    case 'programs':
      return checkProgramsStep(draft);
    case 'identity':
      return checkIdentityStep(draft, options);
    case 'choices':
      return checkChoicesStep(draft);
    case 'consents':
      return checkConsentsStep(draft);
    case 'signature':
      return checkSignatureStep(draft);
    case 'heardFrom':
      return checkHeardFromStep(draft);
    default:
      return [];
  }
}
