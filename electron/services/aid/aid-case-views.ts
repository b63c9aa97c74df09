import type { CallOutput } from '../../../shared/contract/calls';
import { nextAidStep, type AidCause, type AidDocumentKind } from '../../../shared/domain/aid';
import { maskName } from '../../../shared/domain/masking';
import type { AidCaseRow, AidCaseWithSteps, AidFamily, AidMember } from '../../db/repositories/aid-cases';
import type { DataProtection } from '../kernel/data-protection';

export type AidCaseView = CallOutput<'aid:get'>;

/** What the views of some cases need besides the cases: their families, the members they name, staff names. */
export interface AidCaseSurroundings {
  families: ReadonlyMap<string, AidFamily>;
  members: ReadonlyMap<string, AidMember>;
  staffNames: ReadonlyMap<string, string>;
}

/** The member ids a case names: the applicant, the recipient and, for a study grant, the student. */
export function memberIdsOf(row: AidCaseRow): string[] {
  const cause = causeOf(row);
  return [row.applicant_member_id, row.recipient_member_id, cause.programme === 'study_grant' ? cause.studentMemberId : null].filter(
    (id): id is string => id !== null,
  );
}

export function causeOf(row: Pick<AidCaseRow, 'cause'>): AidCause {
  return JSON.parse(row.cause) as AidCause;
}

export function documentsSeenOf(row: Pick<AidCaseRow, 'documents_seen'>): AidDocumentKind[] {
  return JSON.parse(row.documents_seen) as AidDocumentKind[];
}

/** A member's name from their sealed details; empty when the details hold none. */
export function memberName(protection: DataProtection, member: Pick<AidMember, 'sealedDetails'>): string {
  const details = JSON.parse(protection.open(member.sealedDetails, 'family_member.details')) as { name?: unknown };
  return typeof details.name === 'string' ? details.name : '';
}

/** The donor's name from their sealed personal fields. */
export function donorName(protection: DataProtection, family: Pick<AidFamily, 'sealedPersonal'>): string {
  const personal = JSON.parse(protection.open(family.sealedPersonal, 'person.personal')) as { name?: unknown };
  return typeof personal.name === 'string' ? personal.name : '';
}

/**
 * Cases as the staff desk shows them: names masked (surname and `*`), staff by display name. The
 * sealed texts — the reason and the steps' notes — are opened only when `withSealedTexts` (the audited
 * view of one case); the signature image never leaves the station, only whether it is on file.
 */
export function aidCaseViews(
  protection: DataProtection,
  surroundings: AidCaseSurroundings,
  cases: readonly AidCaseWithSteps[],
  withSealedTexts: boolean,
): AidCaseView[] {
  const memberView = (id: string | null) => {
    if (id === null) return null;
    const member = surroundings.members.get(id);
    if (!member) throw new Error(`aid case names member ${id}, who is not on file`);
    return { memberId: id, name: maskName(memberName(protection, member)), relationCode: member.relationCode };
  };
  const staffName = (id: string) => surroundings.staffNames.get(id) ?? null;
  return cases.map(({ case: row, steps }) => {
    const family = surroundings.families.get(row.family_id);
    if (!family) throw new Error(`aid case ${row.id} belongs to family ${row.family_id}, which is not on file`);
    return {
      id: row.id,
      familyId: row.family_id,
      registrationId: family.registrationId,
      registrationNumber: family.registrationNumber,
      donorName: maskName(donorName(protection, family)),
      programme: row.programme,
      cause: causeOf(row),
      causeKey: row.cause_key,
      state: row.state,
      nextStep: nextAidStep(row.state),
      applicant: memberView(row.applicant_member_id)!,
      reason: withSealedTexts ? protection.open(row.reason, 'aid_case.reason') : null,
      documentsSeen: documentsSeenOf(row),
      amountAskedFen: row.amount_asked_fen,
      amountProposedFen: row.amount_proposed_fen,
      amountGrantedFen: row.amount_granted_fen,
      noticeFrom: row.notice_from,
      noticeTo: row.notice_to,
      paidOn: row.paid_on,
      paymentMethod: row.payment_method,
      recipient: memberView(row.recipient_member_id),
      recipientSigned: row.recipient_signature !== null,
      openedAt: row.opened_at,
      version: row.version,
      steps: steps.map((step) => ({
        step: step.step,
        outcome: step.outcome,
        at: step.taken_at,
        byId: step.taken_by,
        byName: staffName(step.taken_by),
        amountFen: step.amount_fen,
        note: withSealedTexts ? protection.openOptional(step.note, 'aid_step.note') : null,
      })),
    };
  });
}

/**
 * The case as the province receives it (`aid_case`, docs/sync-protocol.md §5.3): the programme, the cause
 * key, the amounts, the dates and each step with its outcome and the opaque id of the staff member who took
 * it; the donor's registration, which the province knows. No names, phones, reasons, notes or signature:
 * the province approves and records the aid, it does not need to know the family.
 */
export function aidCaseSyncPayload(stationCode: string, registrationId: string, recipientRelation: string | null, { case: row, steps }: AidCaseWithSteps) {
  return {
    id: row.id,
    stationCode,
    familyId: row.family_id,
    registrationId,
    programme: row.programme,
    causeKey: row.cause_key,
    amountAskedFen: row.amount_asked_fen,
    amountGrantedFen: row.amount_granted_fen,
    state: row.state,
    version: row.version,
    steps: steps.map((step) => ({ step: step.step, at: step.taken_at, by: step.taken_by, outcome: step.outcome })),
    noticeFrom: row.notice_from,
    noticeTo: row.notice_to,
    paidOn: row.paid_on,
    paymentMethod: row.payment_method,
    documentsSeen: documentsSeenOf(row),
    recipientRelation,
  };
}
