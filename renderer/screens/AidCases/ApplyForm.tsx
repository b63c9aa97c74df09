import { useCallback, useState } from 'react';
import { useT } from '../../i18n/index';
import type { CallInput } from '../../../shared/contract/calls';
import { stationDate } from '../../../shared/domain/age';
import type { FieldIssue } from '../../../shared/contract/errors';
import {
  aidCaseStates,
  aidDocumentKinds,
  aidProgrammes,
  hardshipCauseKinds,
  type AidCaseState,
  type AidDocumentKind,
  type AidProgramme,
  type HardshipCauseKind,
} from '../../../shared/domain/aid';
import { call } from '../../api/client';
import { ActionForm } from '../../components/ActionForm';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { IssueMessage } from '../../components/IssueMessage';
import { useFormatDate } from '../../hooks/useFormatDate';
import { typedWholeNumber } from '../../hooks/useFormText';
import { useSubmit } from '../../hooks/useSubmit';
import { FamilyPicker } from './FamilyPicker';
import { MemberSelect } from './MemberSelect';
import { yuanTextToFen } from './money';
import type { AidCase } from './types';
import { useFamilyFacts, type FamilyFacts } from './useFamilyFacts';

type AidCause = CallInput<'aid:apply'>['cause'];

/** The cause fields as typed: which of them count depends on the programme. */
interface CauseDraft {
  programme: AidProgramme | '';
  causeKind: HardshipCauseKind | '';
  eventYear: string;
  studentMemberId: string;
  admissionYear: string;
  visitYear: string;
}

/** The cause the call takes, from the fields the chosen programme asks for. */
function causeOf(draft: CauseDraft): AidCause {
  switch (draft.programme) {
    case 'study_grant':
      return { programme: 'study_grant', studentMemberId: draft.studentMemberId, admissionYear: typedWholeNumber(draft.admissionYear) };
    case 'hardship':
      return { programme: 'hardship', causeKind: draft.causeKind as HardshipCauseKind, eventYear: typedWholeNumber(draft.eventYear) };
    case 'bo_ai_visit':
      return { programme: 'bo_ai_visit', year: typedWholeNumber(draft.visitYear) };
    case 'condolence':
    case 'funeral':
      return { programme: draft.programme };
    case '':
      // No programme chosen: the station names the field.
      return { programme: '' } as unknown as AidCause;
  }
}

interface ApplyFormProps {
  /** The family chosen beforehand (the screen opened from the family's page), or null to search for one. */
  familyId: string | null;
  onDone: (created: AidCase) => void;
  onCancel: () => void;
  /** Opens the family's earlier case for the same cause, when the station refuses a second one. */
  onOpenCase: (caseId: string) => void;
}

/** A new aid case: the family, the programme and its cause, the reason, the amount in yuan, the applicant, the papers seen. */
export function ApplyForm({ familyId: initialFamilyId, onDone, onCancel, onOpenCase }: ApplyFormProps) {
  const { t } = useT();
  const [familyId, setFamilyId] = useState<string | null>(initialFamilyId);
  const family = useFamilyFacts(familyId);
  return (
    <section className="panel panel--wide" aria-labelledby="aid-apply-title">
      <h2 id="aid-apply-title">{t('aidDesk:apply.title')}</h2>
      <p className="lead">{t('aidDesk:apply.intro')}</p>
      {familyId === null ? (
        <>
          <FamilyPicker onChoose={setFamilyId} />
          <div className="actions">
            <button type="button" onClick={onCancel}>
              {t('records:cancel')}
            </button>
          </div>
        </>
      ) : null}
      {family?.state === 'loading' ? <p className="loading">{t('aidDesk:apply.loadingFamily')}</p> : null}
      {family?.state === 'failed' ? <ErrorBanner code={family.code} /> : null}
      {family?.state === 'ready' ? <ApplicationFields family={family.family} onChangeFamily={() => setFamilyId(null)} onDone={onDone} onCancel={onCancel} onOpenCase={onOpenCase} /> : null}
    </section>
  );
}

interface ApplicationFieldsProps {
  family: FamilyFacts;
  onChangeFamily: () => void;
  onDone: (created: AidCase) => void;
  onCancel: () => void;
  onOpenCase: (caseId: string) => void;
}

function ApplicationFields({ family, onChangeFamily, onDone, onCancel, onOpenCase }: ApplicationFieldsProps) {
  const { t } = useT();
  const thisYear = stationDate(new Date()).slice(0, 4);
  const [cause, setCause] = useState<CauseDraft>({ programme: '', causeKind: '', eventYear: thisYear, studentMemberId: '', admissionYear: thisYear, visitYear: thisYear });
  const [reason, setReason] = useState('');
  const [amountAsked, setAmountAsked] = useState('');
  const [applicantMemberId, setApplicantMemberId] = useState('');
  const [documentsSeen, setDocumentsSeen] = useState<AidDocumentKind[]>([]);
  const setCauseField = (change: Partial<CauseDraft>) => setCause((current) => ({ ...current, ...change }));

  const apply = useCallback(
    () =>
      call('aid:apply', {
        familyId: family.id,
        applicantMemberId,
        cause: causeOf(cause),
        reason,
        amountAskedFen: yuanTextToFen(amountAsked),
        documentsSeen,
      }),
    [family.id, applicantMemberId, cause, reason, amountAsked, documentsSeen],
  );
  const form = useSubmit(apply, onDone);
  // Aid once per cause: the earlier case is named in words (its state translated) and can be opened.
  const causeIssue = form.issueFor('cause');
  const causeTaken = causeIssue?.reason === 'aid_cause_taken' ? causeIssue : undefined;
  const toggleDocument = (kind: AidDocumentKind, seen: boolean) =>
    setDocumentsSeen((current) => (seen ? [...current, kind] : current.filter((candidate) => candidate !== kind)));

  return (
    <ActionForm
      id="aid-apply"
      title={t('aidDesk:apply.family')}
      onSubmit={form.onSubmit}
      busy={form.busy}
      errorCode={form.errorCode}
      submitLabel={t('aidDesk:apply.submit')}
      onCancel={onCancel}
    >
      <p className="form-grid__full aid-chosen-family" data-testid="aid-apply-family">
        <span>{t('aidDesk:family.donor', { name: family.maskedDonorName, number: family.registrationNumber })}</span>{' '}
        <button type="button" className="small" onClick={onChangeFamily}>
          {t('aidDesk:apply.changeFamily')}
        </button>
      </p>
      <Field id="aid-programme" label={t('aidDesk:apply.programme')} issue={causeTaken ? undefined : (causeIssue ?? form.issueFor('cause.programme'))}>
        <select id="aid-programme" value={cause.programme} onChange={(e) => setCauseField({ programme: e.target.value as AidProgramme | '' })} required>
          <option value="">{t('common:choose')}</option>
          {aidProgrammes.map((programme) => (
            <option key={programme} value={programme}>
              {t(`aid:programme.${programme}`)}
            </option>
          ))}
        </select>
      </Field>
      {cause.programme === 'hardship' ? (
        <>
          <Field id="aid-cause-kind" label={t('aidDesk:apply.causeKind')} issue={form.issueFor('cause.causeKind')}>
            <select id="aid-cause-kind" value={cause.causeKind} onChange={(e) => setCauseField({ causeKind: e.target.value as HardshipCauseKind | '' })} required>
              <option value="">{t('common:choose')}</option>
              {hardshipCauseKinds.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`aid:hardshipCause.${kind}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field id="aid-event-year" label={t('aidDesk:apply.eventYear')} issue={form.issueFor('cause.eventYear')}>
            <input id="aid-event-year" inputMode="numeric" value={cause.eventYear} onChange={(e) => setCauseField({ eventYear: e.target.value })} autoComplete="off" />
          </Field>
        </>
      ) : null}
      {cause.programme === 'study_grant' ? (
        <>
          <MemberSelect
            id="aid-student"
            label={t('aidDesk:apply.student')}
            members={family.members}
            value={cause.studentMemberId}
            onChange={(studentMemberId) => setCauseField({ studentMemberId })}
            issue={form.issueFor('cause.studentMemberId')}
          />
          <Field id="aid-admission-year" label={t('aidDesk:apply.admissionYear')} issue={form.issueFor('cause.admissionYear')}>
            <input id="aid-admission-year" inputMode="numeric" value={cause.admissionYear} onChange={(e) => setCauseField({ admissionYear: e.target.value })} autoComplete="off" />
          </Field>
        </>
      ) : null}
      {cause.programme === 'bo_ai_visit' ? (
        <Field id="aid-visit-year" label={t('aidDesk:apply.visitYear')} issue={form.issueFor('cause.year')}>
          <input id="aid-visit-year" inputMode="numeric" value={cause.visitYear} onChange={(e) => setCauseField({ visitYear: e.target.value })} autoComplete="off" />
        </Field>
      ) : null}
      {causeTaken ? <CauseTaken params={causeTaken.params} onOpenCase={onOpenCase} /> : null}
      <MemberSelect
        id="aid-applicant"
        label={t('aidDesk:apply.applicant')}
        members={family.members}
        value={applicantMemberId}
        onChange={setApplicantMemberId}
        issue={form.issueFor('applicantMemberId')}
      />
      <Field id="aid-amount-asked" label={t('aidDesk:apply.amountAsked')} hint={t('aidDesk:apply.amountHint')} issue={form.issueFor('amountAskedFen')}>
        <input id="aid-amount-asked" inputMode="decimal" value={amountAsked} onChange={(e) => setAmountAsked(e.target.value)} autoComplete="off" />
      </Field>
      <div className="form-grid__full">
        <Field id="aid-reason" label={t('aidDesk:apply.reason')} hint={t('aidDesk:apply.reasonHint')} issue={form.issueFor('reason')}>
          <textarea id="aid-reason" value={reason} onChange={(e) => setReason(e.target.value)} rows={3} />
        </Field>
      </div>
      <fieldset className="field form-grid__full" aria-describedby="aid-documents-hint">
        <legend>{t('aidDesk:apply.documentsSeen')}</legend>
        <small id="aid-documents-hint" className="field__hint">
          {t('aidDesk:apply.documentsHint')}
        </small>
        <div className="choices">
          {aidDocumentKinds.map((kind) => (
            <label key={kind} className="choice">
              <input type="checkbox" checked={documentsSeen.includes(kind)} onChange={(e) => toggleDocument(kind, e.target.checked)} />
              {t(`aid:documentKind.${kind}`)}
            </label>
          ))}
        </div>
        <IssueMessage issue={form.issueFor('documentsSeen')} as="p" />
      </fieldset>
    </ActionForm>
  );
}

/** The station's refusal of a second case for the same cause, naming the earlier case, with the way to open it. */
function CauseTaken({ params, onOpenCase }: { params: FieldIssue['params']; onOpenCase: (caseId: string) => void }) {
  const { t } = useT();
  const formatDate = useFormatDate();
  const caseId = String(params?.caseId ?? '');
  const state = String(params?.state ?? '');
  const openedOn = String(params?.openedOn ?? '');
  const stateText = (aidCaseStates as readonly string[]).includes(state) ? t(`aid:state.${state as AidCaseState}`) : state;
  return (
    <div className="form-grid__full aid-cause-taken" role="alert" data-testid="aid-cause-taken">
      <p className="field__error">{t('aidDesk:apply.causeTaken', { caseId, state: stateText, openedOn: openedOn === '' ? '' : formatDate(openedOn) })}</p>
      {caseId !== '' ? (
        <button type="button" className="small" onClick={() => onOpenCase(caseId)}>
          {t('aidDesk:apply.openEarlier')}
        </button>
      ) : null}
    </div>
  );
}
