import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallInput } from '../../shared/contract/calls';
import { FAMILY_CONSENT_TEXT_VERSION, INVITATION_CODE_ALPHABET } from '../../shared/domain/family';
import { callsOn } from '../fixtures/dispatch';
import { nameListEntry } from '../fixtures/name-list';
import { residentId, samplePerson, sampleRegistration } from '../fixtures/registrations';
import { openStaffDeskStation, staffDesks, type StaffDeskStation } from '../fixtures/staff-desks';
import { kioskCaller } from '../fixtures/temp-station';

let staffStation: StaffDeskStation;
let station: StaffDeskStation['station'];
const { admin, supervisor, registrar } = staffDesks;

const { ok, refusal, refusalCode } = callsOn(() => station, () => registrar);

/** The donor's wife and son: the family the tests care for. */
const wife = { name: '王秀英', relationCode: '10', phone: '13987654321', address: '昆明市五华区学府路 191 号', isExecutor: true, consented: true } as const;
const son = { name: '李建国', relationCode: '20', phone: '13900001111', consented: true } as const;

function rows<T = Record<string, unknown>>(sql: string, ...params: unknown[]): T[] {
  return station.connection.sqlite.prepare(sql).all(...params) as T[];
}

/** The payloads queued for the province of a kind, oldest first, opened. */
function queued(kind: string): Array<Record<string, unknown>> {
  return rows<{ payload: string }>('select payload from outbox join outbox_payload using (seq) where kind = ? order by seq', kind).map(
    (row) => JSON.parse(station.services.protection.open(row.payload, 'outbox.payload')) as Record<string, unknown>,
  );
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

/** The sample person (李𠮷祥) registered for body and cornea donation; the body donation took place on 2025-03-10. */
async function realisedDonation() {
  const created = await ok('registration:create', sampleRegistration(), admin);
  const [body, cornea] = created.registrations;
  await later('2025-03-12T02:00:00.000Z');
  await ok('registration:realise', { registrationId: body!.id, expectedVersion: 1, donatedOn: '2025-03-10' }, supervisor);
  return { personId: created.personId, body: body!, cornea: cornea! };
}

function openInput(registrationId: string, members: CallInput<'family:open'>['members'] = [wife, son]): CallInput<'family:open'> {
  return { registrationId, preferredChannel: 'phone', members };
}

async function openFamily() {
  const donation = await realisedDonation();
  const family = await ok('family:open', openInput(donation.body.id));
  return { ...donation, family };
}

function consent(family: { id: string; members: Array<{ id: string }> }, purpose: 'name_engraving' | 'publicity' | 'contact', granted: boolean): CallInput<'family:consent'> {
  return { familyId: family.id, memberId: family.members[0]!.id, purpose, granted, givenOn: '2025-03-12', textVersion: FAMILY_CONSENT_TEXT_VERSION };
}

describe('opening a donor family', () => {
  it('is refused for a registration whose donation did not take place, and done once for a realised one', async () => {
    const { body, cornea } = await realisedDonation();
    expect(await refusalCode('family:open', openInput(cornea.id))).toBe('family_registration_not_realised');
    expect(await refusalCode('family:open', openInput('nobody'))).toBe('not_found');

    const family = await ok('family:open', openInput(body.id));
    expect(family).toMatchObject({
      registrationId: body.id,
      donorName: '李𠮷祥',
      programme: 'body',
      donatedOn: '2025-03-10',
      doNotContact: false,
      members: [
        { name: '王秀英', relationCode: '10', phone: '13987654321', isExecutor: true, consented: true, doNotContact: false, version: 1 },
        { name: '李建国', relationCode: '20', phone: '13900001111', address: null, isExecutor: false },
      ],
    });
    // The care plan after the donation: two weeks, three months, the first anniversary (the default settings).
    expect(family.followUps.map((step) => [step.kind, step.dueOn, step.state])).toEqual([
      ['after_donation', '2025-03-24', 'open'],
      ['after_donation', '2025-06-09', 'open'],
      ['after_donation', '2026-03-10', 'open'],
    ]);

    const again = await refusal('family:open', openInput(body.id));
    expect(again).toMatchObject({ code: 'family_already_open', message: family.id });
    expect(await ok('family:fromRegistration', { registrationId: body.id })).toEqual({ familyId: family.id });
    expect(await ok('family:fromRegistration', { registrationId: cornea.id })).toEqual({ familyId: null });
    expect(rows('select id from donor_family')).toHaveLength(1);
  });

  it('checks members like every other name and phone', async () => {
    const { body } = await realisedDonation();
    const bad = await refusal('family:open', openInput(body.id, [{ ...wife, name: '王3', phone: '12345' }]));
    expect(bad.code).toBe('validation_failed');
    expect(bad.issues).toEqual(
      expect.arrayContaining([
        { path: 'members.0.name', reason: 'name_digits' },
        { path: 'members.0.phone', reason: expect.stringMatching(/format|phone/) },
      ]),
    );
    expect((await refusal('family:open', openInput(body.id, []))).issues).toEqual([{ path: 'members', reason: 'required' }]);
  });

  it('keeps every version of a member', async () => {
    const { family } = await openFamily();
    const wifeId = family.members[0]!.id;
    const updated = await ok('family:updateMember', { familyId: family.id, memberId: wifeId, member: { ...wife, phone: '13811112222' } });
    expect(updated.members[0]).toMatchObject({ phone: '13811112222', version: 2 });
    expect(rows('select version from family_member_version where member_id = ? order by version', wifeId)).toEqual([{ version: 1 }, { version: 2 }]);
    const added = await ok('family:addMember', { familyId: family.id, member: { name: 'Anna Li', relationCode: '30', phone: '+85291234567', consented: false } });
    expect(added.members).toHaveLength(3);
    expect(rows("select action from audit_log where object_type = 'donor_family' and action = 'amend'")).toHaveLength(2);
  });
});

describe('the care plan', () => {
  it('lays the yearly Qingming visits without a daily job, once each, and lists what is due with names masked', async () => {
    const { family } = await openFamily();
    await later('2026-03-25T02:00:00.000Z');
    const due = await ok('family:dueList', {});
    expect(due).toMatchObject({ from: '2026-03-25', to: '2026-03-31' });
    // The first two follow-ups and the anniversary are overdue; Qingming 2026 (4 April) is due 7 days before it.
    expect(due.items.map((item) => [item.kind, item.dueOn, item.overdue])).toEqual([
      ['after_donation', '2025-03-24', true],
      ['after_donation', '2025-06-09', true],
      ['after_donation', '2026-03-10', true],
      ['qingming', '2026-03-28', false],
    ]);
    expect(due.items[0]).toMatchObject({
      familyId: family.id,
      donorName: '李*',
      preferredChannel: 'phone',
      members: [
        { name: '王*', relationCode: '10' },
        { name: '李*', relationCode: '20' },
      ],
    });
    expect(JSON.stringify(due)).not.toContain('王秀英');
    expect(JSON.stringify(due)).not.toContain('13987654321');

    // Reading again lays nothing twice; the next year brings the next visit.
    await ok('family:dueList', {});
    expect(rows("select due_on from family_follow_up where kind = 'qingming'")).toEqual([{ due_on: '2026-03-28' }]);
    await later('2027-03-26T02:00:00.000Z');
    expect((await ok('family:dueList', {})).items.filter((item) => item.kind === 'qingming').map((item) => item.dueOn)).toEqual(['2026-03-28', '2027-03-28']);
  });

  it('closes a follow-up with a logged contact, seals the notes, and sets the next one', async () => {
    const { family } = await openFamily();
    await later('2025-03-24T02:00:00.000Z');
    const first = family.followUps[0]!;
    const logged = await ok('family:logContact', {
      familyId: family.id,
      followUpId: first.id,
      kind: 'phone_call',
      on: '2025-03-24',
      memberId: family.members[0]!.id,
      needs: '王秀英腰疼，需要陪同就医',
      nextStep: '下周上门走访',
      nextDueOn: '2025-04-01',
    });
    expect(logged.followUps.find((step) => step.id === first.id)).toMatchObject({ state: 'done', contactId: logged.contacts[0]!.id });
    expect(logged.followUps.find((step) => step.kind === 'next_step')).toMatchObject({ dueOn: '2025-04-01', state: 'open' });
    expect(logged.contacts[0]).toMatchObject({ kind: 'phone_call', needs: '王秀英腰疼，需要陪同就医', nextStep: '下周上门走访' });
    expect(await refusalCode('family:logContact', { familyId: family.id, followUpId: first.id, kind: 'phone_call', on: '2025-03-24' })).toBe('family_follow_up_closed');
    // A contact dated after today, or a next follow-up before it, is refused at its field in words of its own.
    expect((await refusal('family:logContact', { familyId: family.id, kind: 'phone_call', on: '2025-03-25', nextDueOn: '2025-03-23' })).issues).toEqual([
      { path: 'on', reason: 'contact_date_future' },
      { path: 'nextDueOn', reason: 'follow_up_date_past' },
    ]);
    expect(JSON.stringify(rows('select needs, next_step from family_contact'))).not.toContain('腰疼');
  });

  it('stops every scheduled step when the family asks not to be contacted, and re-opens only those ahead when it asks again', async () => {
    const { family } = await openFamily();
    await later('2025-04-01T02:00:00.000Z');
    const stopped = await ok('family:setDoNotContact', { familyId: family.id, doNotContact: true, reason: '家属悲伤，暂不希望被打扰' });
    expect(stopped.doNotContact).toBe(true);
    expect(stopped.doNotContactReason).toBe('家属悲伤，暂不希望被打扰');
    expect(stopped.followUps.map((step) => step.state)).toEqual(['stopped', 'stopped', 'stopped']);
    expect((await ok('family:dueList', { days: 60 })).items).toEqual([]);
    expect(await refusalCode('family:logContact', { familyId: family.id, kind: 'phone_call', on: '2025-04-01' })).toBe('family_do_not_contact');
    expect(await refusalCode('family:invite', { familyId: family.id, ceremony: 'qingming', year: 2025 })).toBe('family_do_not_contact');
    expect(await ok('family:inviteYearly', { ceremony: 'life_tribute', year: 2025 })).toEqual({ invited: 0, alreadyInvited: 0, declined: 0, notToBeContacted: 1 });
    expect((await ok('family:list', {})).families[0]).toMatchObject({ doNotContact: true, nextDueOn: null });
    // Later years' Qingming visits are laid stopped too.
    await later('2026-03-25T02:00:00.000Z');
    expect((await ok('family:dueList', {})).items).toEqual([]);
    expect(rows("select state from family_follow_up where kind = 'qingming'")).toEqual([{ state: 'stopped' }]);
    expect(queued('family_care_year').at(-1)).toMatchObject({ familyId: family.id, year: 2026, followUpsStopped: 2 });

    const reopened = await ok('family:setDoNotContact', { familyId: family.id, doNotContact: false, reason: '家属来电，希望恢复联系' });
    // The two follow-ups already past stay stopped; the anniversary (2026-03-10) is past too; Qingming 2026 re-opens.
    expect(reopened.followUps.map((step) => [step.dueOn, step.state])).toEqual([
      ['2025-03-24', 'stopped'],
      ['2025-06-09', 'stopped'],
      ['2026-03-10', 'stopped'],
      ['2026-03-28', 'open'],
    ]);
    expect((await ok('family:dueList', {})).items.map((item) => item.dueOn)).toEqual(['2026-03-28']);
    const audited = rows<{ detail: string }>("select detail from audit_log where action = 'family_do_not_contact' order by seq");
    expect(audited.map((row) => JSON.parse(row.detail))).toEqual([
      { doNotContact: true, stopped: 3 },
      { doNotContact: false, reopened: 1 },
    ]);
    expect(JSON.stringify(rows('select do_not_contact_reason from donor_family'))).not.toContain('悲伤');
  });

  it('treats a refused contact consent as do-not-contact', async () => {
    const { family } = await openFamily();
    const refused = await ok('family:consent', consent(family, 'contact', false));
    expect(refused.followUps.every((step) => step.state === 'stopped')).toBe(true);
    expect((await ok('family:dueList', { days: 60 })).items).toEqual([]);
    expect(await refusalCode('family:invite', { familyId: family.id, ceremony: 'qingming', year: 2025 })).toBe('family_do_not_contact');
    const granted = await ok('family:consent', consent(family, 'contact', true));
    expect(granted.standingConsents).toEqual([expect.objectContaining({ purpose: 'contact', granted: true })]);
    expect(granted.consents).toHaveLength(2);
    expect(granted.followUps.filter((step) => step.state === 'open')).toHaveLength(3);
  });
});

describe('remembrance', () => {
  async function invitedFamily() {
    const opened = await openFamily();
    await later('2026-03-20T02:00:00.000Z');
    const invitation = await ok('family:invite', { familyId: opened.family.id, ceremony: 'qingming', year: 2026 });
    return { ...opened, invitation };
  }

  it('gives each invitation a unique code of the unambiguous alphabet, once per family, ceremony and year', async () => {
    const { family, invitation } = await invitedFamily();
    expect(invitation.code).toMatch(new RegExp(`^[${INVITATION_CODE_ALPHABET}]{8}$`));
    expect(invitation).toMatchObject({ familyId: family.id, ceremony: 'qingming', year: 2026, state: 'invited', attendedAt: null });
    expect(await refusalCode('family:invite', { familyId: family.id, ceremony: 'qingming', year: 2026 })).toBe('family_invitation_exists');
    expect(await ok('family:inviteYearly', { ceremony: 'qingming', year: 2026 })).toEqual({ invited: 0, alreadyInvited: 1, declined: 0, notToBeContacted: 0 });
  });

  it('marks the family attended from the kiosk sign-in, and the kiosk answers a right and a wrong code alike', async () => {
    const { invitation } = await invitedFamily();
    const shape = (result: Record<string, unknown>) => ({ ...result, id: 'the visit', visitedAt: 'the time' });
    const wrong = await ok('visitor:signIn', { partySize: 3, purpose: 'qingming', invitationCode: 'ZZZZ-ZZZZ' }, kioskCaller);
    const right = await ok('visitor:signIn', { partySize: 3, purpose: 'qingming', invitationCode: invitation.code.toLowerCase() }, kioskCaller);
    const reused = await ok('visitor:signIn', { partySize: 3, purpose: 'qingming', invitationCode: invitation.code }, kioskCaller);
    expect(shape(right)).toEqual(shape(wrong));
    expect(shape(reused)).toEqual(shape(wrong));
    const attended = rows<{ attended_source: string; attended_at: string }>('select attended_source, attended_at from family_invitation');
    expect(attended).toEqual([{ attended_source: 'kiosk', attended_at: staffStation.now().toISOString() }]);
    expect(rows("select actor_role from audit_log where action = 'family_attendance'")).toEqual([{ actor_role: 'kiosk' }]);
  });

  it('stops a declined ceremony for the later years until staff re-open it', async () => {
    const { family, invitation } = await invitedFamily();
    expect(await ok('family:answerInvitation', { invitationId: invitation.id, answer: 'declined' })).toMatchObject({ state: 'declined' });
    expect(await ok('family:inviteYearly', { ceremony: 'qingming', year: 2027 })).toEqual({ invited: 0, alreadyInvited: 0, declined: 1, notToBeContacted: 0 });
    expect(await ok('family:inviteYearly', { ceremony: 'life_tribute', year: 2026 })).toMatchObject({ invited: 1 });
    const reopened = await ok('family:reopenCeremony', { familyId: family.id, ceremony: 'qingming' });
    expect(reopened.declinedCeremonies).toEqual([]);
    expect(await ok('family:inviteYearly', { ceremony: 'qingming', year: 2027 })).toMatchObject({ invited: 1 });
    const attended = await ok('family:markAttended', { invitationId: invitation.id });
    expect(attended).toMatchObject({ attendedSource: 'staff' });
  });
});

describe("a family's page and its privacy", () => {
  it('audits every view, naming no one, and shows the donor certificates and memorial entries', async () => {
    const { family, personId } = await openFamily();
    await ok('documents:issue', { kind: 'honour_certificate', subject: { type: 'person', id: personId }, language: 'zh-CN' }, supervisor);
    await ok('family:consent', consent(family, 'name_engraving', true));
    await ok('nameList:add', nameListEntry('李𠮷祥', { personId }, { givenOn: '2025-03-12' }));
    const page = await ok('family:get', { familyId: family.id });
    await ok('family:get', { familyId: family.id });
    expect(page.certificates).toEqual([expect.objectContaining({ kind: 'honour_certificate', state: 'issued' })]);
    expect(page.memorialNames).toEqual([expect.objectContaining({ state: 'published', engravingYear: 2025 })]);
    const views = rows<{ object_id: string; detail: string | null; actor_role: string }>("select object_id, detail, actor_role from audit_log where action = 'family_view'");
    expect(views).toEqual([
      { object_id: family.id, detail: null, actor_role: 'registrar' },
      { object_id: family.id, detail: null, actor_role: 'registrar' },
    ]);
    const everyDetail = JSON.stringify(rows("select detail from audit_log where object_type in ('donor_family', 'family_invitation')"));
    for (const text of ['王秀英', '李建国', '李𠮷祥', '13987654321']) expect(everyDetail).not.toContain(text);
    // The trail names the family by the registration number of the donation, never by a person's name.
    const { entries } = await ok('audit:list', { limit: 200 }, admin);
    expect(entries.filter((entry) => entry.action === 'family_view').map((entry) => entry.objectName)).toEqual([page.registrationNumber, page.registrationNumber]);
  });

  it('lists families with the donor name masked and finds one by registration number or full name', async () => {
    const { family, body } = await openFamily();
    const listed = await ok('family:list', {});
    expect(listed).toEqual({
      total: 1,
      families: [{ id: family.id, registrationNumber: body.number, donorName: '李*', programme: 'body', donatedOn: '2025-03-10', doNotContact: false, nextDueOn: '2025-03-24' }],
    });
    expect((await ok('family:list', { query: body.number.slice(-6) })).total).toBe(1);
    expect((await ok('family:list', { query: '李𠮷祥' })).total).toBe(1);
    expect((await ok('family:list', { query: '李' })).total).toBe(0);
  });

  it('keeps families opened in the same instant in the order they were opened, in the list and on the due list', async () => {
    // Six donors registered; later, their donations recorded and their families opened while the clock stands still.
    const bodies = [];
    for (const [sequence, given] of [['012', '一'], ['022', '二'], ['032', '三'], ['042', '四'], ['052', '五'], ['062', '六']] as const) {
      const person = { ...samplePerson, name: `张${given}`, document: { kind: 'resident_id', number: residentId('530102', '19800101', sequence) } } as const;
      bodies.push((await ok('registration:create', sampleRegistration({ person, programs: [{ program: 'body', paperwork: null }] }), admin)).registrations[0]!);
    }
    await later('2025-03-12T02:00:00.000Z');
    const opened: string[] = [];
    for (const body of bodies) {
      await ok('registration:realise', { registrationId: body.id, expectedVersion: 1, donatedOn: '2025-03-10' }, supervisor);
      opened.push((await ok('family:open', openInput(body.id, [wife]))).id);
    }
    expect((await ok('family:list', {})).families.map((family) => family.id)).toEqual([...opened].reverse());
    // Every family's first follow-up falls on 24 March: they come in the order the families were opened.
    const due = await ok('family:dueList', { days: 1, from: '2025-03-24' });
    expect(due.items.map((item) => item.familyId)).toEqual(opened);
  });

  it('keeps members, reasons and notes sealed in the file, and re-seals them on key rotation', async () => {
    const { family } = await openFamily();
    await ok('family:setDoNotContact', { familyId: family.id, doNotContact: true, reason: '家属要求暂停联系' });
    await ok('family:setDoNotContact', { familyId: family.id, doNotContact: false, reason: '家属要求恢复联系' });
    await ok('family:logContact', { familyId: family.id, kind: 'home_visit', on: '2025-03-12', needs: '需要心理疏导', nextStep: '联系社工' });
    const files = () => Buffer.concat([readFileSync(join(station.dataDir, 'station.sqlite')), readFileSync(join(station.dataDir, 'station.sqlite-wal'))]);
    for (const text of ['王秀英', '13987654321', '学府路', '暂停联系', '心理疏导', '联系社工']) expect(files().includes(Buffer.from(text, 'utf8')), text).toBe(false);

    const before = rows<{ details: string }>('select details from family_member order by rowid');
    const beforeVersions = rows<{ details: string }>('select details from family_member_version order by rowid');
    await station.services.protection.rotate();
    const after = rows<{ details: string }>('select details from family_member order by rowid');
    expect(after[0]!.details).not.toBe(before[0]!.details);
    expect(rows<{ details: string }>('select details from family_member_version order by rowid')[0]!.details).not.toBe(beforeVersions[0]!.details);
    const page = await ok('family:get', { familyId: family.id });
    expect(page.members[0]).toMatchObject({ name: '王秀英', phone: '13987654321', address: '昆明市五华区学府路 191 号' });
    expect(page.doNotContactReason).toBe('家属要求恢复联系');
    expect(page.contacts[0]).toMatchObject({ needs: '需要心理疏导', nextStep: '联系社工' });
  });

  it('refuses to engrave the donor name until the family consents to it', async () => {
    const { family, personId } = await openFamily();
    const entry = nameListEntry('李𠮷祥', { personId }, { givenOn: '2025-03-12' });
    expect(await refusalCode('nameList:add', entry)).toBe('family_engraving_not_consented');
    await ok('family:consent', consent(family, 'name_engraving', false));
    expect(await refusalCode('nameList:add', entry)).toBe('family_engraving_not_consented');
    await ok('family:consent', consent(family, 'name_engraving', true));
    expect(await ok('nameList:add', entry)).toMatchObject({ personId, state: 'published' });
    // A name without a person record, or of a person without a family here, is not the family area's to refuse.
    expect(await ok('nameList:add', nameListEntry('张晓明', {}, { givenOn: '2025-03-12' }))).toMatchObject({ state: 'published' });
  });

  it('lists a donor once at a wall place: an alias or a namesake confirmation does not add the person there twice', async () => {
    const { family, personId } = await openFamily();
    await ok('family:consent', consent(family, 'name_engraving', true));
    const listed = await ok('nameList:add', nameListEntry('李𠮷祥', { personId }, { givenOn: '2025-03-12' }));
    const again = nameListEntry('李吉祥', { personId, wallLocation: '东区3排12号', confirmDuplicate: true }, { givenOn: '2025-03-12' });
    expect(await refusalCode('nameList:add', again)).toBe('memorial_person_listed');
    // Another wall (the university's memorial as well as the park's) is a listing of its own.
    expect(await ok('nameList:add', { ...again, wallLocation: '医学院纪念墙 2 排 5 号' })).toMatchObject({ personId, state: 'published' });
    // Once the family withdrew the first entry's consent, the donor may be listed at that place anew.
    await ok('nameList:withdrawConsent', { entryId: listed.id, reason: '家属要求改用化名' }, supervisor);
    expect(await ok('nameList:add', again)).toMatchObject({ personId, state: 'published' });
  });

  it('sends the province figures and consents, never a name, phone, address or note', async () => {
    const { family } = await openFamily();
    await ok('family:consent', consent(family, 'publicity', true));
    await ok('family:logContact', { familyId: family.id, kind: 'phone_call', on: '2025-03-12', needs: '需要心理疏导' });
    await later('2026-03-20T02:00:00.000Z');
    await ok('family:invite', { familyId: family.id, ceremony: 'qingming', year: 2026 });

    const families = queued('donor_family');
    expect(families.map((payload) => payload.version)).toEqual([1, 2]);
    expect(families[1]).toEqual({
      id: family.id,
      stationCode: 'KMU01',
      registrationId: family.registrationId,
      donatedOn: '2025-03-10',
      doNotContact: false,
      consents: [{ purpose: 'publicity', granted: true, textVersion: FAMILY_CONSENT_TEXT_VERSION, givenOn: '2025-03-12' }],
      memberCount: 2,
      openedAt: family.openedAt,
      version: 2,
    });
    const years = queued('family_care_year');
    expect(years.at(-1)).toMatchObject({ familyId: family.id, year: 2026, invitations: 1, accepted: 0, attended: 0 });
    expect(years.find((payload) => payload.year === 2025)).toMatchObject({ contacts: { phone_call: 1 }, followUpsDone: 0 });
    const everything = JSON.stringify([...families, ...years]);
    for (const text of ['王秀英', '李建国', '13987654321', '13900001111', '学府路', '心理疏导']) expect(everything).not.toContain(text);
  });

  it('counts the year for the figures', async () => {
    const { family } = await openFamily();
    await ok('family:logContact', { familyId: family.id, kind: 'phone_call', on: '2025-03-12' });
    await ok('family:logContact', { familyId: family.id, kind: 'home_visit', on: '2025-03-12' });
    await ok('family:invite', { familyId: family.id, ceremony: 'life_tribute', year: 2025 });
    // A condolence payment as the aid area records it once its approval chain is through.
    const paid = station.connection.sqlite.prepare(
      `insert into aid_case (id, station_code, family_id, programme, cause, cause_key, state, version, applicant_member_id, reason, documents_seen,
        amount_asked_fen, amount_granted_fen, paid_on, payment_method, recipient_member_id, recipient_signature, opened_at)
       values (?, 'KMU01', ?, ?, '{}', ?, 'paid', 6, ?, 'sealed', '[]', 200000, ?, ?, 'cash', ?, 'sealed', '2025-03-12T02:00:00.000Z')`,
    );
    const memberId = family.members[0]!.id;
    paid.run('case-1', family.id, 'condolence', 'condolence', memberId, 200_000, '2025-03-12', memberId);
    paid.run('case-2', family.id, 'funeral', 'funeral', memberId, 150_050, '2025-12-31', memberId);
    paid.run('case-3', family.id, 'hardship', 'hardship:illness:2026', memberId, 90_000, '2026-01-01', memberId);
    const figures = await ok('family:figures', { year: 2025 }, admin);
    expect(figures).toMatchObject({
      year: 2025,
      familiesOpen: 1,
      familiesContacted: 1,
      contacts: 2,
      contactsPerFamily: 2,
      followUpsOverdue: 0,
    });
    expect(figures.aidPaid).toEqual([
      { programme: 'condolence', cases: 1, amountFen: 200_000 },
      { programme: 'hardship', cases: 0, amountFen: 0 },
      { programme: 'study_grant', cases: 0, amountFen: 0 },
      { programme: 'funeral', cases: 1, amountFen: 150_050 },
      { programme: 'bo_ai_visit', cases: 0, amountFen: 0 },
    ]);
    expect(figures.invitations.find((row) => row.ceremony === 'life_tribute')).toEqual({ ceremony: 'life_tribute', sent: 1, accepted: 0, attended: 0 });
  });
});
