import { useCallback, useState } from 'react';
import { useT } from '../../i18n/index';
import type { CallInput, CallOutput } from '../../../shared/contract/calls';
import type { FieldIssue } from '../../../shared/contract/errors';
import { ethnicGroupRule } from '../../../shared/validation/ethnic-group';
import { call } from '../../api/client';
import { Field } from '../../components/Field';
import { IssueMessage } from '../../components/IssueMessage';
import { EthnicGroupSelect } from '../../components/PersonFields';
import { numberCarriesBirthDate, type Sex } from '../../../shared/validation/identity-document';
import { SignaturePad } from '../../components/SignaturePad';
import { useSubmit } from '../../hooks/useSubmit';
import { ActionForm } from '../../components/ActionForm';
import { DocumentFields, type DocumentDraft } from '../../components/DocumentFields';

interface PersonDraft {
  document: DocumentDraft;
  name: string;
  phone: string;
  ethnicGroup: string;
  birthDate: string;
  sex: Sex | '';
}

const emptyPerson: PersonDraft = {
  document: { kind: 'resident_id', number: '' },
  name: '',
  phone: '',
  ethnicGroup: '',
  birthDate: '',
  sex: '',
};

/** Only what the document calls for goes to the station, so a field hidden after a change of kind is not sent. */
function personInput(draft: PersonDraft): CallInput<'refusal:record'>['person'] {
  const rule = ethnicGroupRule(draft.document.kind);
  const typesBirth = !numberCarriesBirthDate(draft.document.kind);
  return {
    document: draft.document,
    name: draft.name,
    phone: draft.phone,
    ethnicGroup: rule === 'empty' || draft.ethnicGroup === '' ? null : draft.ethnicGroup,
    birthDate: typesBirth && draft.birthDate !== '' ? draft.birthDate : null,
    sex: typesBirth && draft.sex !== '' ? draft.sex : null,
  };
}

interface RefusalFormProps {
  onRecorded: (recorded: CallOutput<'refusal:record'>) => void;
  onCancel: () => void;
}

/**
 * Records a person's refusal of donation (不同意捐献) at the staff desk. Staff usually keep the signed
 * paper form, so a paper signature is the default; a signature drawn on screen is stored instead.
 */
export function RefusalForm({ onRecorded, onCancel }: RefusalFormProps) {
  const { t } = useT();
  const [person, setPerson] = useState<PersonDraft>(emptyPerson);
  const [signatureKind, setSignatureKind] = useState<'paper' | 'drawn'>('paper');
  const [image, setImage] = useState<string | null>(null);
  const [statement, setStatement] = useState('');

  const record = useCallback(
    () =>
      call('refusal:record', {
        person: personInput(person),
        // A missing drawing goes as missing, so the schema names it (`signature_required`) on the pad.
        signature: signatureKind === 'paper' ? { kind: 'paper' } : { kind: 'drawn', image: image as string },
        statement,
      }),
    [person, signatureKind, image, statement],
  );
  const form = useSubmit(record, onRecorded);
  const signatureIssue = form.issueFor('signature.image') ?? form.issueFor('signature');

  return (
    <section className="panel panel--wide" aria-labelledby="refusal-record-title">
      <ActionForm
        id="refusal-record"
        title={t('records:refusal.formTitle')}
        intro={t('records:refusal.formIntro')}
        onSubmit={form.onSubmit}
        busy={form.busy}
        errorCode={form.errorCode}
        submitLabel={t('records:refusal.submit')}
        onCancel={onCancel}
        headingLevel={2}
      >
        <PersonFields draft={person} onChange={setPerson} issueFor={form.issueFor} />
        <fieldset className="field form-grid__full" aria-describedby="refusal-signature-error">
          <legend>{t('records:signature.kind')}</legend>
          <div className="choices">
            <label className="choice">
              <input type="radio" name="refusal-signature" checked={signatureKind === 'paper'} onChange={() => setSignatureKind('paper')} />
              {t('records:signature.paperOption')}
            </label>
            <label className="choice">
              <input type="radio" name="refusal-signature" checked={signatureKind === 'drawn'} onChange={() => setSignatureKind('drawn')} />
              {t('records:signature.drawnOption')}
            </label>
          </div>
          {signatureKind === 'drawn' ? (
            <SignaturePad id="refusal-signature-pad" value={image} onChange={setImage} invalid={signatureIssue !== undefined} errorId="refusal-signature-error" />
          ) : null}
          <IssueMessage as="p" className="group-issue" id="refusal-signature-error" issue={signatureIssue} />
        </fieldset>
        <Field id="refusal-statement" label={t('records:refusal.statement')} hint={t('records:refusal.statementHint')} issue={form.issueFor('statement')}>
          <textarea id="refusal-statement" value={statement} onChange={(e) => setStatement(e.target.value)} rows={3} />
        </Field>
      </ActionForm>
    </section>
  );
}

interface PersonFieldsProps {
  draft: PersonDraft;
  onChange: (draft: PersonDraft) => void;
  issueFor: (path: string) => FieldIssue | undefined;
}

/** The person as the document shows them: the fields follow the document kind. */
function PersonFields({ draft, onChange, issueFor }: PersonFieldsProps) {
  const { t } = useT();
  const rule = ethnicGroupRule(draft.document.kind);
  const typesBirth = !numberCarriesBirthDate(draft.document.kind);
  const set = <K extends keyof PersonDraft>(key: K, value: PersonDraft[K]) => onChange({ ...draft, [key]: value });
  return (
    <>
      <DocumentFields idPrefix="refusal-document" pathPrefix="person.document." value={draft.document} onChange={(document) => set('document', document)} issueFor={issueFor} />
      <Field id="refusal-name" label={t('records:person.name')} issue={issueFor('person.name')}>
        <input id="refusal-name" value={draft.name} onChange={(e) => set('name', e.target.value)} autoComplete="off" />
      </Field>
      <Field id="refusal-phone" label={t('records:person.phone')} issue={issueFor('person.phone')}>
        <input id="refusal-phone" type="tel" value={draft.phone} onChange={(e) => set('phone', e.target.value)} autoComplete="off" />
      </Field>
      {rule === 'empty' ? null : (
        <Field id="refusal-ethnic-group" label={t(rule === 'required' ? 'records:person.ethnicGroup' : 'records:person.ethnicGroupOptional')} issue={issueFor('person.ethnicGroup')}>
          <EthnicGroupSelect id="refusal-ethnic-group" value={draft.ethnicGroup} onChange={(code) => set('ethnicGroup', code)} />
        </Field>
      )}
      {typesBirth ? (
        <>
          <Field id="refusal-birth-date" label={t('records:person.birthDate')} issue={issueFor('person.birthDate')}>
            <input id="refusal-birth-date" type="date" value={draft.birthDate} onChange={(e) => set('birthDate', e.target.value)} />
          </Field>
          <Field id="refusal-sex" label={t('records:person.sex')} issue={issueFor('person.sex')}>
            <select id="refusal-sex" value={draft.sex} onChange={(e) => set('sex', e.target.value as Sex | '')}>
              <option value="">{t('common:choose')}</option>
              <option value="male">{t('registration:sex.male')}</option>
              <option value="female">{t('registration:sex.female')}</option>
            </select>
          </Field>
        </>
      ) : null}
    </>
  );
}
