import type { TFunction } from 'i18next';
import {
  checkDocument,
  detectDocumentKind,
  normalizeDocumentNumber,
  type DocumentKind,
} from '../../shared/validation/identity-document';

/** A validation reason (`id_check_character`, `required`, …) as the sentence the screens show for it, with the values it names. */
export function reasonMessage(t: TFunction, reason: string, params?: Record<string, string | number>): string {
  return t(`validation:${reason}`, params);
}

/** One line of `validate-id`'s output: what the number is, or why it is refused. */
export interface IdReport {
  input: string;
  valid: boolean;
  kind: DocumentKind | null;
  normalized: string;
  birthDate: string | null;
  sex: 'male' | 'female' | null;
  error: { code: string; message: string } | null;
}

/** Checks one value as the given kind, or as the kind its shape suggests; never throws. */
export function reportDocument(input: string, t: TFunction, kind?: DocumentKind, today?: Date): IdReport {
  const chosen = kind ?? detectDocumentKind(input);
  const normalized = normalizeDocumentNumber(input);
  const refused = (code: string, message: string): IdReport => ({
    input,
    valid: false,
    kind: chosen,
    normalized,
    birthDate: null,
    sex: null,
    error: { code, message },
  });
  if (chosen === null) return refused('id_kind', t('cli:unknownDocumentKind'));
  const check = checkDocument(chosen, input, { today });
  if (!check.ok) return refused(check.reason, reasonMessage(t, check.reason));
  return {
    input,
    valid: true,
    kind: check.kind,
    normalized: check.normalized,
    birthDate: check.birthDate ?? null,
    sex: check.sex ?? null,
    error: null,
  };
}
