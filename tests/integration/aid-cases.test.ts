import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { payloadProblem } from '../../electron/sync/payload-check';
import { wirePayload } from '../../electron/sync/record-kinds';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallInput, CallName } from '../../shared/contract/calls';
import type { Language } from '../../shared/i18n/languages';
import { callsOn, signInStaffDesks, type Caller } from '../fixtures/dispatch';
import { sampleRegistration, SAMPLE_SIGNATURE } from '../fixtures/registrations';
import { openStaffDeskStation, staffDeskNames, staffDesks, type StaffDeskStation } from '../fixtures/staff-desks';
import { sampleAdmin, sampleSetup } from '../fixtures/temp-station';

let staffStation: StaffDeskStation;
let station: StaffDeskStation['station'];
const { admin, supervisor, registrar, auditor } = staffDesks;

const APPLICANT = '周建华';
const STUDENT = '周小雨';
const REASON = '家中主要劳动力去世，子女上学困难';

let familyId: string;
let applicantId: string;
let studentId: string;

const { ok, refusal } = callsOn(() => station, () => registrar);

const later = (iso: string) => staffStation.later(iso);

function rows<T>(query: string, ...parameters: unknown[]): T[] {
  return station.connection.sqlite.prepare(query).all(...parameters) as T[];
}

/**
 * A donor family as the family area opens it from a realised donation: the donor registered, the donation
 * recorded, the family row and two members with their details sealed.
 */
async function openFamily(): Promise<void> {
  const created = await ok('registration:create', sampleRegistration(), admin);
  const body = created.registrations[0]!;
  await ok('registration:realise', { registrationId: body.id, expectedVersion: 1, donatedOn: '2026-04-04', note: null }, supervisor);
  familyId = randomUUID();
  const at = staffStation.now().toISOString();
  station.connection.sqlite
    .prepare(
      `insert into donor_family (id, station_code, registration_id, person_id, programme, donated_on, preferred_channel, do_not_contact,
        version, opened_at, opened_by, updated_at) values (?, ?, ?, ?, 'body', '2026-04-04', 'phone', 0, 1, ?, null, ?)`,
    )
    .run(familyId, sampleSetup.code, body.id, created.personId, at, at);
  const member = (name: string, relation: string) => {
    const id = randomUUID();
    const details = station.services.protection.seal(JSON.stringify({ name, phone: '13900002222', address: null }), 'family_member.details');
    station.connection.sqlite
      .prepare(
        `insert into family_member (id, family_id, relation_code, details, is_executor, consented, do_not_contact, version, created_at, updated_at)
          values (?, ?, ?, ?, 0, 1, 0, 1, ?, ?)`,
      )
      .run(id, familyId, relation, details, at, at);
    return id;
  };
  applicantId = member(APPLICANT, '10');
  studentId = member(STUDENT, '30');
}

beforeEach(async () => {
  // 2026-04-04 17:00 in Beijing.
  staffStation = await openStaffDeskStation('2026-04-04T09:00:00.000Z', { withAuditor: true });
  station = staffStation.station;
  await openFamily();
});
afterEach(async () => {
  await station.remove();
});

function application(overrides: Partial<CallInput<'aid:apply'>> = {}): CallInput<'aid:apply'> {
  return {
    familyId,
    applicantMemberId: applicantId,
    cause: { programme: 'hardship', causeKind: 'illness', eventYear: 2026 },
    reason: REASON,
    amountAskedFen: 500_000,
    documentsSeen: ['id_card', 'hardship_certificate', 'id_card'],
    ...overrides,
  };
}

/** Applies (registrar), reviews (administrator), proposes (supervisor) and decides (administrator): a granted case. */
async function grantedCase(overrides: Partial<CallInput<'aid:apply'>> = {}, grantedFen = 300_000) {
  const applied = await ok('aid:apply', application(overrides));
  await ok('aid:review', { caseId: applied.id, outcome: 'approve', note: '材料属实' }, admin);
  await ok('aid:propose', { caseId: applied.id, amountProposedFen: grantedFen, note: '按困难救助标准' }, supervisor);
  return ok('aid:decide', { caseId: applied.id, outcome: 'grant', amountGrantedFen: grantedFen }, admin);
}

/** The text of a PDF as poppler reads it, whitespace removed for Chinese and collapsed for English. */
function pdfText(contentBase64: string, language: Language): string {
  const file = join(station.dataDir, 'notice.pdf');
  writeFileSync(file, Buffer.from(contentBase64, 'base64'));
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  return language === 'en' ? text.replace(/\s+/g, ' ') : text.replace(/\s+/g, '');
}

describe('an aid case', () => {
  it('walks the whole chain to payment, each step recorded, audited and queued for the province', async () => {
    const applied = await ok('aid:apply', application());
    expect(applied).toMatchObject({
      state: 'applied',
      nextStep: 'review',
      programme: 'hardship',
      causeKey: 'hardship:illness:2026',
      donorName: '李*',
      applicant: { memberId: applicantId, name: '周*', relationCode: '10' },
      reason: REASON,
      documentsSeen: ['id_card', 'hardship_certificate'],
      amountAskedFen: 500_000,
      version: 1,
    });
    await ok('aid:review', { caseId: applied.id, outcome: 'approve', note: '材料属实' }, admin);
    await ok('aid:propose', { caseId: applied.id, amountProposedFen: 300_000, note: null }, supervisor);
    const granted = await ok('aid:decide', { caseId: applied.id, outcome: 'grant', amountGrantedFen: 300_000, note: '同意' }, admin);
    expect(granted).toMatchObject({ state: 'granted', nextStep: 'notice', amountProposedFen: 300_000, amountGrantedFen: 300_000 });

    const noticed = await ok('aid:postNotice', { caseId: applied.id, from: '2026-04-05', to: '2026-04-11' }, supervisor);
    expect(noticed).toMatchObject({ state: 'on_notice', noticeFrom: '2026-04-05', noticeTo: '2026-04-11' });
    const payment = { caseId: applied.id, method: 'bank_transfer', paidOn: '2026-04-04', recipientMemberId: applicantId, signature: SAMPLE_SIGNATURE } as const;
    // The notice has not even begun, then it has not ended, then the day paid is within it: no payment yet.
    expect((await refusal('aid:pay', payment)).code).toBe('aid_notice_not_ended');
    await later('2026-04-11T09:00:00.000Z');
    expect((await refusal('aid:pay', { ...payment, paidOn: '2026-04-11' })).code).toBe('aid_notice_not_ended');
    await later('2026-04-12T09:00:00.000Z');
    expect((await refusal('aid:pay', { ...payment, paidOn: '2026-04-11' })).code).toBe('aid_notice_not_ended');
    expect(await refusal('aid:pay', { ...payment, paidOn: '2026-04-13' })).toMatchObject({ code: 'validation_failed', issues: [{ path: 'paidOn', reason: 'payment_date_future' }] });
    const paid = await ok('aid:pay', { ...payment, paidOn: '2026-04-12' });
    expect(paid).toMatchObject({
      state: 'paid',
      nextStep: null,
      paidOn: '2026-04-12',
      paymentMethod: 'bank_transfer',
      recipient: { memberId: applicantId, name: '周*' },
      recipientSigned: true,
      version: 6,
    });
    expect(paid.steps.map((step) => [step.step, step.outcome, step.byName, step.amountFen])).toEqual([
      ['application', 'recorded', staffDeskNames.registrar, 500_000],
      ['review', 'approved', sampleAdmin.displayName, null],
      ['proposal', 'recorded', staffDeskNames.supervisor, 300_000],
      ['decision', 'approved', sampleAdmin.displayName, 300_000],
      ['notice', 'recorded', staffDeskNames.supervisor, 300_000],
      ['payment', 'recorded', staffDeskNames.registrar, 300_000],
    ]);
    // Nothing after the payment: the case is final, in the service and in the database.
    expect((await refusal('aid:objection', { caseId: applied.id, note: '迟到的异议' }, supervisor)).code).toBe('aid_step_out_of_order');
    expect(() => station.connection.sqlite.prepare("update aid_case set state = 'on_notice' where id = ?").run(applied.id)).toThrow(/final/);
    expect(() => station.connection.sqlite.prepare('delete from aid_step where case_id = ?').run(applied.id)).toThrow(/never deleted/);
    expect(() => station.connection.sqlite.prepare('update aid_step set amount_fen = 1 where case_id = ?').run(applied.id)).toThrow(/never changes/);

    const actions = rows<{ action: string }>("select action from audit_log where object_type = 'aid_case' order by seq").map((row) => row.action);
    expect(actions).toEqual(['create', 'aid_review', 'aid_proposal', 'aid_decision', 'aid_notice', 'aid_payment']);
    const details = rows<{ detail: string }>("select detail from audit_log where object_type = 'aid_case'").map((row) => row.detail).join('\n');
    expect(details).not.toContain(APPLICANT);
    expect(details).not.toContain(REASON);
    expect(rows("select version from outbox where kind = 'aid_case' order by seq")).toEqual([1, 2, 3, 4, 5, 6].map((version) => ({ version })));

    expect(await ok('aid:figures', { year: 2026 }, auditor)).toMatchObject({
      year: 2026,
      paid: expect.arrayContaining([
        { programme: 'hardship', count: 1, sumFen: 300_000 },
        { programme: 'condolence', count: 0, sumFen: 0 },
      ]),
    });
    expect(await ok('aid:list', { state: 'paid' })).toMatchObject({ total: 1, cases: [{ id: applied.id, reason: null, steps: expect.any(Array) }] });
    expect((await ok('aid:list', { familyId })).cases[0]!.steps.every((step) => step.note === null)).toBe(true);
  });

  it('carries to the province no name, phone, reason, note or signature', async () => {
    const { id } = await grantedCase();
    await ok('aid:postNotice', { caseId: id, from: '2026-03-20', to: '2026-04-02' }, supervisor);
    await ok('aid:pay', { caseId: id, method: 'cash', paidOn: '2026-04-04', recipientMemberId: studentId, signature: SAMPLE_SIGNATURE });
    const sealed = rows<{ payload: string }>("select p.payload from outbox o join outbox_payload p on p.seq = o.seq where o.kind = 'aid_case' order by o.seq");
    const opened = sealed.map((row) => JSON.parse(station.services.protection.open(row.payload, 'outbox.payload')) as Record<string, unknown>);
    const last = opened[opened.length - 1]!;
    expect(last).toMatchObject({
      id,
      stationCode: sampleSetup.code,
      familyId,
      programme: 'hardship',
      causeKey: 'hardship:illness:2026',
      state: 'paid',
      amountAskedFen: 500_000,
      amountGrantedFen: 300_000,
      noticeFrom: '2026-03-20',
      noticeTo: '2026-04-02',
      paidOn: '2026-04-04',
      paymentMethod: 'cash',
      documentsSeen: ['id_card', 'hardship_certificate'],
      recipientRelation: '30',
    });
    expect(typeof last.registrationId).toBe('string');
    // Every version leaves as queued, and the province's receiver (the hub shares this check) accepts it.
    for (const payload of opened) {
      expect(wirePayload('aid_case', payload)).toEqual(payload);
      expect(payloadProblem('aid_case', payload)).toBeNull();
    }
    expect(payloadProblem('aid_case', { ...last, programme: 'lottery' })).toBe('programme');
    expect(payloadProblem('aid_case', { ...last, amountGrantedFen: 12.5 })).toBe('amountGrantedFen');
    expect((last.steps as unknown[]).length).toBe(6);
    const text = JSON.stringify(opened);
    for (const secret of [APPLICANT, STUDENT, '13900002222', REASON, '材料属实', '按困难救助标准', 'data:image/png', '李𠮷祥']) expect(text).not.toContain(secret);
  });
});

describe('the approval chain', () => {
  /** Every step, the roles allowed to take it, and an input for a case at the step before it. */
  const steps: Array<{ call: CallName; allowed: string[]; input: (caseId: string) => unknown }> = [
    { call: 'aid:review', allowed: ['supervisor', 'admin'], input: (caseId) => ({ caseId, outcome: 'approve', note: '同意' }) },
    { call: 'aid:propose', allowed: ['supervisor', 'admin'], input: (caseId) => ({ caseId, amountProposedFen: 100_000 }) },
    { call: 'aid:decide', allowed: ['admin'], input: (caseId) => ({ caseId, outcome: 'grant', amountGrantedFen: 100_000 }) },
    { call: 'aid:postNotice', allowed: ['supervisor', 'admin'], input: (caseId) => ({ caseId, from: '2026-04-05', to: '2026-04-11' }) },
    { call: 'aid:objection', allowed: ['supervisor', 'admin'], input: (caseId) => ({ caseId, note: '有异议' }) },
    {
      call: 'aid:pay',
      allowed: ['registrar', 'supervisor', 'admin'],
      input: (caseId) => ({ caseId, method: 'cash', paidOn: '2026-04-04', recipientMemberId: applicantId, signature: SAMPLE_SIGNATURE }),
    },
  ];
  const desks: Record<string, Caller> = { registrar, supervisor, admin, auditor };

  it.each(steps)('refuses $call to the roles not allowed to take it', async ({ call, allowed, input }) => {
    const applied = await ok('aid:apply', application());
    for (const [role, desk] of Object.entries(desks)) {
      const result = await station.dispatch(call, input(applied.id), desk);
      if (allowed.includes(role)) expect(result.ok ? 'served' : result.error.code, `${call} as ${role}`).not.toBe('forbidden');
      else expect(result.ok ? 'served' : result.error.code, `${call} as ${role}`).toBe('forbidden');
    }
    expect(await station.dispatch(call, input(applied.id), { sessionKey: 'kiosk' })).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
    expect((await refusal('aid:apply', application(), auditor)).code).toBe('forbidden');
  });

  it.each(steps.slice(1))('refuses $call out of order, on a case that only applied', async ({ call, allowed, input }) => {
    const applied = await ok('aid:apply', application());
    const desk = desks[allowed.includes('supervisor') ? 'supervisor' : 'admin']!;
    expect((await refusal(call, input(applied.id), desk)).code).toBe('aid_step_out_of_order');
  });

  it('refuses every step on a rejected case, a review again included', async () => {
    const applied = await ok('aid:apply', application());
    const rejected = await ok('aid:review', { caseId: applied.id, outcome: 'reject', note: '不符合条件' }, admin);
    expect(rejected).toMatchObject({ state: 'rejected', nextStep: null });
    for (const { call, allowed, input } of steps) {
      expect((await refusal(call, input(applied.id), allowed.includes('supervisor') ? supervisor : admin)).code).toBe('aid_step_out_of_order');
    }
  });

  it('never lets one person take two steps of a case in a row', async () => {
    const applied = await ok('aid:apply', application(), supervisor);
    expect((await refusal('aid:review', { caseId: applied.id, outcome: 'approve', note: '同意' }, supervisor)).code).toBe('aid_four_eyes');
    await ok('aid:review', { caseId: applied.id, outcome: 'approve', note: '同意' }, admin);
    expect((await refusal('aid:propose', { caseId: applied.id, amountProposedFen: 1 }, admin)).code).toBe('aid_four_eyes');
    await ok('aid:propose', { caseId: applied.id, amountProposedFen: 1 }, supervisor);
    await ok('aid:decide', { caseId: applied.id, outcome: 'grant', amountGrantedFen: 1 }, admin);
    // The database holds the rule too.
    expect(() =>
      station.connection.sqlite
        .prepare("insert into aid_step (id, case_id, seq, step, outcome, taken_at, taken_by) values (?, ?, 5, 'notice', 'recorded', ?, (select taken_by from aid_step where case_id = ? and seq = 4))")
        .run(randomUUID(), applied.id, staffStation.now().toISOString(), applied.id),
    ).toThrow(/two steps/);
  });

  it('refuses a public notice shorter than the setting, 7 days by default', async () => {
    const { id } = await grantedCase();
    expect(await refusal('aid:postNotice', { caseId: id, from: '2026-04-05', to: '2026-04-10' }, supervisor)).toMatchObject({
      code: 'validation_failed',
      issues: [{ path: 'to', reason: 'aid_notice_too_short', params: { min: 7 } }],
    });
    expect((await refusal('aid:postNotice', { caseId: id, from: '2026-04-10', to: '2026-04-05' }, supervisor)).code).toBe('validation_failed');
    station.connection.sqlite.prepare("insert into station_setting (key, value, updated_at) values ('aid.minNoticeDays', '3', ?)").run(staffStation.now().toISOString());
    await ok('aid:postNotice', { caseId: id, from: '2026-04-05', to: '2026-04-07' }, supervisor);
  });

  it('sends a case back to the decision when an objection is raised during the notice', async () => {
    const { id } = await grantedCase();
    await ok('aid:postNotice', { caseId: id, from: '2026-04-01', to: '2026-04-07' }, supervisor);
    expect((await ok('aid:notice', {})).entries.map((entry) => entry.caseId)).toEqual([id]);
    const objected = await ok('aid:objection', { caseId: id, note: '邻居反映家庭收入较高' }, admin);
    expect(objected).toMatchObject({ state: 'proposed', nextStep: 'decision', noticeFrom: null, noticeTo: null, amountGrantedFen: null });
    expect(objected.steps.at(-1)).toMatchObject({ step: 'objection', note: '邻居反映家庭收入较高' });
    expect((await ok('aid:notice', {})).entries).toEqual([]);
    await later('2026-04-09T09:00:00.000Z');
    expect((await refusal('aid:pay', { caseId: id, method: 'cash', paidOn: '2026-04-09', recipientMemberId: applicantId, signature: SAMPLE_SIGNATURE })).code).toBe(
      'aid_step_out_of_order',
    );
    // The decision is taken again, by another person than the one who recorded the objection.
    expect((await refusal('aid:decide', { caseId: id, outcome: 'grant', amountGrantedFen: 200_000 }, admin)).code).toBe('aid_four_eyes');
    const changeAdmin = { sessionKey: 'second-admin' };
    await signInStaffDesks(station, admin, [{ role: 'admin', desk: changeAdmin, account: { username: 'second.admin', displayName: '刘二' } }]);
    const decided = await ok('aid:decide', { caseId: id, outcome: 'reject', note: '核实后不予救助' }, changeAdmin);
    expect(decided).toMatchObject({ state: 'rejected' });
    expect(decided.steps.map((step) => step.step)).toEqual(['application', 'review', 'proposal', 'decision', 'notice', 'objection', 'decision']);
  });
});

describe('aid once per cause', () => {
  it('refuses a second open or granted case for the same cause, naming the first', async () => {
    const first = await ok('aid:apply', application({ cause: { programme: 'condolence' } }));
    expect(await refusal('aid:apply', application({ cause: { programme: 'condolence' }, amountAskedFen: 1000 }))).toMatchObject({
      code: 'aid_cause_taken',
      issues: [{ path: 'cause', reason: 'aid_cause_taken', params: { caseId: first.id, state: 'applied', openedOn: '2026-04-04' } }],
    });
    // Another cause of the same family is another case: a study grant per student and year of admission.
    const grant = await ok('aid:apply', application({ cause: { programme: 'study_grant', studentMemberId: studentId, admissionYear: 2026 } }));
    expect(grant.causeKey).toBe(`study_grant:${studentId}:2026`);
    expect((await refusal('aid:apply', application({ cause: { programme: 'study_grant', studentMemberId: studentId, admissionYear: 2026 } }))).code).toBe('aid_cause_taken');
    const grant2027 = await ok('aid:apply', application({ cause: { programme: 'study_grant', studentMemberId: studentId, admissionYear: 2027 } }));
    const disaster = await ok('aid:apply', application({ cause: { programme: 'hardship', causeKind: 'disaster', eventYear: 2026 } }));
    const visit = await ok('aid:apply', application({ cause: { programme: 'bo_ai_visit', year: 2026 } }));
    expect((await refusal('aid:apply', application({ cause: { programme: 'bo_ai_visit', year: 2026 } }))).code).toBe('aid_cause_taken');
    // All were applied for in the same instant: the list shows the newest first, by the order they were applied in.
    const newestFirst = [visit, disaster, grant2027, grant, first].map((applied) => applied.id);
    expect((await ok('aid:list', {})).cases.map((entry) => entry.id)).toEqual(newestFirst);
  });

  it('lets a family apply again once the earlier case was rejected, at the review or the decision', async () => {
    const first = await ok('aid:apply', application({ cause: { programme: 'funeral' } }));
    await ok('aid:review', { caseId: first.id, outcome: 'reject', note: '材料不全' }, admin);
    const second = await ok('aid:apply', application({ cause: { programme: 'funeral' } }));
    await ok('aid:review', { caseId: second.id, outcome: 'approve', note: '补齐材料' }, admin);
    await ok('aid:propose', { caseId: second.id, amountProposedFen: 200_000 }, supervisor);
    await ok('aid:decide', { caseId: second.id, outcome: 'reject', note: '超出标准' }, admin);
    await ok('aid:apply', application({ cause: { programme: 'funeral' } }));
  });

  it('is held by the database too: a second standing case for a cause cannot be inserted', async () => {
    const first = await ok('aid:apply', application({ cause: { programme: 'condolence' } }));
    const copy = station.connection.sqlite.prepare('select * from aid_case where id = ?').get(first.id) as Record<string, unknown>;
    const insert = (state: string) =>
      station.connection.sqlite
        .prepare(`insert into aid_case (${Object.keys(copy).join(', ')}) values (${Object.keys(copy).map(() => '?').join(', ')})`)
        .run(...Object.values({ ...copy, id: randomUUID(), state }));
    expect(() => insert('applied')).toThrow(/UNIQUE constraint failed: aid_case.family_id, aid_case.cause_key/);
    expect(() => insert('rejected')).not.toThrow();
  });

  it('refuses a cause year before 2000 or after next year at the year the desk typed', async () => {
    // Today is 2026-04-04: next year's study grant may be applied for, the year after is too far.
    expect(await ok('aid:apply', application({ cause: { programme: 'study_grant', studentMemberId: studentId, admissionYear: 2027 } }))).toMatchObject({ state: 'applied' });
    expect((await refusal('aid:apply', application({ cause: { programme: 'study_grant', studentMemberId: studentId, admissionYear: 2028 } }))).issues).toEqual([
      { path: 'cause.admissionYear', reason: 'aid_year_range' },
    ]);
    expect((await refusal('aid:apply', application({ cause: { programme: 'hardship', causeKind: 'illness', eventYear: 2030 } }))).issues).toEqual([
      { path: 'cause.eventYear', reason: 'aid_year_range' },
    ]);
    expect((await refusal('aid:apply', application({ cause: { programme: 'bo_ai_visit', year: 1999 } }))).issues).toEqual([{ path: 'cause.year', reason: 'aid_year_range' }]);
  });

  it('asks for the programme and the cause of hardship when the desk left them unchosen', async () => {
    expect((await refusal('aid:apply', { ...application(), cause: { programme: '' } })).issues).toEqual([{ path: 'cause.programme', reason: 'aid_programme' }]);
    expect((await refusal('aid:apply', { ...application(), cause: { programme: 'hardship', causeKind: '', eventYear: 2026 } })).issues).toEqual([
      { path: 'cause.causeKind', reason: 'aid_cause_kind' },
    ]);
  });

  it('refuses a member of another family or none, and a family not on file', async () => {
    expect(await refusal('aid:apply', application({ applicantMemberId: 'someone-else' }))).toMatchObject({
      code: 'validation_failed',
      issues: [{ path: 'applicantMemberId', reason: 'aid_member_unknown' }],
    });
    expect((await refusal('aid:apply', application({ familyId: 'no-such-family' }))).code).toBe('not_found');
    expect((await refusal('aid:apply', application({ amountAskedFen: 0 }))).issues).toEqual([{ path: 'amountAskedFen', reason: 'aid_amount_range' }]);
  });
});

describe('the public notice', () => {
  async function onNotice() {
    const hardship = await grantedCase();
    await ok('aid:postNotice', { caseId: hardship.id, from: '2026-04-04', to: '2026-04-10' }, supervisor);
    const grant = await grantedCase({ cause: { programme: 'study_grant', studentMemberId: studentId, admissionYear: 2026 }, applicantMemberId: studentId }, 500_000);
    await ok('aid:postNotice', { caseId: grant.id, from: '2026-04-04', to: '2026-04-12' }, supervisor);
    return { hardship, grant };
  }

  it('lists the cases whose notice covers the day, names masked', async () => {
    const { hardship, grant } = await onNotice();
    const notice = await ok('aid:notice', { on: '2026-04-11' });
    expect(notice).toEqual({
      on: '2026-04-11',
      entries: [{ caseId: grant.id, maskedName: '周*', programme: 'study_grant', amountGrantedFen: 500_000, noticeFrom: '2026-04-04', noticeTo: '2026-04-12' }],
    });
    expect((await ok('aid:notice', {})).entries.map((entry) => entry.caseId)).toEqual([hardship.id, grant.id]);
    expect((await ok('aid:notice', { on: '2026-04-03' })).entries).toEqual([]);
  });

  it.each(['zh-CN', 'en'] as const)('prints as an A4 PDF in %s with no full name in its text, an audited export', async (language) => {
    await onNotice();
    const pdf = await ok('aid:noticePdf', { language });
    expect(pdf.missing).toEqual([]);
    const text = pdfText(pdf.contentBase64, language);
    expect(text).toContain(language === 'en' ? 'Public notice of humanitarian aid' : '人道救助公示');
    expect(text).toContain('周*');
    expect(text).toContain(language === 'en' ? 'Study grant' : '助学');
    expect(text).toContain('5000.00');
    for (const name of [APPLICANT, STUDENT, '李𠮷祥']) expect(text).not.toContain(name);
    expect(rows("select action, detail from audit_log where object_type = 'aid_case' and action = 'export'")).toEqual([
      { action: 'export', detail: JSON.stringify({ file: 'aid_notice', format: 'pdf', on: '2026-04-04', cases: 2 }) },
    ]);
  });

  it('exports as an XLSX sheet with no full name in any cell, an audited export', async () => {
    await onNotice();
    const file = await ok('aid:noticeXlsx', { language: 'zh-CN' });
    expect(file.fileName).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
    const cells: string[] = [];
    workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value)))));
    expect(cells).toEqual(expect.arrayContaining(['受助人', '周*', '困难救助', '3000', '助学', '5000']));
    for (const name of [APPLICANT, STUDENT, '李𠮷祥']) expect(cells.join('\n')).not.toContain(name);
    expect(rows("select count(*) as n from audit_log where action = 'export' and object_type = 'aid_case'")).toEqual([{ n: 1 }]);
  });
});

describe('sealed at rest', () => {
  it('keeps the reason, the notes, the objection and the signature sealed, and re-seals them on key rotation', async () => {
    const { id } = await grantedCase();
    await ok('aid:postNotice', { caseId: id, from: '2026-03-20', to: '2026-03-26' }, supervisor);
    await ok('aid:objection', { caseId: id, note: '邻居反映家庭收入较高' }, admin);
    const second = { sessionKey: 'second-admin' };
    await signInStaffDesks(station, admin, [{ role: 'admin', desk: second, account: { username: 'second.admin', displayName: '刘二' } }]);
    await ok('aid:decide', { caseId: id, outcome: 'grant', amountGrantedFen: 300_000 }, second);
    await ok('aid:postNotice', { caseId: id, from: '2026-03-27', to: '2026-04-02' }, supervisor);
    await ok('aid:pay', { caseId: id, method: 'cash', paidOn: '2026-04-04', recipientMemberId: applicantId, signature: SAMPLE_SIGNATURE });

    const sealed = () => ({
      case: rows<{ reason: string; recipient_signature: string }>('select reason, recipient_signature from aid_case where id = ?', id)[0]!,
      notes: rows<{ note: string }>('select note from aid_step where case_id = ? and note is not null order by seq', id).map((row) => row.note),
    });
    const before = sealed();
    const plain = JSON.stringify(before);
    for (const secret of [REASON, '材料属实', '按困难救助标准', '邻居反映家庭收入较高', 'data:image/png']) expect(plain).not.toContain(secret);
    expect(before.notes).toHaveLength(3);

    await station.services.protection.rotate();
    const after = sealed();
    expect(after.case.reason).not.toBe(before.case.reason);
    expect(after.case.recipient_signature).not.toBe(before.case.recipient_signature);
    after.notes.forEach((note, index) => expect(note).not.toBe(before.notes[index]));
    const view = await ok('aid:get', { caseId: id });
    expect(view.reason).toBe(REASON);
    expect(view.steps.map((step) => step.note).filter((note) => note !== null)).toEqual(['材料属实', '按困难救助标准', '邻居反映家庭收入较高']);
    expect(rows("select count(*) as n from audit_log where action = 'view' and object_type = 'aid_case'")).toEqual([{ n: 1 }]);
  });
});
