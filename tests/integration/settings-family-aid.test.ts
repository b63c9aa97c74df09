import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallInput } from '../../shared/contract/calls';
import { callsOn } from '../fixtures/dispatch';
import { sampleRegistration } from '../fixtures/registrations';
import { openStaffDeskStation, staffDesks, type StaffDeskStation } from '../fixtures/staff-desks';

/**
 * The donor families' care plan and the aid settings on the settings screen's call: changed by an
 * administrator, read by a supervisor, audited, refused with the field's reason, and applied to the
 * families opened afterwards, the Qingming visits not yet laid and the notices posted afterwards.
 */

let staffStation: StaffDeskStation;
let station: StaffDeskStation['station'];
const { admin, supervisor, registrar } = staffDesks;

const { ok, refusal } = callsOn(() => station, () => admin);

const wife = { name: '王秀英', relationCode: '10', phone: '13987654321', isExecutor: true, consented: true } as const;
const defaultPlan = { section: 'familyCare', followUpOffsetsDays: [14, 91, 365], qingmingLeadDays: 7 } as const;

function rows<T = Record<string, unknown>>(sql: string, ...params: unknown[]): T[] {
  return station.connection.sqlite.prepare(sql).all(...params) as T[];
}

/** The `settings_change` entries of the care-plan and aid sections, oldest first, with their detail. */
function settingsAudit(): Array<{ actor_role: string; object_id: string; detail: unknown }> {
  return rows<{ actor_role: string; object_id: string; detail: string }>(
    "select actor_role, object_id, detail from audit_log where action = 'settings_change' and object_id in ('familyCare', 'aid') order by seq",
  ).map((row) => ({ ...row, detail: JSON.parse(row.detail) as unknown }));
}

const later = (iso: string) => staffStation.later(iso);

beforeEach(async () => {
  // 2025-03-01 in Beijing: the day the sample person registers.
  staffStation = await openStaffDeskStation('2025-03-01T02:00:00.000Z');
  station = staffStation.station;
});
afterEach(async () => {
  await station.remove();
});

/** The sample person's body and cornea donations, both taken place on 2025-03-10 (recorded two days later). */
async function realisedDonations() {
  const created = await ok('registration:create', sampleRegistration());
  const [body, cornea] = created.registrations;
  await later('2025-03-12T02:00:00.000Z');
  await ok('registration:realise', { registrationId: body!.id, expectedVersion: 1, donatedOn: '2025-03-10' }, supervisor);
  await ok('registration:realise', { registrationId: cornea!.id, expectedVersion: 1, donatedOn: '2025-03-10' }, supervisor);
  return { body: body!, cornea: cornea! };
}

function openInput(registrationId: string): CallInput<'family:open'> {
  return { registrationId, preferredChannel: 'phone', members: [wife] };
}

/** A family's follow-ups as kind, due date and state, in date order. */
function followUpsOf(familyId: string): Array<[string, string, string]> {
  return rows<{ kind: string; due_on: string; state: string }>('select kind, due_on, state from family_follow_up where family_id = ? order by due_on', familyId).map(
    (row) => [row.kind, row.due_on, row.state],
  );
}

describe('the care-plan and aid settings', () => {
  it('are changed by an administrator, read by a supervisor, refused to others, and each change audited', async () => {
    const plan: CallInput<'settings:change'> = { section: 'familyCare', followUpOffsetsDays: [7, 30, 180, 365], qingmingLeadDays: 10 };
    expect((await refusal('settings:change', plan, supervisor)).code).toBe('forbidden');
    expect((await refusal('settings:change', { section: 'aid', minNoticeDays: 10 }, supervisor)).code).toBe('forbidden');
    expect((await refusal('settings:change', plan, registrar)).code).toBe('forbidden');
    expect((await refusal('settings:get', undefined, registrar)).code).toBe('forbidden');

    const changed = await ok('settings:change', plan);
    expect(changed.familyCare).toEqual({
      values: { followUpOffsetsDays: [7, 30, 180, 365], qingmingLeadDays: 10 },
      defaults: { followUpOffsetsDays: [14, 91, 365], qingmingLeadDays: 7 },
    });
    expect((await ok('settings:change', { section: 'aid', minNoticeDays: 10 })).aid).toEqual({ values: { minNoticeDays: 10 }, defaults: { minNoticeDays: 7 } });
    // Saved again unchanged: nothing written, nothing audited.
    await ok('settings:change', plan);

    // Read back from the database by a supervisor, as stored.
    const read = await ok('settings:get', undefined, supervisor);
    expect(read.familyCare.values).toEqual({ followUpOffsetsDays: [7, 30, 180, 365], qingmingLeadDays: 10 });
    expect(read.aid.values).toEqual({ minNoticeDays: 10 });
    expect(read.bounds).toMatchObject({
      followUpOffsetDays: { min: 1, max: 1830 },
      followUpOffsetCount: { min: 1, max: 8 },
      qingmingLeadDays: { min: 0, max: 60 },
      minNoticeDays: { min: 1, max: 60 },
    });
    expect(rows("select key, value from station_setting where key like 'familyCare.%' or key like 'aid.%' order by key")).toEqual([
      { key: 'aid.minNoticeDays', value: '10' },
      { key: 'familyCare.followUpOffsetsDays', value: '7,30,180,365' },
      { key: 'familyCare.qingmingLeadDays', value: '10' },
    ]);

    expect(settingsAudit()).toEqual([
      {
        actor_role: 'admin',
        object_id: 'familyCare',
        detail: {
          section: 'familyCare',
          changes: { followUpOffsetsDays: { from: [14, 91, 365], to: [7, 30, 180, 365] }, qingmingLeadDays: { from: 7, to: 10 } },
        },
      },
      { actor_role: 'admin', object_id: 'aid', detail: { section: 'aid', changes: { minNoticeDays: { from: 7, to: 10 } } } },
    ]);
    expect(await ok('audit:verify', undefined)).toMatchObject({ ok: true });
  });

  it('refuses a list of days out of order, repeated, out of range or unreadable, and bounds out of range, each with the reason', async () => {
    const reasons = async (change: unknown) => {
      const refused = await refusal('settings:change', change);
      expect(refused.code).toBe('validation_failed');
      return refused.issues;
    };
    /** The reason the list alone is refused for: the refusal names it once, as the field the screen shows it under. */
    const listReason = async (followUpOffsetsDays: unknown) => {
      const issues = await reasons({ ...defaultPlan, followUpOffsetsDays });
      expect(issues).toHaveLength(1);
      expect(issues?.[0]?.path).toBe('followUpOffsetsDays');
      return issues?.[0]?.reason;
    };

    expect(await listReason([91, 14, 365])).toBe('follow_up_days_order');
    expect(await listReason([14, 91, 91])).toBe('follow_up_days_repeated');
    expect(await listReason([0, 14])).toBe('follow_up_days_range');
    expect(await listReason([14, 1831])).toBe('follow_up_days_range');
    // Empty, too long, a part that is not a whole number (the screen sends NaN), or not a list at all.
    expect(await listReason([])).toBe('follow_up_days_list');
    expect(await listReason([1, 2, 3, 4, 5, 6, 7, 8, 9])).toBe('follow_up_days_list');
    expect(await listReason([14, Number.NaN])).toBe('follow_up_days_list');
    expect(await listReason([14, 91.5])).toBe('follow_up_days_list');
    expect(await listReason('14, 91, 365')).toBe('follow_up_days_list');
    expect(await listReason(undefined)).toBe('follow_up_days_list');
    // Each field is named with its own reason.
    expect(await reasons({ ...defaultPlan, followUpOffsetsDays: [91, 14], qingmingLeadDays: 61 })).toEqual([
      { path: 'followUpOffsetsDays', reason: 'follow_up_days_order' },
      { path: 'qingmingLeadDays', reason: 'qingming_lead_days_range' },
    ]);
    expect(await reasons({ ...defaultPlan, qingmingLeadDays: -1 })).toEqual([{ path: 'qingmingLeadDays', reason: 'qingming_lead_days_range' }]);
    expect(await reasons({ section: 'aid', minNoticeDays: 0 })).toEqual([{ path: 'minNoticeDays', reason: 'min_notice_days_range' }]);
    expect(await reasons({ section: 'aid', minNoticeDays: 61 })).toEqual([{ path: 'minNoticeDays', reason: 'min_notice_days_range' }]);
    expect(await reasons({ section: 'aid', minNoticeDays: Number.NaN })).toEqual([{ path: 'minNoticeDays', reason: 'min_notice_days_range' }]);

    // The bounds themselves are taken.
    await ok('settings:change', { section: 'familyCare', followUpOffsetsDays: [1, 2, 3, 4, 5, 6, 7, 1830], qingmingLeadDays: 0 });
    await ok('settings:change', { section: 'aid', minNoticeDays: 60 });
    expect(settingsAudit().map((entry) => entry.object_id)).toEqual(['familyCare', 'aid']);
  });

  it('gives the new plan to families opened afterwards and to Qingming visits not yet laid; follow-ups laid keep their dates', async () => {
    const { body, cornea } = await realisedDonations();
    const before = await ok('family:open', openInput(body.id), registrar);
    expect(followUpsOf(before.id)).toEqual([
      ['after_donation', '2025-03-24', 'open'],
      ['after_donation', '2025-06-09', 'open'],
      ['after_donation', '2026-03-10', 'open'],
    ]);

    await ok('settings:change', { section: 'familyCare', followUpOffsetsDays: [7, 30], qingmingLeadDays: 10 });
    const after = await ok('family:open', openInput(cornea.id), registrar);
    expect(after.followUps.map((step) => [step.kind, step.dueOn])).toEqual([
      ['after_donation', '2025-03-17'],
      ['after_donation', '2025-04-09'],
    ]);
    // The family opened before keeps the follow-ups it was given.
    expect(followUpsOf(before.id)).toHaveLength(3);

    // Qingming 2026 (4 April) is laid with the new lead of ten days, for both families.
    await later('2026-03-20T02:00:00.000Z');
    const due = await ok('family:dueList', { days: 7 }, registrar);
    expect(due.items.filter((item) => item.kind === 'qingming').map((item) => [item.familyId, item.dueOn])).toEqual(
      expect.arrayContaining([
        [before.id, '2026-03-25'],
        [after.id, '2026-03-25'],
      ]),
    );

    // Laid visits stay where they are; the next year's is laid with the lead then set.
    await ok('settings:change', { section: 'familyCare', followUpOffsetsDays: [7, 30], qingmingLeadDays: 3 });
    await later('2027-03-30T02:00:00.000Z');
    await ok('family:dueList', {}, registrar);
    expect(rows("select due_on from family_follow_up where family_id = ? and kind = 'qingming' order by due_on", before.id)).toEqual([
      { due_on: '2026-03-25' },
      { due_on: '2027-04-01' },
    ]);
  });

  it('refuses a public notice shorter than the minimum the administrator set', async () => {
    const { body } = await realisedDonations();
    const family = await ok('family:open', openInput(body.id), registrar);
    const applied = await ok(
      'aid:apply',
      { familyId: family.id, applicantMemberId: family.members[0]!.id, cause: { programme: 'condolence' }, reason: '家中主要劳动力去世', amountAskedFen: 200_000, documentsSeen: ['id_card'] },
      registrar,
    );
    await ok('aid:review', { caseId: applied.id, outcome: 'approve', note: '材料属实' });
    await ok('aid:propose', { caseId: applied.id, amountProposedFen: 200_000, note: null }, supervisor);
    await ok('aid:decide', { caseId: applied.id, outcome: 'grant', amountGrantedFen: 200_000, note: null });

    await ok('settings:change', { section: 'aid', minNoticeDays: 10 });
    // Seven days, the default minimum, are now too few.
    expect(await refusal('aid:postNotice', { caseId: applied.id, from: '2025-03-13', to: '2025-03-19' }, supervisor)).toMatchObject({
      code: 'validation_failed',
      issues: [{ path: 'to', reason: 'aid_notice_too_short', params: { min: 10 } }],
    });
    const posted = await ok('aid:postNotice', { caseId: applied.id, from: '2025-03-13', to: '2025-03-22' }, supervisor);
    expect(posted).toMatchObject({ state: 'on_notice', noticeFrom: '2025-03-13', noticeTo: '2025-03-22' });
  });
});
