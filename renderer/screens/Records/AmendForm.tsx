import { useCallback, useState } from 'react';
import { useT } from '../../i18n/index';
import { asLanguage } from '../../../shared/i18n/languages';
import type { CallInput } from '../../../shared/contract/calls';
import type { FieldIssue } from '../../../shared/contract/errors';
import { bloodTypes, organs, type BloodType, type Organ } from '../../../shared/domain/programs';
import { call } from '../../api/client';
import { Field } from '../../components/Field';
import { IssueMessage } from '../../components/IssueMessage';
import { useSubmit } from '../../hooks/useSubmit';
import { ActionForm } from '../../components/ActionForm';
import type { OnUpdated, Registration } from './types';

type Choice = CallInput<'registration:amend'>['choice'];

/** Only organ and stem-cell choices can change: a cornea intent has none, a body donation's extras have their own form. */
export function isAmendable(registration: Registration): boolean {
  return registration.state === 'active' && (registration.program === 'organ' || registration.program === 'stem_cell');
}

interface OrganDraft {
  all: boolean;
  organs: Organ[];
}

interface ContactDraft {
  name: string;
  relation: 'relative' | 'friend';
  phone: string;
}

interface StemCellDraft {
  bloodType: BloodType | '';
  contacts: [ContactDraft, ContactDraft];
}

/** The form starts from the current choice where it can; masked contacts must be typed again in full. */
function initialOrganDraft(registration: Registration): OrganDraft {
  const choice = registration.choice;
  if (choice.program !== 'organ' || choice.organs.kind === 'all') return { all: true, organs: [] };
  return { all: false, organs: [...choice.organs.organs] };
}

function initialStemCellDraft(registration: Registration): StemCellDraft {
  const choice = registration.choice;
  const relation = (index: number) => (choice.program === 'stem_cell' ? choice.emergencyContacts[index]?.relation : undefined) ?? 'relative';
  return {
    bloodType: choice.program === 'stem_cell' ? choice.bloodType : '',
    contacts: [
      { name: '', relation: relation(0), phone: '' },
      { name: '', relation: relation(1), phone: '' },
    ],
  };
}

interface AmendFormProps {
  registration: Registration;
  onUpdated: OnUpdated;
  onCancel: () => void;
}

/** A new version of an active organ or stem-cell registration; the old version stays in the history. */
export function AmendForm({ registration, onUpdated, onCancel }: AmendFormProps) {
  const { t, i18n } = useT();
  const [organDraft, setOrganDraft] = useState(() => initialOrganDraft(registration));
  const [stemCellDraft, setStemCellDraft] = useState(() => initialStemCellDraft(registration));
  const [reason, setReason] = useState('');

  const amend = useCallback(() => {
    const choice: Choice =
      registration.program === 'organ'
        ? { program: 'organ', organs: organDraft.all ? { kind: 'all' } : { kind: 'selected', organs: organDraft.organs } }
        : {
            program: 'stem_cell',
            // The volunteer passed the health screen at sign-up; one who no longer does withdraws instead.
            healthScreenPassed: true,
            bloodType: stemCellDraft.bloodType as BloodType,
            emergencyContacts: stemCellDraft.contacts,
          };
    // The receipt is printed in the language the desk is working in with this person.
    const receiptLanguage = asLanguage(i18n.language);
    return call('registration:amend', { registrationId: registration.id, expectedVersion: registration.version, choice, reason, receiptLanguage });
  }, [registration, organDraft, stemCellDraft, reason, i18n.language]);
  const onDone = useCallback((record: Parameters<OnUpdated>[0]) => onUpdated(record, { action: 'amend', number: registration.number }), [onUpdated, registration.number]);
  const form = useSubmit(amend, onDone);

  return (
    <ActionForm
      id="amend"
      title={t('records:amend.title')}
      intro={t('records:amend.intro')}
      onSubmit={form.onSubmit}
      busy={form.busy}
      errorCode={form.errorCode}
      submitLabel={t('records:amend.submit')}
      onCancel={onCancel}
    >
      {registration.program === 'organ' ? (
        <OrganFields draft={organDraft} onChange={setOrganDraft} issueFor={form.issueFor} />
      ) : (
        <StemCellFields draft={stemCellDraft} onChange={setStemCellDraft} issueFor={form.issueFor} />
      )}
      <Field id="amend-reason" label={t('records:reasonOptional')} issue={form.issueFor('reason')}>
        <input id="amend-reason" value={reason} onChange={(e) => setReason(e.target.value)} autoComplete="off" />
      </Field>
    </ActionForm>
  );
}

interface FieldsProps<T> {
  draft: T;
  onChange: (draft: T) => void;
  issueFor: (path: string) => FieldIssue | undefined;
}

function OrganFields({ draft, onChange, issueFor }: FieldsProps<OrganDraft>) {
  const { t } = useT();
  const toggle = (organ: Organ, checked: boolean) =>
    onChange({ all: false, organs: checked ? [...draft.organs, organ] : draft.organs.filter((chosen) => chosen !== organ) });
  return (
    <fieldset className="field form-grid__full" aria-describedby="amend-organs-error">
      <legend>{t('records:amend.organScope')}</legend>
      <div className="choices">
        <label className="choice">
          <input type="radio" name="amend-scope" checked={draft.all} onChange={() => onChange({ all: true, organs: [] })} />
          {t('registration:organScope.all')}
        </label>
        <label className="choice">
          <input type="radio" name="amend-scope" checked={!draft.all} onChange={() => onChange({ ...draft, all: false })} />
          {t('registration:organScope.selected')}
        </label>
      </div>
      <div className="choices">
        {organs.map((organ) => (
          <label key={organ} className="choice">
            <input
              type="checkbox"
              checked={!draft.all && draft.organs.includes(organ)}
              disabled={draft.all}
              onChange={(e) => toggle(organ, e.target.checked)}
            />
            {t(`registration:organ.${organ}`)}
          </label>
        ))}
      </div>
      <IssueMessage as="p" className="group-issue" id="amend-organs-error" issue={issueFor('choice.organs') ?? issueFor('choice')} />
    </fieldset>
  );
}

function StemCellFields({ draft, onChange, issueFor }: FieldsProps<StemCellDraft>) {
  const { t } = useT();
  const setContact = (index: 0 | 1, contact: ContactDraft) => {
    const contacts: [ContactDraft, ContactDraft] = [...draft.contacts];
    contacts[index] = contact;
    onChange({ ...draft, contacts });
  };
  return (
    <>
      <Field id="amend-blood-type" label={t('records:amend.bloodType')} issue={issueFor('choice.bloodType')}>
        <select id="amend-blood-type" value={draft.bloodType} onChange={(e) => onChange({ ...draft, bloodType: e.target.value as BloodType })}>
          <option value="">{t('common:choose')}</option>
          {bloodTypes.map((bloodType) => (
            <option key={bloodType} value={bloodType}>
              {t(`registration:bloodType.${bloodType}`)}
            </option>
          ))}
        </select>
      </Field>
      {([0, 1] as const).map((index) => (
        <ContactFields key={index} index={index} contact={draft.contacts[index]} onChange={(contact) => setContact(index, contact)} issueFor={issueFor} />
      ))}
      <div className="form-grid__full">
        <p className="field__hint">{t('records:amend.contactsHint')}</p>
        <IssueMessage as="p" className="group-issue" id="amend-contacts-error" issue={issueFor('choice.emergencyContacts')} />
      </div>
    </>
  );
}

interface ContactFieldsProps {
  index: 0 | 1;
  contact: ContactDraft;
  onChange: (contact: ContactDraft) => void;
  issueFor: (path: string) => FieldIssue | undefined;
}

function ContactFields({ index, contact, onChange, issueFor }: ContactFieldsProps) {
  const { t } = useT();
  const id = (field: string) => `amend-contact-${index}-${field}`;
  const path = (field: string) => `choice.emergencyContacts.${index}.${field}`;
  return (
    <fieldset className="form-section">
      <legend>{t('records:amend.contact', { n: index + 1 })}</legend>
      <Field id={id('name')} label={t('records:amend.contactName')} issue={issueFor(path('name'))}>
        <input id={id('name')} value={contact.name} onChange={(e) => onChange({ ...contact, name: e.target.value })} autoComplete="off" />
      </Field>
      <Field id={id('relation')} label={t('records:amend.contactRelation')} issue={issueFor(path('relation'))}>
        <select id={id('relation')} value={contact.relation} onChange={(e) => onChange({ ...contact, relation: e.target.value as ContactDraft['relation'] })}>
          <option value="relative">{t('registration:contactRelation.relative')}</option>
          <option value="friend">{t('registration:contactRelation.friend')}</option>
        </select>
      </Field>
      <Field id={id('phone')} label={t('records:amend.contactPhone')} issue={issueFor(path('phone'))}>
        <input id={id('phone')} type="tel" value={contact.phone} onChange={(e) => onChange({ ...contact, phone: e.target.value })} autoComplete="off" />
      </Field>
    </fieldset>
  );
}
