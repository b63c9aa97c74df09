import { useCallback, useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n/index';
import type { ErrorCode } from '../../../shared/contract/errors';
import type { AidStep } from '../../../shared/domain/aid';
import type { Role } from '../../../shared/domain/roles';
import { asApiError, call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useFormatDate } from '../../hooks/useFormatDate';
import { useMemberName } from './MemberSelect';
import { NextStepPanel } from './NextStepPanel';
import { StepsTable } from './StepsTable';
import type { AidCase, OnStepTaken } from './types';
import { useFamilyFacts, type FamilyMemberLabel } from './useFamilyFacts';
import { useFormatYuan } from './useFormatYuan';

interface CasePageProps {
  caseId: string;
  role: Role;
  onBack: () => void;
  /** Told of every step taken here, so the rest of the screen can read what it changed. */
  onCaseChanged: (step: AidStep) => void;
}

/** One case: whose and what, its steps in order, and the next step for the role at the screen. */
export function CasePage({ caseId, role, onBack, onCaseChanged }: CasePageProps) {
  const { t } = useT();
  const [aidCase, setAidCase] = useState<AidCase | null>(null);
  const [errorCode, setErrorCode] = useState<ErrorCode | null>(null);
  const [taken, setTaken] = useState<AidStep | null>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);
  // Only a study grant names a member the case does not name itself (the student): then the family's page is read.
  const family = useFamilyFacts(aidCase?.cause.programme === 'study_grant' ? aidCase.familyId : null);
  const members = family?.state === 'ready' ? family.family.members : [];

  const load = useCallback(async () => {
    try {
      setAidCase(await call('aid:get', { caseId }));
      setErrorCode(null);
    } catch (error) {
      setErrorCode(asApiError(error).code);
    }
  }, [caseId]);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    if (taken) statusRef.current?.focus();
  }, [taken]);

  const onStepTaken: OnStepTaken = (updated, step) => {
    setAidCase(updated);
    setTaken(step);
    onCaseChanged(step);
    // The audited view brings the notes of the steps, which a step's answer may leave out.
    void load();
  };

  const familyName = aidCase ? t('aidDesk:family.donor', { name: aidCase.donorName, number: aidCase.registrationNumber }) : '';
  return (
    <section className="panel panel--wide" aria-labelledby="aid-case-title" data-testid="aid-case">
      <div className="actions">
        <button type="button" onClick={onBack}>
          {t('aidDesk:case.back')}
        </button>
      </div>
      <ErrorBanner code={errorCode} />
      {aidCase ? (
        <>
          <h2 id="aid-case-title">{t('aidDesk:case.title', { programme: t(`aid:programme.${aidCase.programme}`), family: familyName })}</h2>
          {taken ? (
            <p role="status" className="success" tabIndex={-1} ref={statusRef} data-testid="aid-step-done">
              {t(`aidDesk:done.${taken}`)}
            </p>
          ) : null}
          {family?.state === 'failed' ? <ErrorBanner code={family.code} /> : null}
          <CaseFacts aidCase={aidCase} familyName={familyName} members={members} />
          <StepsTable aidCase={aidCase} />
          <NextStepPanel key={`${aidCase.id}-${aidCase.version}`} aidCase={aidCase} role={role} onDone={onStepTaken} />
        </>
      ) : (
        <h2 id="aid-case-title">{t('aidDesk:list.title')}</h2>
      )}
    </section>
  );
}

interface CaseFactsProps {
  aidCase: AidCase;
  familyName: string;
  members: readonly FamilyMemberLabel[];
}

/** The case's facts: family, programme and cause, state, applicant, reason, papers, amounts, notice and payment. */
function CaseFacts({ aidCase, familyName, members }: CaseFactsProps) {
  const { t } = useT();
  const formatYuan = useFormatYuan();
  const formatDate = useFormatDate();
  const memberName = useMemberName();
  const none = t('aidDesk:case.none');
  const named = (member: { name: string; relationCode: string } | null) => (member ? memberName({ maskedName: member.name, relationCode: member.relationCode }) : none);
  const student = (memberId: string) => {
    const member = members.find((candidate) => candidate.id === memberId);
    return member ? memberName(member) : none;
  };
  const cause = aidCase.cause;
  const causeText =
    cause.programme === 'study_grant'
      ? t('aidDesk:case.causeStudy', { student: student(cause.studentMemberId), year: cause.admissionYear })
      : cause.programme === 'hardship'
        ? t('aidDesk:case.causeHardship', { kind: t(`aid:hardshipCause.${cause.causeKind}`), year: cause.eventYear })
        : cause.programme === 'bo_ai_visit'
          ? t('aidDesk:case.causeVisit', { year: cause.year })
          : t('aidDesk:case.causeOnce');
  return (
    <dl className="facts" data-testid="aid-case-facts">
      <dt>{t('aidDesk:case.number')}</dt>
      <dd className="mono" data-testid="aid-case-id">
        {aidCase.id}
      </dd>
      <dt>{t('aidDesk:case.family')}</dt>
      <dd data-testid="aid-case-family">{familyName}</dd>
      <dt>{t('aidDesk:case.programme')}</dt>
      <dd>{t(`aid:programme.${aidCase.programme}`)}</dd>
      <dt>{t('aidDesk:case.cause')}</dt>
      <dd>{causeText}</dd>
      <dt>{t('aidDesk:case.state')}</dt>
      <dd data-testid="aid-case-state">{t(`aid:state.${aidCase.state}`)}</dd>
      <dt>{t('aidDesk:case.applicant')}</dt>
      <dd data-testid="aid-case-applicant">{named(aidCase.applicant)}</dd>
      <dt>{t('aidDesk:case.reason')}</dt>
      <dd>{aidCase.reason ?? none}</dd>
      <dt>{t('aidDesk:case.documentsSeen')}</dt>
      <dd>{aidCase.documentsSeen.length === 0 ? t('aidDesk:case.noDocuments') : aidCase.documentsSeen.map((kind) => t(`aid:documentKind.${kind}`)).join(t('aidDesk:case.listJoin'))}</dd>
      <dt>{t('aidDesk:case.asked')}</dt>
      <dd>{formatYuan(aidCase.amountAskedFen)}</dd>
      <dt>{t('aidDesk:case.proposed')}</dt>
      <dd>{aidCase.amountProposedFen === null ? none : formatYuan(aidCase.amountProposedFen)}</dd>
      <dt>{t('aidDesk:case.granted')}</dt>
      <dd data-testid="aid-case-granted">{aidCase.amountGrantedFen === null ? none : formatYuan(aidCase.amountGrantedFen)}</dd>
      <dt>{t('aidDesk:case.notice')}</dt>
      <dd>{aidCase.noticeFrom !== null && aidCase.noticeTo !== null ? t('aidDesk:case.noticePeriod', { from: formatDate(aidCase.noticeFrom), to: formatDate(aidCase.noticeTo) }) : none}</dd>
      <dt>{t('aidDesk:case.paid')}</dt>
      <dd data-testid="aid-case-paid">
        {aidCase.paidOn !== null && aidCase.paymentMethod !== null
          ? t('aidDesk:case.paidOn', { date: formatDate(aidCase.paidOn), method: t(`aid:paymentMethod.${aidCase.paymentMethod}`), recipient: named(aidCase.recipient) })
          : none}
      </dd>
      <dt>{t('aidDesk:case.signed')}</dt>
      <dd>{aidCase.recipientSigned ? t('aidDesk:case.signedYes') : t('aidDesk:case.signedNo')}</dd>
    </dl>
  );
}
