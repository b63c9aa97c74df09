import { z } from 'zod';
import { CONSENT_TEXT_VERSION, consentPurposes } from '../domain/consents';
import { checkBodyDonationConsent, checkStemCellContacts, closeRelations } from '../domain/eligibility';
import { stemCellStatuses, registrationStates } from '../domain/lifecycle';
import { bloodTypes, normalizeOrganScope, organs, programs } from '../domain/programs';
import { executorKinds, executorNeedsDocument, followUpOutcomes, heardFromKinds, registrationChannels, registrationEvents } from '../domain/registration';
import { isCalendarDate } from '../domain/age';
import { checkEthnicGroup } from './ethnic-group';
import { checkedText, isoTimestamp, optionalCheckedText, personName } from './fields';
import { freeTextCheck } from './free-text';
import { checkDocument, checkDocumentAgreement, checkTypedBirthDate, type DocumentDetails } from './identity-document';
import { documentKind, identityDocument, sex } from './identity-fields';
import { documentStates } from '../domain/documents';
import { serialDocuments } from '../domain/registration-number';
import { defaultLanguage, languages } from '../i18n/languages';
import { checkPersonName } from './person-name';
import { checkPhone } from './phone';

/** A reason, a note or an organisation's name. */
export const shortText = checkedText(freeTextCheck(500));
export const optionalShortText = optionalCheckedText(freeTextCheck(500));

/** Any phone a contact may give: mobile, landline with area code or a foreign number. */
export const anyPhone = checkedText((raw) => {
  const check = checkPhone(raw, { allowLandline: true, allowForeign: true });
  return check.ok ? { ok: true, value: storedPhone(check) } : check;
});

/** A checked phone as it is stored: the number, and its extension after `#`. */
function storedPhone(phone: { value: string; extension?: string }): string {
  return phone.extension === undefined ? phone.value : `${phone.value}#${phone.extension}`;
}

/**
 * The registrant as entered: document, name, phone, ethnic group (resident IDs), and the birth date
 * and sex when the number does not carry them (passports, travel permits). What the number carries
 * must agree with what was typed. The result has the birth date and sex resolved, from the number
 * first. Mainland resident IDs take a mobile or a landline; other documents a foreign number too.
 */
export const personInput = z
  .object(
    {
      document: z.object({ kind: documentKind, number: z.string({ error: 'required' }) }, { error: 'required' }),
      name: z.string({ error: 'required' }),
      phone: z.string({ error: 'required' }),
      ethnicGroup: z.string({ error: 'invalid' }).nullish(),
      birthDate: z.string({ error: 'invalid' }).nullish(),
      sex: sex.nullish(),
    },
    { error: 'required' },
  )
  .transform((input, ctx) => {
    const issue = (path: (string | number)[], reason: string) => ctx.issues.push({ code: 'custom', message: reason, input, path });
    const document = checkDocument(input.document.kind, input.document.number);
    if (!document.ok) issue(['document', 'number'], document.reason);
    const name = checkPersonName(input.name);
    if (!name.ok) issue(['name'], name.reason);
    const phone = checkPhone(input.phone, { allowLandline: true, allowForeign: input.document.kind !== 'resident_id' });
    if (!phone.ok) issue(['phone'], phone.reason);
    const ethnicGroup = checkEthnicGroup(input.ethnicGroup, input.document.kind);
    if (!ethnicGroup.ok) issue(['ethnicGroup'], ethnicGroup.reason);
    if (!document.ok || !name.ok || !phone.ok || !ethnicGroup.ok) return z.NEVER;

    const typedBirthDate = input.birthDate?.trim() ? input.birthDate : null;
    const agreement = checkDocumentAgreement(document, { birthDate: typedBirthDate, sex: input.sex ?? null });
    if (!agreement.ok) {
      issue([agreement.reason === 'id_sex_mismatch' ? 'sex' : 'birthDate'], agreement.reason);
      return z.NEVER;
    }
    let birthDate = document.birthDate;
    if (birthDate === undefined) {
      const typed = typedBirthDate === null ? null : checkTypedBirthDate(typedBirthDate);
      if (typed === null || !typed.ok) {
        issue(['birthDate'], typed === null ? 'required' : typed.reason);
        return z.NEVER;
      }
      birthDate = typed.value;
    }
    const resolvedSex = document.sex ?? input.sex ?? null;
    if (resolvedSex === null) {
      issue(['sex'], 'required');
      return z.NEVER;
    }
    const { ok: _ok, ...details } = document;
    return {
      document: details as DocumentDetails,
      name: name.value,
      phone: storedPhone(phone),
      ethnicGroup: ethnicGroup.value,
      birthDate,
      sex: resolvedSex,
    };
  });

/** Which organs: all, or a chosen subset (normalised: every organ chosen becomes `all`). */
export const organScope = z
  .discriminatedUnion(
    'kind',
    [z.object({ kind: z.literal('all') }), z.object({ kind: z.literal('selected'), organs: z.array(z.enum(organs, { error: 'invalid' })) })],
    { error: 'organ_selection_empty' },
  )
  .transform((scope, ctx) => {
    const check = normalizeOrganScope(scope);
    if (!check.ok) {
      ctx.issues.push({ code: 'custom', message: check.reason, input: scope });
      return z.NEVER;
    }
    return check.value;
  });

/** A body donation's executor (执行人): a person with an identity document, or a unit or community. */
export const executorInput = z
  .object(
    {
      kind: z.enum(executorKinds, { error: 'executor_kind' }),
      name: z.string({ error: 'required' }),
      phone: anyPhone,
      document: z.object({ kind: documentKind, number: z.string({ error: 'required' }) }).nullish(),
    },
    { error: 'required' },
  )
  .transform((input, ctx) => {
    const person = executorNeedsDocument(input.kind);
    const name = person ? checkPersonName(input.name) : freeTextCheck(100)(input.name);
    if (!name.ok) ctx.issues.push({ code: 'custom', message: name.reason, input, path: ['name'] });
    let document: { kind: DocumentDetails['kind']; number: string } | null = null;
    if (input.document && input.document.number.trim() !== '') {
      const check = checkDocument(input.document.kind, input.document.number);
      if (check.ok) document = { kind: check.kind, number: check.normalized };
      else ctx.issues.push({ code: 'custom', message: check.reason, input, path: ['document', 'number'] });
    } else if (person) {
      ctx.issues.push({ code: 'custom', message: 'required', input, path: ['document', 'number'] });
    }
    if (!name.ok || ctx.issues.length > 0) return z.NEVER;
    return { kind: input.kind, name: name.value, phone: input.phone, document };
  });

/** One close relative's recorded opinion. */
export const relativeInput = z.object(
  {
    relation: z.enum(closeRelations, { error: 'relative_relation' }),
    name: personName,
    agrees: z.boolean({ error: 'required' }),
  },
  { error: 'required' },
);

/**
 * The extra paperwork of a body donation: the executor and the close relatives' agreement. Any
 * recorded disagreement refuses it (`relative_disagrees`), as the station must.
 */
export const bodyPaperworkInput = z
  .object(
    {
      executor: executorInput,
      relatives: z.array(relativeInput, { error: 'required' }).max(10, { error: 'invalid' }),
      noCloseRelatives: z.boolean({ error: 'invalid' }).default(false),
    },
    { error: 'required' },
  )
  .superRefine((paperwork, ctx) => {
    const check = checkBodyDonationConsent(paperwork.relatives, { noCloseRelatives: paperwork.noCloseRelatives });
    if (!check.ok) ctx.addIssue({ code: 'custom', message: check.reason, path: ['relatives'] });
  });

/** A stem-cell volunteer's emergency contact: a relative or a friend with a phone. */
export const emergencyContactInput = z.object(
  {
    name: personName,
    relation: z.enum(['relative', 'friend'], { error: 'emergency_contact_relation' }),
    phone: anyPhone,
  },
  { error: 'required' },
);

/** What a person chooses for one program; the program's own extras travel with it. */
export const programChoice = z.discriminatedUnion(
  'program',
  [
    z.object({ program: z.literal('organ'), organs: organScope }),
    z.object({ program: z.literal('cornea') }),
    z.object({ program: z.literal('body'), paperwork: bodyPaperworkInput.nullish().transform((value) => value ?? null) }),
    z.object({
      program: z.literal('stem_cell'),
      healthScreenPassed: z.literal(true, { error: 'stem_cell_health_screen' }),
      bloodType: z.enum(bloodTypes, { error: 'blood_type' }),
      emergencyContacts: z.array(emergencyContactInput, { error: 'emergency_contacts_two' }),
    }),
  ],
  { error: 'invalid' },
);

/** Separate consent per purpose, given against the version of the texts the screen showed. */
export const consentsInput = z.object(
  {
    textVersion: z.literal(CONSENT_TEXT_VERSION, { error: 'consent_text_outdated' }),
    donation_intent: z.literal(true, { error: 'consent_required' }),
    provincial_sync: z.boolean({ error: 'required' }),
    follow_up_contact: z.boolean({ error: 'required' }),
    memorial_publication: z.boolean({ error: 'required' }),
  },
  { error: 'consent_required' },
);

/** A PNG drawn on screen, as a data URL; generous for a signature pad, far below the body limit. */
const MAX_SIGNATURE_LENGTH = 400_000;
const PNG_DATA_URL = /^data:image\/png;base64,iVBORw0KGgo[A-Za-z0-9+/]*={0,2}$/;

/**
 * How the person signed: drawn on the screen (stored as an image with the record), or on the paper
 * form the station keeps (staff only; the kiosk always asks for a drawn signature).
 */
export const signatureInput = z.discriminatedUnion(
  'kind',
  [
    z.object({
      kind: z.literal('drawn'),
      image: z
        .string({ error: 'signature_required' })
        .max(MAX_SIGNATURE_LENGTH, { error: 'signature_invalid' })
        .regex(PNG_DATA_URL, { error: 'signature_invalid' }),
    }),
    z.object({ kind: z.literal('paper') }),
  ],
  { error: 'signature_required' },
);

/**
 * How the person heard of donation, asked once and optional (nothing chosen is null): for a session,
 * which one. Whether that session was held at this station lately is checked by the station.
 */
export const heardFromInput = z
  .discriminatedUnion(
    'kind',
    [
      z.object({
        kind: z.literal('session'),
        sessionId: z.string({ error: 'required' }).min(1, { error: 'required' }).max(64, { error: 'invalid' }),
      }),
      z.object({ kind: z.enum(heardFromKinds, { error: 'invalid' }).exclude(['session'], { error: 'invalid' }) }),
    ],
    { error: 'invalid' },
  )
  .nullish()
  .transform((value) => value ?? null);

/** The cross-field rules of a new registration that need nothing but the input itself. */
function checkChoices(
  choices: z.output<typeof programChoice>[],
  volunteerPhone: string | undefined,
  ctx: z.core.$RefinementCtx,
): void {
  const seen = new Set<string>();
  choices.forEach((choice, index) => {
    if (seen.has(choice.program)) ctx.addIssue({ code: 'custom', message: 'programs_duplicate', path: ['programs', index] });
    seen.add(choice.program);
    if (choice.program === 'stem_cell') {
      const check = checkStemCellContacts(volunteerPhone ?? '', choice.emergencyContacts);
      if (!check.ok) {
        const path = check.index === undefined ? [] : [check.index, 'phone'];
        ctx.addIssue({ code: 'custom', message: check.reason, path: ['programs', index, 'emergencyContacts', ...path] });
      }
    }
  });
}

/** The language the receipt of a change is printed in: the one the person used at the screen. */
const receiptLanguage = z.enum(languages, { error: 'invalid' }).default(defaultLanguage);

/** A new registration: the person, one or more programs, the consents and the signature. */
export const registrationCreateInput = z
  .object({
    person: personInput,
    programs: z
      .array(programChoice, { error: 'programs_required' })
      .min(1, { error: 'programs_required' })
      .max(programs.length, { error: 'programs_duplicate' }),
    consents: consentsInput,
    signature: signatureInput,
    receiptLanguage,
    /** Applies to every program registered by the call. */
    heardFrom: heardFromInput,
  })
  .superRefine((input, ctx) => checkChoices(input.programs, input.person.phone, ctx));

/** A record's id and the version the screen showed, so that two desks cannot overwrite each other. */
const recordRef = {
  registrationId: z.string({ error: 'required' }).min(1, { error: 'required' }).max(64, { error: 'invalid' }),
  expectedVersion: z.number({ error: 'invalid' }).int({ error: 'invalid' }).min(1, { error: 'invalid' }),
};

/** A new version of an active registration: the same program with changed choices. */
export const registrationAmendInput = z.object({
  ...recordRef,
  choice: programChoice,
  reason: optionalShortText,
  /** Whether the notarised statement was seen, where the station requires one for body donations. */
  notarised: z.boolean({ error: 'invalid' }).default(false),
  receiptLanguage,
});

/** Withdrawal needs only the person's identity (checked against the record) and a reason. */
export const registrationWithdrawInput = z.object({
  ...recordRef,
  identity: identityDocument,
  reason: shortText,
  /** Whether the notarised statement was seen, where the station requires one for body donations. */
  notarised: z.boolean({ error: 'invalid' }).default(false),
  receiptLanguage,
});

/**
 * That the donation of an active registration took place, on a calendar date. Whether that date is
 * not after the station's today nor before the registration is checked by the station, which knows both.
 */
export const registrationRealiseInput = z.object({
  ...recordRef,
  donatedOn: z.string({ error: 'donation_date' }).refine(isCalendarDate, { error: 'donation_date' }),
  note: optionalShortText,
});

export const bodyPaperworkRecordInput = z.object({ ...recordRef, paperwork: bodyPaperworkInput });

/** Forward steps only; withdrawal has its own call. */
export const stemCellStatusInput = z.object({
  ...recordRef,
  status: z.enum(['sample_taken', 'typed', 'in_registry'], { error: 'invalid' }),
  sampleBarcode: optionalCheckedText((raw) => {
    const value = raw.normalize('NFKC').trim().toUpperCase();
    return /^[A-Z0-9-]{6,32}$/.test(value) ? { ok: true, value } : { ok: false, reason: 'barcode_format' };
  }),
});

export const followUpInput = z.object({
  registrationId: recordRef.registrationId,
  outcome: z.enum(followUpOutcomes, { error: 'follow_up_outcome' }),
  note: optionalShortText,
});

/** A person's own declaration that they do not consent to donation (不同意捐献). */
export const refusalRecordInput = z.object({ person: personInput, signature: signatureInput, statement: optionalShortText });

export const refusalRevokeInput = z.object({ personId: z.string().min(1).max(64), reason: shortText });

/** New contact details for a person: name and phone; the document never changes. */
export const personAmendInput = z
  .object({
    personId: z.string({ error: 'required' }).min(1).max(64),
    expectedVersion: recordRef.expectedVersion,
    name: personName,
    phone: anyPhone,
    reason: optionalShortText,
  });

/** Staff settle a change held from the kiosk, against the person's version the screen read. */
export const heldChangeInput = z.object({
  personId: z.string({ error: 'required' }).min(1).max(64),
  heldChangeId: z.string({ error: 'required' }).min(1).max(64),
  expectedVersion: recordRef.expectedVersion,
});

export const searchInput = z.object({
  query: z.string({ error: 'required' }).max(100, { error: 'text_too_long' }).refine((value) => value.trim() !== '', { error: 'required' }),
});

export const personRef = z.object({ personId: z.string({ error: 'required' }).min(1).max(64) });

export const revealInput = personRef.extend({ field: z.enum(['name', 'document', 'phone']) });

// ---- What comes back (masked unless revealed) ----

const registrationSummary = z.object({
  id: z.string(),
  number: z.string(),
  program: z.enum(programs),
  state: z.enum(registrationStates),
  version: z.number().int(),
});

export const registrationCreated = z.object({
  personId: z.string(),
  /** Masked as the kiosk shows names. */
  name: z.string(),
  createdAt: isoTimestamp,
  registrations: z.array(registrationSummary),
  /** The receipt issued with each registration, for the kiosk to print at once. */
  receipts: z.array(z.object({ registrationId: z.string(), documentId: z.string(), serial: z.string() })),
});

export const refusalRecorded = z.object({ personId: z.string(), refusalId: z.string(), recordedAt: isoTimestamp });

export const searchResults = z.object({
  /** Which reading of the query found the results. */
  matchedBy: z.enum(['registration_number', 'document', 'name', 'none']),
  results: z.array(
    z.object({
      personId: z.string(),
      name: z.string(),
      documentKind,
      document: z.string(),
      refusal: z.boolean(),
      registrations: z.array(registrationSummary),
    }),
  ),
});

/** Program choices as staff read them; contacts' phones and documents masked. */
export const choiceView = z.discriminatedUnion('program', [
  z.object({ program: z.literal('organ'), organs: z.union([z.object({ kind: z.literal('all') }), z.object({ kind: z.literal('selected'), organs: z.array(z.enum(organs)) })]) }),
  z.object({ program: z.literal('cornea') }),
  z.object({
    program: z.literal('body'),
    paperwork: z
      .object({
        executor: z.object({ kind: z.enum(executorKinds), name: z.string(), phone: z.string(), document: z.string().nullable() }),
        relatives: z.array(z.object({ relation: z.enum(closeRelations), name: z.string(), agrees: z.boolean() })),
        noCloseRelatives: z.boolean(),
      })
      .nullable(),
  }),
  z.object({
    program: z.literal('stem_cell'),
    healthScreenPassed: z.boolean(),
    bloodType: z.enum(bloodTypes),
    emergencyContacts: z.array(z.object({ name: z.string(), relation: z.enum(['relative', 'friend']), phone: z.string() })),
  }),
]);

/** The answer to "how did you hear of us", with the session it names (title and date only). */
export const heardFromView = z
  .object({
    kind: z.enum(heardFromKinds),
    session: z.object({ id: z.string(), title: z.string(), date: z.string() }).nullable(),
  })
  .nullable();

export const personRecord = z.object({
  id: z.string(),
  version: z.number().int(),
  name: z.string(),
  documentKind,
  document: z.string(),
  phone: z.string(),
  birthDate: z.string(),
  sex: z.enum(['male', 'female']),
  ethnicGroup: z.string().nullable(),
  createdAt: isoTimestamp,
  consents: z.array(z.object({ purpose: z.enum(consentPurposes), granted: z.boolean(), textVersion: z.string(), at: isoTimestamp })),
  signatures: z.array(z.object({ id: z.string(), kind: z.enum(['drawn', 'paper']), at: isoTimestamp })),
  refusal: z.object({ id: z.string(), recordedAt: isoTimestamp, statement: z.string().nullable() }).nullable(),
  /** A new phone typed at the public kiosk, held (masked here) until staff confirm or discard it. */
  heldChanges: z.array(z.object({ id: z.string(), heldAt: isoTimestamp, phone: z.string() })),
  history: z.array(z.object({ version: z.number().int(), at: isoTimestamp, actorName: z.string().nullable(), name: z.string(), phone: z.string(), reason: z.string().nullable() })),
  registrations: z.array(
    registrationSummary.extend({
      channel: z.enum(registrationChannels),
      createdAt: isoTimestamp,
      /** The day the donation took place, once the registration is realised. */
      realisedOn: z.string().nullable(),
      heardFrom: heardFromView,
      choice: choiceView,
      stemCell: z
        .object({ status: z.enum(stemCellStatuses), sampleBarcode: z.string().nullable(), coolingOffUntil: z.string(), typingStopped: z.boolean() })
        .nullable(),
      history: z.array(
        z.object({
          version: z.number().int(),
          event: z.enum(registrationEvents),
          at: isoTimestamp,
          actorName: z.string().nullable(),
          state: z.enum(registrationStates),
          choice: choiceView,
          note: z.string().nullable(),
        }),
      ),
      followUps: z.array(z.object({ at: isoTimestamp, actorName: z.string().nullable(), outcome: z.enum(followUpOutcomes), note: z.string().nullable() })),
    }),
  ),
  /** The person's documents with serial numbers, newest first (receipts of every change among them). */
  documents: z.array(
    z.object({
      id: z.string(),
      serial: z.string(),
      kind: z.enum(serialDocuments),
      state: z.enum(documentStates),
      /** The registration a receipt or certificate attests; null for the person's own documents. */
      registrationId: z.string().nullable(),
      issuedAt: isoTimestamp,
    }),
  ),
});

export const revealed = z.object({ personId: z.string(), field: z.enum(['name', 'document', 'phone']), value: z.string() });

export const signatureImage = z.object({ id: z.string(), image: z.string().nullable() });

export const registrationOptions = z.object({
  consentTextVersion: z.string(),
  kioskIdleSeconds: z.number().int(),
  countdownSeconds: z.number().int(),
  stemCellMinAge: z.number().int(),
  stemCellMaxAge: z.number().int(),
  coolingOffDays: z.number().int(),
  bodyChangeNeedsNotarisation: z.boolean(),
  /** A receipt printer is configured: the desktop kiosk prints the receipt without asking. */
  silentReceipts: z.boolean(),
  /** The station's sessions a registrant may say they heard of donation at, latest first: public facts only. */
  recentSessions: z.array(z.object({ id: z.string(), title: z.string(), date: z.string() })),
});
