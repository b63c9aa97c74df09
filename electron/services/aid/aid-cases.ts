import { randomUUID } from 'node:crypto';
import type { CallOutput, ParsedInput } from '../../../shared/contract/calls';
import type { FieldIssue } from '../../../shared/contract/errors';
import { stationDate } from '../../../shared/domain/age';
import {
  aidCauseKey,
  aidProgrammes,
  aidStepFromStates,
  aidStepRoles,
  aidSteps,
  nextAidStep,
  noticeLengthDays,
  yearOfCause,
  type AidStep,
} from '../../../shared/domain/aid';
import type { AuditAction } from '../../../shared/domain/audit';
import {
  findAidCase,
  findAidFamilies,
  findAidFamily,
  findAidMembers,
  findStandingCaseForCause,
  insertAidCase,
  insertAidStep,
  listAidCases,
  openCasesPerState,
  paidPerProgramme,
  updateAidCase,
  type AidCaseChange,
  type AidCaseRow,
  type AidCaseWithSteps,
  type AidStepRow,
} from '../../db/repositories/aid-cases';
import type { Executor } from '../../db/repositories/executor';
import { listStaff } from '../../db/repositories/staff';
import type { Actor } from '../kernel/audit';
import { writeAs, type StationContext } from '../kernel/context';
import { AppError } from '../kernel/errors';
import { queueForSync } from '../kernel/outbox';
import { assertEnoughInk } from '../kernel/signature-ink';
import { aidCaseSyncPayload, aidCaseViews, memberIdsOf, type AidCaseView } from './aid-case-views';

/** The audit action each step is recorded under; the application creates the case. */
const stepActions: { readonly [S in AidStep]: AuditAction } = {
  application: 'create',
  review: 'aid_review',
  proposal: 'aid_proposal',
  decision: 'aid_decision',
  notice: 'aid_notice',
  objection: 'aid_objection',
  payment: 'aid_payment',
};

/** What a step does to its case: the change of the case and the step row's own fields. */
interface StepOutcome {
  change: AidCaseChange;
  step: Pick<AidStepRow, 'outcome' | 'amount_fen' | 'note'>;
}

/** SQLite's words when the once-per-cause index refuses a second case. */
const ONCE_PER_CAUSE_VIOLATION = /UNIQUE constraint failed: aid_case\.family_id, aid_case\.cause_key/;

/**
 * Aid cases and their approval chain: application → review → proposal → decision → public notice →
 * payment, each step by its roles, only in order, never two in a row by the same person, recorded as an
 * appended step with its audit entry and a new version for the province in one transaction. Aid is once
 * per cause: a family's second open or granted case for the same cause is refused.
 */
export class AidCaseService {
  constructor(private readonly ctx: StationContext) {}

  /** Opens a case: the application, its first step. */
  async apply(input: ParsedInput<'aid:apply'>, actor: Actor): Promise<AidCaseView> {
    assertRole('application', actor);
    const today = stationDate(this.ctx.clock.now());
    const causeYear = yearOfCause(input.cause);
    // A cause may lie at most a year ahead (a study grant for next autumn's admission); the schema holds the lower end.
    if (causeYear !== null && causeYear.year > Number(today.slice(0, 4)) + 1) {
      throw new AppError('validation_failed', 'invalid input', [{ path: `cause.${causeYear.field}`, reason: 'aid_year_range' }]);
    }
    const causeKey = aidCauseKey(input.cause);
    try {
      return await writeAs(this.ctx, async (trx, { station, at }) => {
        const family = await findAidFamily(trx, input.familyId);
        if (!family) throw new AppError('not_found');
        const members = await findAidMembers(trx, [input.applicantMemberId, ...(input.cause.programme === 'study_grant' ? [input.cause.studentMemberId] : [])]);
        const issues: FieldIssue[] = [];
        if (members.get(input.applicantMemberId)?.familyId !== family.id) issues.push({ path: 'applicantMemberId', reason: 'aid_member_unknown' });
        if (input.cause.programme === 'study_grant' && members.get(input.cause.studentMemberId)?.familyId !== family.id) {
          issues.push({ path: 'cause.studentMemberId', reason: 'aid_member_unknown' });
        }
        if (issues.length > 0) throw new AppError('validation_failed', 'invalid input', issues);
        const earlier = await findStandingCaseForCause(trx, family.id, causeKey);
        if (earlier) throw causeTaken(earlier);
        const row: AidCaseRow = {
          id: randomUUID(),
          station_code: station.code,
          family_id: family.id,
          programme: input.cause.programme,
          cause: JSON.stringify(input.cause),
          cause_key: causeKey,
          state: 'applied',
          version: 1,
          applicant_member_id: input.applicantMemberId,
          reason: this.ctx.protection.seal(input.reason, 'aid_case.reason'),
          documents_seen: JSON.stringify(input.documentsSeen),
          amount_asked_fen: input.amountAskedFen,
          amount_proposed_fen: null,
          amount_granted_fen: null,
          notice_from: null,
          notice_to: null,
          paid_on: null,
          payment_method: null,
          recipient_member_id: null,
          recipient_signature: null,
          opened_at: at,
          opened_by: actor.id,
        };
        await insertAidCase(trx, row);
        const step = await this.appendStep(trx, row.id, 1, 'application', actor, at, { outcome: 'recorded', amount_fen: row.amount_asked_fen, note: null });
        return this.record(trx, { case: row, steps: [step] }, 'application', actor, station.code, at);
      });
    } catch (error) {
      // Two applications at once: the database's index refuses the second; name the case that won.
      if (error instanceof Error && ONCE_PER_CAUSE_VIOLATION.test(error.message)) {
        const earlier = await findStandingCaseForCause(this.ctx.db, input.familyId, causeKey);
        if (earlier) throw causeTaken(earlier);
      }
      throw error;
    }
  }

  /** The review: approved, the case waits for a proposal; rejected, it is closed. */
  review(input: ParsedInput<'aid:review'>, actor: Actor): Promise<AidCaseView> {
    return this.takeStep(input.caseId, 'review', actor, (current) => {
      const approved = input.outcome === 'approve';
      return {
        change: { state: approved ? 'reviewed' : 'rejected', version: current.version + 1 },
        step: { outcome: approved ? 'approved' : 'rejected', amount_fen: null, note: this.sealNote(input.note) },
      };
    });
  }

  /** The proposal: the amount put to the decision. */
  propose(input: ParsedInput<'aid:propose'>, actor: Actor): Promise<AidCaseView> {
    return this.takeStep(input.caseId, 'proposal', actor, (current) => ({
      change: { state: 'proposed', version: current.version + 1, amount_proposed_fen: input.amountProposedFen },
      step: { outcome: 'recorded', amount_fen: input.amountProposedFen, note: this.sealNote(input.note) },
    }));
  }

  /** The decision, by the administrator: the amount granted, or a rejection that closes the case. */
  decide(input: ParsedInput<'aid:decide'>, actor: Actor): Promise<AidCaseView> {
    return this.takeStep(input.caseId, 'decision', actor, (current) =>
      input.outcome === 'grant'
        ? {
            change: { state: 'granted', version: current.version + 1, amount_granted_fen: input.amountGrantedFen },
            step: { outcome: 'approved', amount_fen: input.amountGrantedFen, note: this.sealNote(input.note) },
          }
        : {
            change: { state: 'rejected', version: current.version + 1, amount_granted_fen: null },
            step: { outcome: 'rejected', amount_fen: null, note: this.sealNote(input.note) },
          },
    );
  }

  /** Puts a granted case on public notice for at least the station's minimum of days (both days counted). */
  async postNotice(input: ParsedInput<'aid:postNotice'>, actor: Actor): Promise<AidCaseView> {
    const { minNoticeDays } = await this.ctx.settings.read('aid');
    if (noticeLengthDays(input.from, input.to) < minNoticeDays) {
      throw new AppError('validation_failed', 'invalid input', [{ path: 'to', reason: 'aid_notice_too_short', params: { min: minNoticeDays } }]);
    }
    return this.takeStep(input.caseId, 'notice', actor, (current) => ({
      change: { state: 'on_notice', version: current.version + 1, notice_from: input.from, notice_to: input.to },
      step: { outcome: 'recorded', amount_fen: current.amount_granted_fen, note: null },
    }));
  }

  /** An objection raised during the notice: the notice is taken down and the case goes back to the decision. */
  objection(input: ParsedInput<'aid:objection'>, actor: Actor): Promise<AidCaseView> {
    return this.takeStep(input.caseId, 'objection', actor, (current) => ({
      change: { state: 'proposed', version: current.version + 1, amount_granted_fen: null, notice_from: null, notice_to: null },
      step: { outcome: 'recorded', amount_fen: null, note: this.sealNote(input.note) },
    }));
  }

  /**
   * The payment of the amount granted, once the notice has ended with no objection standing (an objection
   * would have sent the case back): paid on a day after the notice and not in the future, to a member of
   * the family, who signs on the screen.
   */
  async pay(input: ParsedInput<'aid:pay'>, actor: Actor): Promise<AidCaseView> {
    assertEnoughInk(input.signature, 'signature');
    const today = stationDate(this.ctx.clock.now());
    if (input.paidOn > today) throw new AppError('validation_failed', 'invalid input', [{ path: 'paidOn', reason: 'payment_date_future' }]);
    return this.takeStep(input.caseId, 'payment', actor, async (current, trx) => {
      if (current.notice_to === null || today <= current.notice_to || input.paidOn <= current.notice_to) throw new AppError('aid_notice_not_ended');
      const recipient = (await findAidMembers(trx, [input.recipientMemberId])).get(input.recipientMemberId);
      if (recipient?.familyId !== current.family_id) {
        throw new AppError('validation_failed', 'invalid input', [{ path: 'recipientMemberId', reason: 'aid_member_unknown' }]);
      }
      return {
        change: {
          state: 'paid',
          version: current.version + 1,
          paid_on: input.paidOn,
          payment_method: input.method,
          recipient_member_id: input.recipientMemberId,
          recipient_signature: this.ctx.protection.seal(input.signature, 'aid_case.recipient_signature'),
        },
        step: { outcome: 'recorded', amount_fen: current.amount_granted_fen, note: null },
      };
    });
  }

  /** The latest cases by state or family, without the sealed texts. */
  async list(input: ParsedInput<'aid:list'>): Promise<CallOutput<'aid:list'>> {
    const { total, rows } = await listAidCases(this.ctx.db, input);
    return { total, cases: await this.views(this.ctx.db, rows, false) };
  }

  /** One case with its reason and the steps' notes; the view is audited, naming no one. */
  async get(input: ParsedInput<'aid:get'>, actor: Actor): Promise<AidCaseView> {
    const station = await this.ctx.station.require();
    const found = await findAidCase(this.ctx.db, input.caseId);
    if (!found) throw new AppError('not_found');
    const [view] = await this.views(this.ctx.db, [found], true);
    await this.ctx.audit.record({
      actor,
      stationCode: station.code,
      action: 'view',
      objectType: 'aid_case',
      objectId: found.case.id,
      detail: { programme: found.case.programme, state: found.case.state },
    });
    return view!;
  }

  /** A year's aid: paid per programme (by the day paid), and the cases open now by the step they wait for. */
  async figures(input: ParsedInput<'aid:figures'>): Promise<CallOutput<'aid:figures'>> {
    const paid = new Map((await paidPerProgramme(this.ctx.db, input.year)).map((row) => [row.programme, row]));
    const waiting = new Map<AidStep, number>();
    for (const { state, count } of await openCasesPerState(this.ctx.db)) {
      const step = nextAidStep(state);
      if (step !== null) waiting.set(step, (waiting.get(step) ?? 0) + count);
    }
    return {
      year: input.year,
      paid: aidProgrammes.map((programme) => ({ programme, count: paid.get(programme)?.count ?? 0, sumFen: paid.get(programme)?.sumFen ?? 0 })),
      open: aidSteps.filter((step) => step !== 'application' && step !== 'objection').map((step) => ({ step, count: waiting.get(step) ?? 0 })),
    };
  }

  /**
   * Takes one step of a case: by a role allowed to (the dispatcher checked it; checked again here, as the
   * CLI or a test may call directly), from a state the step follows, not by the person who took the step
   * before, and on the version the step was judged on.
   */
  private async takeStep(
    caseId: string,
    step: Exclude<AidStep, 'application'>,
    actor: Actor,
    judge: (current: AidCaseRow, trx: Executor) => StepOutcome | Promise<StepOutcome>,
  ): Promise<AidCaseView> {
    assertRole(step, actor);
    return writeAs(this.ctx, async (trx, { station, at }) => {
      const found = await findAidCase(trx, caseId);
      if (!found) throw new AppError('not_found');
      const current = found.case;
      if (!(aidStepFromStates[step] as readonly string[]).includes(current.state)) throw new AppError('aid_step_out_of_order');
      const last = found.steps[found.steps.length - 1];
      if (last !== undefined && last.taken_by === takerOf(actor)) throw new AppError('aid_four_eyes');
      const outcome = await judge(current, trx);
      if (!(await updateAidCase(trx, current.id, current.version, outcome.change))) throw new AppError('version_conflict');
      const taken = await this.appendStep(trx, current.id, found.steps.length + 1, step, actor, at, outcome.step);
      return this.record(trx, { case: { ...current, ...outcome.change }, steps: [...found.steps, taken] }, step, actor, station.code, at);
    });
  }

  private async appendStep(
    trx: Executor,
    caseId: string,
    seq: number,
    step: AidStep,
    actor: Actor,
    at: string,
    fields: StepOutcome['step'],
  ): Promise<AidStepRow> {
    const row: AidStepRow = { id: randomUUID(), case_id: caseId, seq, step, ...fields, taken_at: at, taken_by: takerOf(actor) };
    await insertAidStep(trx, row);
    return row;
  }

  /** The audit entry (naming no one) and the province's new version of a case after a step, then its view. */
  private async record(trx: Executor, stored: AidCaseWithSteps, step: AidStep, actor: Actor, stationCode: string, at: string): Promise<AidCaseView> {
    const row = stored.case;
    await this.ctx.audit.append(trx, {
      actor,
      stationCode,
      action: stepActions[step],
      objectType: 'aid_case',
      objectId: row.id,
      detail: { programme: row.programme, step, outcome: stored.steps[stored.steps.length - 1]?.outcome, state: row.state },
    });
    const family = await findAidFamily(trx, row.family_id);
    if (!family) throw new Error(`aid case ${row.id} belongs to family ${row.family_id}, which is not on file`);
    const recipient = row.recipient_member_id === null ? undefined : (await findAidMembers(trx, [row.recipient_member_id])).get(row.recipient_member_id);
    await queueForSync(trx, this.ctx.protection, {
      kind: 'aid_case',
      entityId: row.id,
      version: row.version,
      payload: aidCaseSyncPayload(row.station_code, family.registrationId, recipient?.relationCode ?? null, stored),
      createdAt: at,
      recordCreatedAt: row.opened_at,
    });
    const [view] = await this.views(trx, [stored], true);
    return view!;
  }

  private async views(db: Executor, cases: readonly AidCaseWithSteps[], withSealedTexts: boolean): Promise<AidCaseView[]> {
    if (cases.length === 0) return [];
    const families = await findAidFamilies(
      db,
      cases.map((found) => found.case.family_id),
    );
    const members = await findAidMembers(
      db,
      cases.flatMap((found) => memberIdsOf(found.case)),
    );
    const staffNames = new Map((await listStaff(db)).map((staff) => [staff.id, staff.display_name]));
    return aidCaseViews(this.ctx.protection, { families, members, staffNames }, cases, withSealedTexts);
  }

  private sealNote(note: string | null): string | null {
    return note === null ? null : this.ctx.protection.seal(note, 'aid_step.note');
  }
}

/** Who a step is recorded as taken by: the staff member's id (the command line has none, so its role). */
function takerOf(actor: Actor): string {
  return actor.id ?? actor.role;
}

function assertRole(step: AidStep, actor: Actor): void {
  if (!(aidStepRoles[step] as readonly string[]).includes(actor.role)) throw new AppError('forbidden');
}

/** The refusal of a second case for a cause, naming the case that stands. */
function causeTaken(earlier: AidCaseRow): AppError {
  return new AppError('aid_cause_taken', 'aid is given once per cause', [
    { path: 'cause', reason: 'aid_cause_taken', params: { caseId: earlier.id, state: earlier.state, openedOn: stationDate(new Date(earlier.opened_at)) } },
  ]);
}
