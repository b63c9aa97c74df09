import { useT } from '../i18n/index';
import type { FieldIssue } from '../../shared/contract/errors';
import type { DocumentKind } from '../../shared/validation/identity-document';
import { Field } from './Field';
import { DocumentKindSelect } from './PersonFields';

export interface DocumentDraft {
  kind: DocumentKind;
  number: string;
}

interface DocumentFieldsProps {
  idPrefix: string;
  /** Where the document sits in the call's input, e.g. `identity.` or `paperwork.executor.document.`. */
  pathPrefix: string;
  value: DocumentDraft;
  onChange: (value: DocumentDraft) => void;
  issueFor: (path: string) => FieldIssue | undefined;
  numberHint?: string;
}

/** A document's kind and number, as every identity check of these screens takes them. */
export function DocumentFields({ idPrefix, pathPrefix, value, onChange, issueFor, numberHint }: DocumentFieldsProps) {
  const { t } = useT();
  return (
    <>
      <Field id={`${idPrefix}-kind`} label={t('records:document.kind')} issue={issueFor(`${pathPrefix}kind`)}>
        <DocumentKindSelect id={`${idPrefix}-kind`} value={value.kind} onChange={(kind) => onChange({ ...value, kind })} />
      </Field>
      <Field id={`${idPrefix}-number`} label={t('records:document.number')} hint={numberHint} issue={issueFor(`${pathPrefix}number`)}>
        <input
          id={`${idPrefix}-number`}
          value={value.number}
          onChange={(e) => onChange({ ...value, number: e.target.value })}
          autoComplete="off"
          spellCheck={false}
        />
      </Field>
    </>
  );
}
