import { z } from 'zod';
import { checkEthnicGroup, checkEthnicGroupCode } from './ethnic-group';
import {
  checkDocument,
  checkDocumentAgreement,
  documentKinds,
  type DocumentDetails,
} from './identity-document';
import { checkedText, optionalCheckedText } from './fields';
import { checkPhone, type PhoneOptions } from './phone';

/** A document kind chosen from the list. */
export const documentKind = z.enum(documentKinds, { error: 'id_kind' });

/** The chosen sex, where it is typed or read from a card. */
export const sex = z.enum(['male', 'female'], { error: 'required' });

/**
 * A document kind and number, checked together. The result is what the number says about its holder
 * (normalised number, birth date, sex, …); a rejected number is reported on `number` with its reason.
 */
export const identityDocument = z
  .object({ kind: documentKind, number: z.string({ error: 'required' }) }, { error: 'required' })
  .transform((input, ctx): DocumentDetails => {
    const check = checkDocument(input.kind, input.number);
    if (!check.ok) {
      ctx.issues.push({ code: 'custom', message: check.reason, input: input.number, path: ['number'] });
      return z.NEVER;
    }
    const { ok: _ok, ...details } = check;
    return details;
  });

/**
 * A person's identity as entered on a form: document, ethnic group (required for resident IDs, empty
 * for foreigners' cards) and, when typed or read from the card, birth date and sex, which must agree
 * with the number. Each rejection is reported on its own field.
 */
export const personIdentity = z
  .object(
    {
      kind: documentKind,
      number: z.string({ error: 'required' }),
      ethnicGroup: z.string({ error: 'invalid' }).nullish(),
      birthDate: z.string({ error: 'invalid' }).nullish(),
      sex: sex.nullish(),
    },
    { error: 'required' },
  )
  .transform((input, ctx) => {
    const check = checkDocument(input.kind, input.number);
    const ethnicGroup = checkEthnicGroup(input.ethnicGroup, input.kind);
    if (!check.ok) ctx.issues.push({ code: 'custom', message: check.reason, input: input.number, path: ['number'] });
    if (!ethnicGroup.ok) {
      ctx.issues.push({ code: 'custom', message: ethnicGroup.reason, input: input.ethnicGroup, path: ['ethnicGroup'] });
    }
    if (!check.ok || !ethnicGroup.ok) return z.NEVER;
    const agreement = checkDocumentAgreement(check, { birthDate: input.birthDate ?? null, sex: input.sex ?? null });
    if (!agreement.ok) {
      const path = agreement.reason === 'id_sex_mismatch' ? 'sex' : 'birthDate';
      ctx.issues.push({ code: 'custom', message: agreement.reason, input: input[path], path: [path] });
      return z.NEVER;
    }
    const { ok: _ok, ...document } = check;
    return { document, ethnicGroup: ethnicGroup.value };
  });

/** A phone field accepting what `options` allows; the result is the stored form and its kind. */
export function phoneNumber(options: PhoneOptions) {
  return checkedText((raw) => {
    const check = checkPhone(raw, options);
    if (!check.ok) return check;
    const { ok: _ok, ...phone } = check;
    return { ok: true, value: phone };
  });
}

/** A required mainland mobile number, stored as its 11 digits. */
export const mobilePhone = checkedText(checkPhone);

/** An optional mobile number: left out or blank is stored as null. */
export const optionalMobilePhone = optionalCheckedText(checkPhone);

/**
 * An ethnic group code on its own (one of the 56, or blank for none). Whether it is required depends
 * on the document: use {@link personIdentity} for that rule.
 */
export const ethnicGroupCode = z
  .string({ error: 'invalid' })
  .nullish()
  .transform((raw, ctx) => {
    const check = checkEthnicGroupCode(raw);
    if (!check.ok) {
      ctx.issues.push({ code: 'custom', message: check.reason, input: raw });
      return z.NEVER;
    }
    return check.value;
  });
