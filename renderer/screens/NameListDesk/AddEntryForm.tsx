import { useCallback, useState } from 'react';
import { useT } from '../../i18n/index';
import type { CallInput } from '../../../shared/contract/calls';
import type { FieldIssue } from '../../../shared/contract/errors';
import { stationDate } from '../../../shared/domain/age';
import { MEMORIAL_CONSENT_TEXT_VERSION, memorialDonationKinds, type ConsentingRelation, type MemorialDonationKind } from '../../../shared/domain/memorial-names';
import { ApiError, call, checkInput } from '../../api/client';
import { Field } from '../../components/Field';
import { typedWholeNumber } from '../../hooks/useFormText';
import { useSubmit } from '../../hooks/useSubmit';
import { ActionForm } from '../../components/ActionForm';
import type { NameListEntryStart } from '../../navigation';
import { ConsentFields, type ConsentDraft } from './ConsentFields';
import type { MemorialEntryView } from './types';

/** A donor's entry begun elsewhere (the family's page): linked to the donor, with what is known of it. */
export interface AddEntryStart {
  personId: string;
  entry: NameListEntryStart | null;
}

interface AddEntryFormProps {
  onDone: (entry: MemorialEntryView) => void;
  onCancel: () => void;
  /** Absent when staff open an empty form at the desk. */
  start?: AddEntryStart;
}

function firstConsent(today: string, start: NameListEntryStart | null): ConsentDraft {
  return {
    read: false,
    relativeName: start?.relativeName ?? '',
    relation: start?.relation ?? '',
    relativeDocument: { kind: 'resident_id', number: '' },
    signatureKind: 'drawn',
    signature: null,
    givenOn: today,
  };
}

/** A new name on the list, saved only together with the family's consent. */
export function AddEntryForm({ onDone, onCancel, start }: AddEntryFormProps) {
  const { t } = useT();
  const today = stationDate(new Date());
  const [publishedName, setPublishedName] = useState('');
  // No default kind or relation: a saved default would put a wrong fact on the public list unnoticed.
  // A kind known from the donor's registration is not a default: it is the donor's own fact.
  const [donationKind, setDonationKind] = useState<MemorialDonationKind | ''>(start?.entry?.donationKind ?? '');
  const [engravingYear, setEngravingYear] = useState(today.slice(0, 4));
  const [wallLocation, setWallLocation] = useState('');
  const [personId, setPersonId] = useState(start?.personId ?? '');
  const [consent, setConsent] = useState<ConsentDraft>(() => firstConsent(today, start?.entry ?? null));
  // Offered once the station found the same name at the same place: staff confirm a true namesake.
  const [confirmDuplicate, setConfirmDuplicate] = useState(false);

  const add = useCallback(async () => {
    const signature: CallInput<'nameList:add'>['consent']['signature'] =
      consent.signatureKind === 'drawn' && consent.signature !== null ? { kind: 'drawn', image: consent.signature } : { kind: 'paper' };
    const input: CallInput<'nameList:add'> = {
      publishedName,
      donationKind: donationKind as MemorialDonationKind,
      engravingYear: typedWholeNumber(engravingYear),
      wallLocation,
      personId: personId.trim() === '' ? null : personId.trim(),
      consent: {
        relativeName: consent.relativeName,
        relation: consent.relation as ConsentingRelation,
        relativeDocument: consent.relativeDocument,
        signature,
        givenOn: consent.givenOn,
        textVersion: MEMORIAL_CONSENT_TEXT_VERSION,
      },
      confirmDuplicate,
    };
    // What only the screen knows is checked here: that the family read the text, and that they signed on it.
    // Said together with the fields' own refusals, so that one press names everything still missing.
    const screenIssues: FieldIssue[] = [];
    if (!consent.read) screenIssues.push({ path: 'consent', reason: 'memorial_consent_required' });
    if (consent.signatureKind === 'drawn' && consent.signature === null) screenIssues.push({ path: 'consent.signature', reason: 'signature_required' });
    if (screenIssues.length > 0) throw new ApiError('validation_failed', [...screenIssues, ...checkInput('nameList:add', input)]);
    return call('nameList:add', input);
  }, [publishedName, donationKind, engravingYear, wallLocation, personId, consent, confirmDuplicate]);
  const form = useSubmit(add, onDone);
  const [duplicateFound, setDuplicateFound] = useState(false);
  if (form.errorCode === 'memorial_entry_duplicate' && !duplicateFound) setDuplicateFound(true);

  return (
    <ActionForm
      id="name-entry"
      title={t('nameListDesk:add.title')}
      intro={t(start ? 'nameListDesk:add.introFromFamily' : 'nameListDesk:add.intro')}
      onSubmit={form.onSubmit}
      busy={form.busy}
      errorCode={form.errorCode}
      submitLabel={t('nameListDesk:add.submit')}
      onCancel={onCancel}
      headingLevel={2}
    >
      <Field id="entry-name" label={t('nameListDesk:add.publishedName')} hint={t('nameListDesk:add.publishedNameHint')} issue={form.issueFor('publishedName')}>
        <input id="entry-name" value={publishedName} onChange={(e) => setPublishedName(e.target.value)} autoComplete="off" />
      </Field>
      <Field id="entry-kind" label={t('nameListDesk:add.donationKind')} issue={form.issueFor('donationKind')}>
        <select id="entry-kind" value={donationKind} onChange={(e) => setDonationKind(e.target.value as MemorialDonationKind | '')} required>
          <option value="">{t('common:choose')}</option>
          {memorialDonationKinds.map((kind) => (
            <option key={kind} value={kind}>
              {t(`nameList:donationKind.${kind}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field id="entry-year" label={t('nameListDesk:add.engravingYear')} issue={form.issueFor('engravingYear')}>
        <input id="entry-year" inputMode="numeric" value={engravingYear} onChange={(e) => setEngravingYear(e.target.value)} autoComplete="off" />
      </Field>
      <Field id="entry-location" label={t('nameListDesk:add.wallLocation')} hint={t('nameListDesk:add.wallLocationHint')} issue={form.issueFor('wallLocation')}>
        <input id="entry-location" value={wallLocation} onChange={(e) => setWallLocation(e.target.value)} autoComplete="off" />
      </Field>
      <Field id="entry-person" label={t('nameListDesk:add.personId')} hint={t('nameListDesk:add.personIdHint')} issue={form.issueFor('personId')}>
        <input id="entry-person" value={personId} onChange={(e) => setPersonId(e.target.value)} autoComplete="off" spellCheck={false} />
      </Field>
      <ConsentFields value={consent} onChange={setConsent} issueFor={form.issueFor} />
      {duplicateFound ? (
        <label className="choice form-grid__full">
          <input type="checkbox" checked={confirmDuplicate} onChange={(e) => setConfirmDuplicate(e.target.checked)} />
          {t('nameListDesk:add.confirmDuplicate')}
        </label>
      ) : null}
    </ActionForm>
  );
}
