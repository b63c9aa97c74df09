import { useT } from '../../i18n/index';
import type { FieldIssue } from '../../../shared/contract/errors';
import { consentingRelations, MEMORIAL_CONSENT_TEXT_VERSION, type ConsentingRelation } from '../../../shared/domain/memorial-names';
import { Field } from '../../components/Field';
import { IssueMessage } from '../../components/IssueMessage';
import { SignaturePad } from '../../components/SignaturePad';
import { DocumentFields, type DocumentDraft } from '../../components/DocumentFields';

export interface ConsentDraft {
  read: boolean;
  relativeName: string;
  /** Empty until staff choose it. */
  relation: ConsentingRelation | '';
  relativeDocument: DocumentDraft;
  signatureKind: 'drawn' | 'paper';
  signature: string | null;
  givenOn: string;
}

interface ConsentFieldsProps {
  value: ConsentDraft;
  onChange: (value: ConsentDraft) => void;
  issueFor: (path: string) => FieldIssue | undefined;
}

/** The family's consent: the text they read, who they are, their document and how they signed. */
export function ConsentFields({ value, onChange, issueFor }: ConsentFieldsProps) {
  const { t } = useT();
  const set = (change: Partial<ConsentDraft>) => onChange({ ...value, ...change });
  const consentIssue = issueFor('consent') ?? issueFor('consent.textVersion');
  const signatureIssue = issueFor('consent.signature') ?? issueFor('consent.signature.image');
  return (
    <fieldset className="form-section form-grid form-grid__full consent-fields">
      <legend>{t('nameListDesk:consent.legend')}</legend>
      <div className="form-grid__full consent-text">
        <p data-testid="consent-text">{t('nameListDesk:consent.text')}</p>
        <small className="field__hint">{t('nameListDesk:consent.version', { version: MEMORIAL_CONSENT_TEXT_VERSION })}</small>
        <label className="choice">
          <input type="checkbox" checked={value.read} onChange={(e) => set({ read: e.target.checked })} />
          {t('nameListDesk:consent.confirm')}
        </label>
        <IssueMessage issue={consentIssue} as="p" />
      </div>
      <Field id="consent-relative-name" label={t('nameListDesk:consent.relativeName')} issue={issueFor('consent.relativeName')}>
        <input id="consent-relative-name" value={value.relativeName} onChange={(e) => set({ relativeName: e.target.value })} autoComplete="off" />
      </Field>
      <Field id="consent-relation" label={t('nameListDesk:consent.relation')} issue={issueFor('consent.relation')}>
        <select id="consent-relation" value={value.relation} onChange={(e) => set({ relation: e.target.value as ConsentingRelation | '' })} required>
          <option value="">{t('common:choose')}</option>
          {consentingRelations.map((relation) => (
            <option key={relation} value={relation}>
              {t(`nameListDesk:relation.${relation}`)}
            </option>
          ))}
        </select>
      </Field>
      <DocumentFields
        idPrefix="consent-document"
        pathPrefix="consent.relativeDocument."
        value={value.relativeDocument}
        onChange={(relativeDocument) => set({ relativeDocument })}
        issueFor={issueFor}
      />
      <Field id="consent-given-on" label={t('nameListDesk:consent.givenOn')} issue={issueFor('consent.givenOn')}>
        <input id="consent-given-on" type="date" value={value.givenOn} onChange={(e) => set({ givenOn: e.target.value })} />
      </Field>
      <fieldset className="field form-grid__full">
        <legend>{t('nameListDesk:consent.signatureKind')}</legend>
        <div className="choices">
          {(['drawn', 'paper'] as const).map((kind) => (
            <label key={kind} className="choice">
              <input type="radio" name="consent-signature-kind" value={kind} checked={value.signatureKind === kind} onChange={() => set({ signatureKind: kind })} />
              {t(kind === 'drawn' ? 'nameListDesk:consent.signatureDrawn' : 'nameListDesk:consent.signaturePaper')}
            </label>
          ))}
        </div>
      </fieldset>
      {value.signatureKind === 'drawn' ? (
        <div className="form-grid__full signature-field">
          <label htmlFor="consent-signature">{t('nameListDesk:consent.signature')}</label>
          <SignaturePad
            id="consent-signature"
            value={value.signature}
            onChange={(signature) => set({ signature })}
            errorId="consent-signature-error"
            invalid={signatureIssue !== undefined}
          />
          <IssueMessage id="consent-signature-error" issue={signatureIssue} as="p" />
        </div>
      ) : null}
    </fieldset>
  );
}
