import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallInput } from '../../shared/contract/calls';
import { FAMILY_CONSENT_TEXT_VERSION } from '../../shared/domain/family';
import { callsOn } from '../fixtures/dispatch';
import { residentId, samplePerson, sampleRegistration } from '../fixtures/registrations';
import { openStaffDeskStation, staffDesks, type StaffDeskStation } from '../fixtures/staff-desks';

let desks: StaffDeskStation;
let station: StaffDeskStation['station'];
const { admin, supervisor, registrar, auditor } = staffDesks;

const { ok } = callsOn(() => station, () => registrar);

const wife = { name: '王秀英', relationCode: '10', phone: '13987654321', isExecutor: true, consented: true } as const;

/** Three donors, each with a family: one to care for, one asking not to be contacted, one refusing contact by consent. */
const donors = {
  cared: samplePerson,
  doNotContact: { ...samplePerson, document: { kind: 'resident_id', number: residentId('530102', '19850611', '013') }, name: '张建华', phone: '13712345678' },
  refused: { ...samplePerson, document: { kind: 'resident_id', number: residentId('530103', '19770203', '024') }, name: '赵丽萍', phone: '13698765432' },
} as const satisfies Record<string, CallInput<'registration:create'>['person']>;

/** How many rows a table holds. */
function count(table: 'family_follow_up' | 'audit_log'): number {
  return (station.connection.sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
}

/** The Qingming visits laid for a family, by year. */
function qingmingRows(familyId: string): Array<{ slot: number; state: string }> {
  return station.connection.sqlite.prepare("select slot, state from family_follow_up where family_id = ? and kind = 'qingming' order by slot").all(familyId) as Array<{
    slot: number;
    state: string;
  }>;
}

/** The overdue follow-ups as the auditor's dashboard shows them. */
async function overdueAsAuditor(): Promise<number> {
  return (await ok('family:figures', { year: 2026 }, auditor)).followUpsOverdue;
}

beforeEach(async () => {
  desks = await openStaffDeskStation('2024-05-01T02:00:00.000Z', { withAuditor: true });
  station = desks.station;
});
afterEach(async () => {
  await station.remove();
});

/** A body-donation registration of `person`, made on the station's first day (2024-05-01). */
async function registered(person: CallInput<'registration:create'>['person']) {
  const created = await ok('registration:create', sampleRegistration({ person, programs: [{ program: 'body', paperwork: null }] }), admin);
  return created.registrations[0]!;
}

/** The donation took place on 2024-05-20, the family opened now: follow-ups on 2024-06-03, 2024-08-19 and 2025-05-20. */
async function familyOf(registration: { id: string }) {
  await ok('registration:realise', { registrationId: registration.id, expectedVersion: 1, donatedOn: '2024-05-20' }, supervisor);
  return ok('family:open', { registrationId: registration.id, preferredChannel: 'phone', members: [wife] });
}

/**
 * Moves on to 2026-03-30 with the cared-for family as the dashboard then finds it: the first two
 * follow-ups done, the first anniversary (2025-05-20) still open, and the Qingming visit of 2026, due on
 * 2026-03-28, not laid, since no one opened the due list or the family's page since it came due. The
 * first Qingming visit is that of 2026: the one of 2025 fell due before the anniversary.
 */
async function toQingmingWeek(family: Awaited<ReturnType<typeof familyOf>>) {
  await desks.later('2025-01-10T02:00:00.000Z');
  for (const followUp of family.followUps.slice(0, 2)) {
    await ok('family:logContact', { familyId: family.id, kind: 'phone_call', on: '2025-01-10', followUpId: followUp.id });
  }
  await desks.later('2026-03-30T02:00:00.000Z');
}

/** The cared-for family, opened on 2024-05-22, on 2026-03-30. */
async function caredFamilyOnQingmingWeek() {
  const registration = await registered(donors.cared);
  await desks.later('2024-05-22T02:00:00.000Z');
  const family = await familyOf(registration);
  await toQingmingWeek(family);
  return family;
}

describe('the overdue follow-ups of the family-care figures', () => {
  it('count the Qingming visit due but not yet laid, and once only after the due list laid it', async () => {
    const family = await caredFamilyOnQingmingWeek();
    expect(qingmingRows(family.id)).toEqual([]);

    expect(await overdueAsAuditor()).toBe(2);

    const due = await ok('family:dueList', {});
    expect(due.items.map((item) => [item.kind, item.dueOn, item.overdue])).toEqual([
      ['after_donation', '2025-05-20', true],
      ['qingming', '2026-03-28', true],
    ]);
    expect(qingmingRows(family.id)).toEqual([{ slot: 2026, state: 'open' }]);
    expect(await overdueAsAuditor()).toBe(2);
  });

  it('leave out families that must not be contacted, laid or not', async () => {
    const registrations = [];
    for (const person of [donors.cared, donors.doNotContact, donors.refused]) registrations.push(await registered(person));
    await desks.later('2024-05-22T02:00:00.000Z');
    const cared = await familyOf(registrations[0]!);
    const stopped = await familyOf(registrations[1]!);
    await ok('family:setDoNotContact', { familyId: stopped.id, doNotContact: true, reason: '家属要求暂停联系' });
    const refusing = await familyOf(registrations[2]!);
    await ok('family:consent', {
      familyId: refusing.id,
      memberId: refusing.members[0]!.id,
      purpose: 'contact',
      granted: false,
      givenOn: '2024-05-22',
      textVersion: FAMILY_CONSENT_TEXT_VERSION,
    });
    await toQingmingWeek(cared);

    expect(await overdueAsAuditor()).toBe(2);
    await ok('family:dueList', {});
    // Laying the plan gave the families not to be contacted their visit, stopped.
    expect(qingmingRows(stopped.id)).toEqual([{ slot: 2026, state: 'stopped' }]);
    expect(qingmingRows(refusing.id)).toEqual([{ slot: 2026, state: 'stopped' }]);
    expect(await overdueAsAuditor()).toBe(2);
  });

  it('are read without writing: no follow-up laid, no audit entry', async () => {
    const family = await caredFamilyOnQingmingWeek();
    const before = { followUps: count('family_follow_up'), audit: count('audit_log') };

    expect(await overdueAsAuditor()).toBe(2);

    expect({ followUps: count('family_follow_up'), audit: count('audit_log') }).toEqual(before);
    expect(qingmingRows(family.id)).toEqual([]);
  });
});
