import { describe, expect, it } from 'vitest';
import { defaultFamilyCareSettings, normaliseInvitationCode, planFollowUps, qingmingDueOn, unlaidFollowUps } from '../../shared/domain/family';
import { syncRecordKinds } from '../../shared/domain/sync';
import { payloadProblem } from '../../electron/sync/payload-check';
import { randomInvitationCode } from '../../electron/services/family/invitation-code';

describe('the care plan of a donor family', () => {
  it('falls due 14, 91 and 365 days after the donation, then before Qingming each year after the first anniversary', () => {
    expect(planFollowUps('2025-03-10', defaultFamilyCareSettings, 2027)).toEqual([
      { kind: 'after_donation', dueOn: '2025-03-24', slot: 14 },
      { kind: 'after_donation', dueOn: '2025-06-09', slot: 91 },
      { kind: 'after_donation', dueOn: '2026-03-10', slot: 365 },
      { kind: 'qingming', dueOn: '2026-03-28', slot: 2026 },
      { kind: 'qingming', dueOn: '2027-03-28', slot: 2027 },
    ]);
  });

  it('skips a Qingming that falls before the first anniversary', () => {
    // Donated in late March: the anniversary (2026-03-30) is after 2026's visit (2026-03-28).
    const qingming = planFollowUps('2025-03-30', defaultFamilyCareSettings, 2027).filter((step) => step.kind === 'qingming');
    expect(qingming.map((step) => step.dueOn)).toEqual(['2027-03-28']);
  });

  it('follows the station settings', () => {
    expect(planFollowUps('2025-01-01', { followUpOffsetsDays: [30], qingmingLeadDays: 0 }, 2026)).toEqual([
      { kind: 'after_donation', dueOn: '2025-01-31', slot: 30 },
      { kind: 'qingming', dueOn: '2026-04-04', slot: 2026 },
    ]);
    expect(qingmingDueOn(2028, 7)).toBe('2028-03-28');
  });

  it('leaves out the slots a family already has, whatever became of them, and only those', () => {
    const planned = planFollowUps('2025-03-10', defaultFamilyCareSettings, 2027);
    const laid = [
      { kind: 'after_donation', slot: 14 },
      { kind: 'after_donation', slot: 91 },
      { kind: 'after_donation', slot: 365 },
      { kind: 'qingming', slot: 2026 },
      // A next step staff set has no slot: it stands for no planned follow-up.
      { kind: 'next_step', slot: null },
      // The same number in another kind is another slot.
      { kind: 'after_donation', slot: 2027 },
    ];
    expect(unlaidFollowUps(planned, laid)).toEqual([{ kind: 'qingming', dueOn: '2027-03-28', slot: 2027 }]);
    expect(unlaidFollowUps(planned, [])).toEqual(planned);
    expect(unlaidFollowUps(planned, planned)).toEqual([]);
  });
});

describe('invitation codes', () => {
  it('are 8 characters without look-alikes, and are read back however a visitor types them', () => {
    for (let index = 0; index < 200; index += 1) expect(randomInvitationCode()).toMatch(/^[A-HJKMNP-Z2-9]{8}$/);
    expect(normaliseInvitationCode(' abcd-efgh ')).toBe('ABCDEFGH');
    expect(normaliseInvitationCode('ＡＢＣＤ ＥＦＧＨ')).toBe('ABCDEFGH');
    expect(normaliseInvitationCode('ABCDEFG0')).toBeNull();
    expect(normaliseInvitationCode('ABC')).toBeNull();
  });
});

describe('the donor-family sync kinds', () => {
  const family = {
    id: 'f1',
    stationCode: 'KMU01',
    registrationId: 'r1',
    donatedOn: '2025-03-10',
    doNotContact: false,
    consents: [{ purpose: 'contact', granted: true, textVersion: '2026-12', givenOn: '2025-03-12' }],
    memberCount: 2,
    openedAt: '2025-03-12T02:00:00.000Z',
    version: 1,
  };
  const year = { id: 'y1', familyId: 'f1', stationCode: 'KMU01', year: 2025, contacts: { phone_call: 2 }, followUpsDone: 1, followUpsStopped: 0, invitations: 1, accepted: 1, attended: 0, version: 3 };

  it('are kinds of the protocol, so the hub accepts them', () => {
    expect(syncRecordKinds).toEqual(expect.arrayContaining(['donor_family', 'family_care_year']));
    expect(payloadProblem('donor_family', family)).toBeNull();
    expect(payloadProblem('family_care_year', year)).toBeNull();
  });

  it('refuse a family that carries a person, and counts that are not counts', () => {
    expect(payloadProblem('donor_family', { ...family, members: [{ name: '王秀英' }] })).toBe('members');
    expect(payloadProblem('donor_family', { ...family, phone: '13987654321' })).toBe('phone');
    expect(payloadProblem('donor_family', { ...family, consents: [{ purpose: 'contact' }] })).toBe('consents.0');
    expect(payloadProblem('family_care_year', { ...year, contacts: { phone_call: -1 } })).toBe('contacts.phone_call');
    expect(payloadProblem('family_care_year', { ...year, attended: '1' })).toBe('attended');
  });
});
